// Opening the compiled index (engine/index/index-format.ts): the same code in the background (fetch),
// the CLI (disk) and tests (memory). Reads index.bin only; the same-story tables come from the story
// file on the first call to stories(), texts and card lines from their shards, on demand.
// The head and every table's shape are checked before use, so a truncated or damaged file is
// refused here with a CorpusIndexError instead of failing later, somewhere in a card. The values
// inside the tables are not scanned: at 10,000 articles that would cost more than the rest of the
// load (the background does it at every start), and readers treat a wild value as missing data (a
// NaN score, no line), never as a reason to throw.
import { unpackIndex, unpackStoryTables } from './index-container';
import {
  CorpusIndexError,
  INDEX_FILE,
  INDEX_VERSION,
  SHARD_FILE,
  STORY_FILE,
  readIndexFile,
  type EntityRecord,
  type ArticleMeta,
  type IndexHead,
  type IndexTableName,
  type ReadFile,
  type ShardArticle,
  type ShardRef,
  type StoryHead,
  type StoryTableName,
  type Table,
  type Uints,
} from './index-format';
import { gunzip } from './shard-bytes';
import { articleListCheck, cardShardCheck, textShardCheck, type CardLineText } from './shard-checks';
import { Shards } from './shards';
import type { StoryTable } from '../story/story-table';
import type { Gazetteer } from '../types';

export interface Corpus {
  version: number;
  entities: EntityRecord[];
  gazetteer: Gazetteer;
  articleIds: string[];
  /** Each article's entities (CSR: entities[entityOffsets[a]] … entities[entityOffsets[a + 1] - 1]). */
  articleEntities: { entityOffsets: Uints; entities: Uints };
  /** The same-story tables, read from the story file on the first call and kept; a failed read is tried again on the next. */
  stories(): Promise<StoryTable>;
  /** Per entity: how many times the corpus names it. */
  mentionCounts: Uints;
  /** [entity a, entity b, articles with both]… */
  cooccurrence: Uints;
  texts: Shards<ShardArticle>;
  cards: Shards<CardLineText[]>;
  /** Every article's title, date, source and url (the reader's list). */
  list: Shards<ArticleMeta>;
  /** The article's number, -1 when the corpus has none of that id. */
  articleNumber(id: string): number;
  /** The entity's number, -1 when the catalog has none of that id. */
  entityNumber(id: string): number;
  articleLang(a: number): string;
  /** The entity's card lines in card order (compiler/card-lines.ts), from its card shard. */
  cardLines(e: number): Promise<CardLineText[]>;
  /** The article with its text, from its shard. */
  article(a: number): Promise<ShardArticle>;
}

