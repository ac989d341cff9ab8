// seeds/ → CorpusIndex. Pure: takes file contents, returns the index or throws SeedErrors naming
// every problem; nothing is written here (cli/corpus.ts writes the result atomically).
import { buildGazetteer } from '../engine/gazetteer';
import { createMatcher } from '../engine/matcher';
import { extractFeatures } from '../engine/story';
import {
  INDEX_VERSION,
  type ArticleRecord,
  type CorpusIndex,
  type MentionRef,
  type SentenceRef,
} from '../engine/index-format';
import type { CatalogEntity, Mention } from '../engine/types';
import { parseArticle } from './articles';
import { parseCatalog } from './catalog';
import { SeedError, SeedErrors } from './errors';
import { sentenceSpans } from './sentences';

export interface SeedFiles {
  catalog: { file: string; text: string };
  /** Article files in any order; compiled in file-name order. */
  articles: { file: string; bytes: Uint8Array }[];
}

export interface CompileOptions {
  onProgress?: (done: number, total: number) => void;
}

/** How many co-occurring entities an entity keeps as "related" (hover card, ambiguity evidence). */
const RELATED = 12;

export function compileCorpus(seeds: SeedFiles, options: CompileOptions = {}): CorpusIndex {
  const errors: SeedError[] = [];
  let entities: CatalogEntity[] = [];
  try {
    entities = parseCatalog(seeds.catalog.file, seeds.catalog.text);
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
  const firstPass = matchAll(createMatcher(buildGazetteer(entities)), articles);
  const { related, cooccurrence } = relate(firstPass, entities.length);
  const gazetteer = buildGazetteer(entities, related);
  const matcher = createMatcher(gazetteer);

  const sentences: SentenceRef[] = [];
  const mentions: MentionRef[][] = entities.map(() => []);
  const stories = [];
  for (let a = 0; a < articles.length; a++) {
    const article = articles[a];
    const found = matcher.match(article.text);
    const spans = sentenceSpans(article.text);
    const sentenceIndex = new Map<number, number>();
    for (const m of found) {
      const s = spans.findIndex(([start, end]) => m.start >= start && m.end <= end);
      if (s < 0) continue;
      let ref = sentenceIndex.get(s);
      if (ref === undefined) {
        ref = sentences.length;
        sentenceIndex.set(s, ref);
        sentences.push([a, spans[s][0], spans[s][1]]);
      }
      mentions[m.entity].push([ref, m.start, m.end]);
    }
    stories.push(
      extractFeatures(
        article.text,
        article.lang,
        found.map((m) => m.entity),
        article.date,
      ),
    );
    options.onProgress?.(a + 1, articles.length);
  }

  return {
    version: INDEX_VERSION,
    articles,
    entities: entities.map((e) => ({ id: e.id, type: e.type, names: e.names, gloss: e.gloss })),
    gazetteer,
    sentences,
    mentions,
    cooccurrence,
    stories,
  };
}

function collect(e: unknown, errors: SeedError[]): void {
  if (e instanceof SeedErrors) errors.push(...e.errors);
  else if (e instanceof SeedError) errors.push(e);
  else throw e;
}

function matchAll(matcher: { match(text: string): Mention[] }, articles: ArticleRecord[]): Set<number>[] {
  return articles.map((a) => new Set(matcher.match(a.text).map((m) => m.entity)));
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
