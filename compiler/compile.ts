// seeds/ → CompiledCorpus. Pure: takes file contents, returns the compiled corpus or throws
// SeedErrors naming every problem; nothing is written here (compiler/encode-index.ts encodes it,
// cli/corpus.ts writes the files atomically).
import { buildGazetteer } from '../engine/match/gazetteer';
import { createMatcher, pageEvidence, type Matcher } from '../engine/match/matcher';
import { extractFeatures, type StoryFingerprint } from '../engine/story/story';
import { wireKey } from '../engine/story/wire-copies';
import { CARD_LINES, type ArticleRecord, type EntityRecord } from '../engine/index/index-format';
import type { CatalogEntity, CatalogPhrase, Gazetteer } from '../engine/types';
import { parseArticle } from './articles';
import { parseCatalog } from './catalog';
import { rankCardLines, type CardLine } from './card-lines';
import { SeedError, SeedErrors } from './errors';
import { sentenceAround, sentenceSpans } from './sentences';

export interface SeedFiles {
  catalog: { file: string; text: string };
  /** Article files in any order; compiled in file-name order. */
  articles: { file: string; bytes: Uint8Array }[];
}

export interface CompileOptions {
  onProgress?: (done: number, total: number) => void;
}

/** The compiled corpus in memory; compiler/encode-index.ts turns it into the index files. */
export interface CompiledCorpus {
  articles: ArticleRecord[];
  entities: EntityRecord[];
  gazetteer: Gazetteer;
  stories: StoryFingerprint[];
  /** Per entity: how many times the corpus names it. */
  mentionCounts: number[];
  /** Per entity: its card lines in card order, cut to what a card can show (compiler/card-lines.ts). */
  cardLines: CardLine[][];
  /** Per article: its card lines as [entity, sentence start, sentence end, mark start, mark end]…, by entity. */
  articleLines: number[][];
  /** [entity a, entity b, number of articles where both appear], a < b. */
  cooccurrence: [number, number, number][];
}

/** How many co-occurring entities an entity keeps as "related" (hover card, ambiguity evidence). */
const RELATED = 12;

export function compileCorpus(seeds: SeedFiles, options: CompileOptions = {}): CompiledCorpus {
  const errors: SeedError[] = [];
  let entities: CatalogEntity[] = [];
  let phrases: CatalogPhrase[] = [];
  try {
    ({ entities, phrases } = parseCatalog(seeds.catalog.file, seeds.catalog.text));
  } catch (e) {
    collect(e, errors);
  }

  const files = [...seeds.articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const articles: ArticleRecord[] = [];
  const ids = new Map<string, string>();
  for (const { file, bytes } of files) {
    try {
      const article = parseArticle(file, bytes);
      const other = ids.get(article.id);
      if (other) throw new SeedError(file, 1, `article id "${article.id}" is already used by ${other}`);
      ids.set(article.id, file);
      articles.push(article);
    } catch (e) {
      collect(e, errors);
    }
  }
  if (errors.length) throw new SeedErrors(errors);

  // Pass 1 finds co-occurrence; pass 2 matches again with it, because co-occurring entities are
  // evidence for ambiguous names (ظريف beside لافروف).
  const firstPass = matchAll(createMatcher(buildGazetteer(entities, {}, phrases)), articles);
  const { related, cooccurrence } = relate(firstPass, entities.length);
  const gazetteer = buildGazetteer(entities, related, phrases);
  const matcher = createMatcher(gazetteer);

  const mentionCounts = entities.map(() => 0);
  const lines: CardLine[][] = entities.map(() => []);
  const articleLines: number[][] = [];
  const stories: StoryFingerprint[] = [];
  for (let a = 0; a < articles.length; a++) {
    const article = articles[a];
    const found = matcher.match(article.text, pageEvidence(article.date));
    const spans = sentenceSpans(article.text);
    const own: number[][] = []; // [entity, sentence start, sentence end, mark start, mark end]
    const seen = new Set<string>(); // entity and sentence: one line per sentence, marked at its first mention
    for (const m of found) {
      mentionCounts[m.entity]++;
      const [s0, s1] = sentenceAround(spans, m.start, m.end);
      const key = `${m.entity} ${s0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines[m.entity].push([a, s0, s1, m.start, m.end]);
      own.push([m.entity, s0, s1, m.start, m.end]);
    }
    articleLines.push(own.sort((x, y) => x[0] - y[0]).flat());
    stories.push(
      extractFeatures(
        article.text,
        article.lang,
        found.map((m) => m.entity),
        article.date,
        article.title,
      ),
    );
    options.onProgress?.(a + 1, articles.length);
  }

  const dates = articles.map((a) => a.date);
  return {
    articles,
    entities: entities.map((e) => ({ id: e.id, type: e.type, names: e.names, gloss: e.gloss })),
    gazetteer,
    stories,
    mentionCounts,
    cardLines: lines.map((list) =>
      rankCardLines(list, dates, CARD_LINES, ([a, s0, s1]) => wireKey(articles[a].text.slice(s0, s1))),
    ),
    articleLines,
    cooccurrence,
  };
}

function collect(e: unknown, errors: SeedError[]): void {
  if (e instanceof SeedErrors) errors.push(...e.errors);
  else if (e instanceof SeedError) errors.push(e);
  else throw e;
}

function matchAll(matcher: Matcher, articles: ArticleRecord[]): Set<number>[] {
  return articles.map((a) => new Set(matcher.match(a.text, pageEvidence(a.date)).map((m) => m.entity)));
}

function relate(perArticle: Set<number>[], entityCount: number) {
  const counts = new Map<number, number>();
  for (const set of perArticle) {
    const list = [...set].sort((a, b) => a - b);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i] * entityCount + list[j];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  }
  const cooccurrence: [number, number, number][] = [...counts]
    .map(([key, n]) => [Math.floor(key / entityCount), key % entityCount, n] as [number, number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const neighbours: [number, number][][] = Array.from({ length: entityCount }, () => []);
  for (const [a, b, n] of cooccurrence) {
    neighbours[a].push([b, n]);
    neighbours[b].push([a, n]);
  }
  const related: Record<number, number[]> = {};
  neighbours.forEach((list, e) => {
    if (!list.length) return;
    related[e] = list
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, RELATED)
      .map(([other]) => other);
  });
  return { related, cooccurrence };
}