/** Index files fetched from URLs: the background's own files, or the benchmark's server. */
export function fetchFiles(urlOf: (name: string) => string): ReadFile {
  return async (name) => {
    const res = await fetch(urlOf(name));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

export async function openCorpus(read: ReadFile): Promise<Corpus> {
  const { head, tables } = unpackIndex(await readIndexFile(read, INDEX_FILE));
  check(head, tables);
  const t = tables as Record<IndexTableName, Uints>;
  let stories: Promise<StoryTable> | null = null;
  const articleCount = head.articleIds.length;
  const texts = new Shards(head.textShards, articleCount, read, textShardCheck(head.articleIds));
  const cards = new Shards(head.cardShards, head.entities.length, read, cardShardCheck(articleCount));
  const list = new Shards(head.articleShards, articleCount, read, articleListCheck);
  // Id → number maps are built on first use: a lookup or a story match never needs them.
  let articles: Map<string, number> | null = null;
  let entities: Map<string, number> | null = null;
  return {
    version: head.version,
    entities: head.entities,
    gazetteer: head.gazetteer,
    articleIds: head.articleIds,
    articleEntities: { entityOffsets: t.entityOffsets, entities: t.entities },
    stories: () => {
      if (!stories) {
        const p = (stories = openStories(read, head, t));
        p.catch(() => stories === p && (stories = null));
      }
      return stories;
    },
    mentionCounts: t.mentionCounts,
    cooccurrence: t.cooccurrence,
    texts,
    cards,
    list,
    articleNumber: (id) => (articles ??= numbering(head.articleIds)).get(id) ?? -1,
    entityNumber: (id) => (entities ??= numbering(head.gazetteer.entityIds)).get(id) ?? -1,
    articleLang: (a) => head.langs[t.articleLang[a]],
    // A never-mentioned entity has no lines: no shard to read.
    cardLines: async (e) => (t.mentionCounts[e] ? cards.get(e) : []),
    article: (a) => texts.get(a),
  };
}

/** The story file, inflated, checked against index.bin, and viewed as the scorer's columns. */
async function openStories(read: ReadFile, index: IndexHead, t: Record<IndexTableName, Uints>): Promise<StoryTable> {
  const name = index.storyFile;
  let bytes: Uint8Array;
  try {
    bytes = await gunzip(await readIndexFile(read, name));
  } catch (e) {
    if (e instanceof CorpusIndexError) throw e;
    throw new CorpusIndexError(
      `corpus file ${name}: not a complete gzip file, truncated or damaged (${(e as Error).message})`,
    );
  }
  const { head, tables } = unpackStoryTables(bytes, name);
  checkStories(head, tables, index.articleIds.length, name);
  const s = tables as Record<StoryTableName, Uints> & Record<(typeof F64)[number], Float64Array>;
  return {
    langs: index.langs,
    articleLang: t.articleLang,
    entityOffsets: t.entityOffsets,
    entities: t.entities,
    dateKeys: head.dateKeys,
    dateOffsets: s.dateOffsets,
    dates: s.dates,
    numberKeys: head.numbers,
    numberOffsets: s.numberOffsets,
    numbers: s.numbers,
    termOffsets: s.termOffsets,
    termHashes: s.termHashes,
    weights: head.weights,
    termWeights: s.termWeights,
    termNorms: s.termNorms,
    titleOffsets: s.titleOffsets,
    titleWords: s.titleWords,
    shingleLevels: s.shingleLevels,
    shingleCounts: s.shingleCounts,
    shingleKeys: s.shingleKeys as Uint32Array,
    shingleOffsets: s.shingleOffsets,
    shingleArticles: s.shingleArticles,
    wordKeys: s.wordKeys as Uint32Array,
    wordOffsets: s.wordOffsets,
    wordArticles: s.wordArticles,
    shingleTotals: s.shingleTotals,
    wordTotals: s.wordTotals,
  };
}

/** The tables of doubles; the others are unsigned integers. */
const F64 = ['termNorms', 'shingleTotals', 'wordTotals'] as const;

/** Table checks shared by both files: types, lengths, offsets that cover their values. */
function tableChecks<N extends string>(t: Record<N, Table>, fail: (problem: string) => never) {
  for (const name of Object.keys(t) as N[])
    if ((F64 as readonly string[]).includes(name) !== t[name] instanceof Float64Array)
      fail(`table ${name} has the wrong type`);
  const length = (name: N, n: number) => {
    if (t[name].length !== n) fail(`table ${name} has ${t[name].length} entries, expected ${n}`);
  };
  const rows = (offsets: N, values: N, count: number) => {
    const o = t[offsets];
    length(offsets, count + 1);
    if (o[0] !== 0 || o[count] !== t[values].length) fail(`table ${offsets} does not cover ${values}`);
  };
  return { length, rows };
}

const numbering = (ids: string[]) => new Map(ids.map((id, i) => [id, i]));

/** The head's fields and the tables' shapes agree with each other: types, lengths, offsets' ends. */
function check(head: IndexHead, t: Record<IndexTableName, Table>): void {
  const fail = (problem: string): never => {
    throw new CorpusIndexError(`corpus index ${INDEX_FILE}: ${problem}`);
  };
  const strings = (x: unknown, what: string) => {
    if (!Array.isArray(x) || (x.length && typeof x[0] !== 'string')) fail(`${what} is not a list of strings`);
  };
  strings(head.articleIds, 'articleIds');
  strings(head.langs, 'langs');
  const g = head.gazetteer;
  if (!Array.isArray(head.entities) || !g || !Array.isArray(g.aliases) || !Array.isArray(g.entityTypes))
    fail('the head lacks entities or a gazetteer');
  strings(g.entityIds, 'gazetteer.entityIds');
  const entityCount = head.entities.length;
  if (g.entityIds.length !== entityCount || g.entityTypes.length !== entityCount)
    fail('the gazetteer and the entity table disagree');
  const articleCount = head.articleIds.length;
  shardList(head.textShards, articleCount, 'textShards', fail);
  shardList(head.cardShards, entityCount, 'cardShards', fail);
  shardList(head.articleShards, articleCount, 'articleShards', fail);
  if (typeof head.storyFile !== 'string' || !STORY_FILE.test(head.storyFile)) fail('storyFile is malformed');

  const { length, rows } = tableChecks(t, fail);
  length('articleLang', articleCount);
  rows('entityOffsets', 'entities', articleCount);
  length('mentionCounts', entityCount);
  if (t.cooccurrence.length % 3) fail('table cooccurrence is not made of triples');
}

/** The story file describes index.bin's articles, in shapes the scorer can read. */
function checkStories(head: StoryHead, t: Record<StoryTableName, Table>, articleCount: number, file: string): void {
  const fail = (problem: string): never => {
    throw new CorpusIndexError(`corpus index ${file}: ${problem}`);
  };
  if (head.version !== INDEX_VERSION) fail(`version ${head.version}, expected ${INDEX_VERSION}; rebuild it`);
  if (head.articles !== articleCount) fail(`describes ${head.articles} articles, index.bin ${articleCount}`);
  for (const key of ['dateKeys', 'numbers'] as const)
    if (!Array.isArray(head[key]) || (head[key].length && typeof head[key][0] !== 'string'))
      fail(`${key} is not a list of strings`);
  if (!Array.isArray(head.weights)) fail('weights is not a list');
  const { length, rows } = tableChecks(t, fail);
  rows('dateOffsets', 'dates', articleCount);
  rows('numberOffsets', 'numbers', articleCount);
  rows('termOffsets', 'termHashes', articleCount);
  length('termWeights', t.termHashes.length);
  length('termNorms', articleCount);
  rows('titleOffsets', 'titleWords', articleCount);
  length('shingleLevels', articleCount);
  length('shingleCounts', articleCount);
  if (!(t.shingleKeys instanceof Uint32Array)) fail('table shingleKeys has the wrong type');
  rows('shingleOffsets', 'shingleArticles', t.shingleKeys.length);
  if (!(t.wordKeys instanceof Uint32Array)) fail('table wordKeys has the wrong type');
  rows('wordOffsets', 'wordArticles', t.wordKeys.length);
  length('shingleTotals', articleCount);
  length('wordTotals', articleCount);
}

/** Shard files named as the compiler names them, covering items 0… in increasing order. */
function shardList(list: ShardRef[], count: number, what: string, fail: (problem: string) => never): void {
  if (!Array.isArray(list)) fail(`the head has no ${what}`);
  list.forEach((s, i) => {
    const ok =
      Array.isArray(s) &&
      typeof s[0] === 'string' &&
      SHARD_FILE.test(s[0]) &&
      Number.isInteger(s[1]) &&
      s[1] < count &&
      (i === 0 ? s[1] === 0 : s[1] > list[i - 1][1]);
    if (!ok) fail(`${what} entry ${i} is malformed`);
  });
  if (count && !list.length) fail(`${what} is empty`);
}
