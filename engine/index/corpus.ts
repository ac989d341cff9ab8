// Opening the compiled index (engine/index/index-format.ts): the same code in the background (fetch),
// the CLI (disk) and tests (memory). Reads index.bin only; texts and card lines come from their
// shards on demand.
// The head and every table's shape are checked before use, so a truncated or damaged file is
// refused here with a CorpusIndexError instead of failing later, somewhere in a card. The values
// inside the tables are not scanned: at 10,000 articles that would cost more than the rest of the
// load (the background does it at every start), and readers treat a wild value as missing data (a
// NaN score, no line), never as a reason to throw.
import { unpackIndex } from './index-container';
import {
  CorpusIndexError,
  INDEX_FILE,
  SHARD_FILE,
  readIndexFile,
  type EntityRecord,
  type ArticleMeta,
  type IndexHead,
  type ReadFile,
  type ShardArticle,
  type ShardRef,
  type Table,
  type TableName,
  type Uints,
} from './index-format';
import { articleListCheck, cardShardCheck, textShardCheck, type CardLineText } from './shard-checks';
import { Shards } from './shards';
import type { StoryTable } from '../story/story-table';
import type { Gazetteer } from '../types';

export interface Corpus {
  version: number;
  entities: EntityRecord[];
  gazetteer: Gazetteer;
  articleIds: string[];
  stories: StoryTable;
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
  const t = tables as Record<TableName, Uints> & Record<(typeof F64)[number], Float64Array>;
  const stories: StoryTable = {
    langs: head.langs,
    articleLang: t.articleLang,
    entityOffsets: t.entityOffsets,
    entities: t.entities,
    dateKeys: head.dateKeys,
    dateOffsets: t.dateOffsets,
    dates: t.dates,
    numberKeys: head.numbers,
    numberOffsets: t.numberOffsets,
    numbers: t.numbers,
    termOffsets: t.termOffsets,
    termHashes: t.termHashes,
    weights: head.weights,
    termWeights: t.termWeights,
    termNorms: t.termNorms,
    titleOffsets: t.titleOffsets,
    titleWords: t.titleWords,
    shingleLevels: t.shingleLevels,
    shingleCounts: t.shingleCounts,
    shingleKeys: t.shingleKeys as Uint32Array,
    shingleOffsets: t.shingleOffsets,
    shingleArticles: t.shingleArticles,
    wordKeys: t.wordKeys as Uint32Array,
    wordOffsets: t.wordOffsets,
    wordArticles: t.wordArticles,
    shingleTotals: t.shingleTotals,
    wordTotals: t.wordTotals,
  };
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
    stories,
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

/** The tables of doubles; the others are unsigned integers. */
const F64 = ['termNorms', 'shingleTotals', 'wordTotals'] as const;

const numbering = (ids: string[]) => new Map(ids.map((id, i) => [id, i]));

/** The head's fields and the tables' shapes agree with each other: types, lengths, offsets' ends. */
function check(head: IndexHead, t: Record<TableName, Table>): void {
  const fail = (problem: string): never => {
    throw new CorpusIndexError(`corpus index ${INDEX_FILE}: ${problem}`);
  };
  const strings = (x: unknown, what: string) => {
    if (!Array.isArray(x) || (x.length && typeof x[0] !== 'string')) fail(`${what} is not a list of strings`);
  };
  strings(head.articleIds, 'articleIds');
  strings(head.langs, 'langs');
  strings(head.dateKeys, 'dateKeys');
  strings(head.numbers, 'numbers');
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
  if (!Array.isArray(head.weights)) fail('weights is not a list');

  const length = (name: TableName, n: number) => {
    if (t[name].length !== n) fail(`table ${name} has ${t[name].length} entries, expected ${n}`);
  };
  for (const name of Object.keys(t) as TableName[])
    if ((F64 as readonly string[]).includes(name) !== t[name] instanceof Float64Array)
      fail(`table ${name} has the wrong type`);
  const rows = (offsets: TableName, values: TableName, count: number) => {
    const o = t[offsets];
    length(offsets, count + 1);
    if (o[0] !== 0 || o[count] !== t[values].length) fail(`table ${offsets} does not cover ${values}`);
  };
  length('articleLang', articleCount);
  rows('entityOffsets', 'entities', articleCount);
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
  length('mentionCounts', entityCount);
  if (t.cooccurrence.length % 3) fail('table cooccurrence is not made of triples');
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
