import type { Corpus } from '../engine/index/corpus';

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** A maintainer's summary of the compiled index: sizes, coverage, the busiest entities. */
export function corpusStats(corpus: Corpus, bytes: { index: number; story: number; shards: number }): string {
  const lines: string[] = [];
  const count = <T>(items: T[]) => {
    const by = new Map<T, number>();
    for (const x of items) by.set(x, (by.get(x) ?? 0) + 1);
    return [...by].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const { texts, cards, list } = corpus;
  const shards = `${texts.files().length} text, ${cards.files().length} cards, ${list.files().length} articles`;
  lines.push(
    `index version ${corpus.version}: index.bin ${kib(bytes.index)}; story file ${kib(bytes.story)}; shards ${shards}: ${kib(bytes.shards)}`,
  );
  lines.push(
    `articles: ${corpus.articleIds.length} (${count(corpus.articleIds.map((_, a) => corpus.articleLang(a)))})`,
  );
  lines.push(`entities: ${corpus.entities.length} (${count(corpus.entities.map((e) => e.type))})`);
  const aliases = corpus.gazetteer.aliases;
  lines.push(`aliases: ${aliases.length} (${aliases.filter((a) => a.ambiguous).length} ambiguous)`);
  const counts = [...corpus.mentionCounts].map((n, e) => [e, n] as const).filter(([, n]) => n > 0);
  lines.push(
    `mentions: ${counts.reduce((s, [, n]) => s + n, 0)} of ${counts.length} entities; ${corpus.entities.length - counts.length} entities never mentioned`,
  );
  lines.push(`co-occurring pairs: ${corpus.cooccurrence.length / 3}`);
  lines.push('most mentioned:');
  for (const [e, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    const ent = corpus.entities[e];
    lines.push(`  ${String(n).padStart(4)}  ${ent.id}  ${ent.names.ar} / ${ent.names.en}`);
  }
  return lines.join('\n');
}
