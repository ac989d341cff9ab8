// A hover card's lines, chosen at compile time. Each line is a sentence that names the entity, with
// the mark on its first mention there. The card shows the page's story first (from that article's
// own lines), then the newest articles; that second order does not depend on the page, so it is
// sorted here once instead of on every hover.

/** [article, sentence start, sentence end, mark start, mark end]: UTF-16 offsets in the article text. */
export type CardLine = [number, number, number, number, number];

/** Newest first, undated last; equal dates keep their order (the sort is stable). */
function newerFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a > b ? -1 : 1;
}

/**
 * An entity's lines (given in corpus order) in card order, cut to the shortest prefix that still
 * fills a card of `perCard` lines after the lines of any one article (the page's story, shown from
 * its own lines) are skipped. `keyOf` names wire copies (engine/story/wire-copies.ts): the card shows a
 * sentence and its copies as one line, so copies count once and the prefix keeps them all (their
 * sources are listed on that line).
 */
export function rankCardLines(
  lines: CardLine[],
  dates: (string | null)[],
  perCard: number,
  keyOf: (line: CardLine) => string = (line) => `${line[0]} ${line[1]}`,
): CardLine[] {
  const ranked = [...lines].sort((x, y) => newerFirst(dates[x[0]], dates[y[0]]));
  const perArticle = new Map<number, number>();
  const keys = new Set<string>();
  let most = 0;
  for (let i = 0; i < ranked.length; i++) {
    const n = (perArticle.get(ranked[i][0]) ?? 0) + 1;
    perArticle.set(ranked[i][0], n);
    most = Math.max(most, n);
    keys.add(keyOf(ranked[i]));
    if (keys.size - most >= perCard) return ranked.slice(0, i + 1);
  }
  return ranked;
}
