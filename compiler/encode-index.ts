// CompiledCorpus → the index files (engine/index/index-format.ts): index.bin, the story file (gzipped
// tables), the article list, card shards, text shards (gzipped JSON).
// Deterministic: the bytes depend on the compiled corpus only.
import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import { packIndex, packStoryTables, packUints } from '../engine/index/index-container';
import {
  INDEX_FILE,
  INDEX_VERSION,
  STORY_TABLES,
  storyFileName,
  SHARD_BYTES,
  shardFileName,
  type ArticleMeta,
  type CardShard,
  TEXT_SHARD_BYTES,
  titleOf,
  type StoredArticle,
  type ShardKind,
  type StoredCardLine,
  type StoryTableName,
  type Table,
} from '../engine/index/index-format';
import { packStories } from '../engine/story/story-table';
import type { CompiledCorpus } from './compile';

export interface IndexFile {
  name: string;
  bytes: Uint8Array;
}

type Shard = IndexFile & { first: number };

export function encodeIndex(c: CompiledCorpus, shardBytes = SHARD_BYTES): IndexFile[] {
  const texts = shards(
    'text',
    c.articles.map(({ lang: _lang, title, ...article }, a): StoredArticle => {
      if (titleOf(article.text) !== title)
        throw new Error(`article ${article.id}: its text does not start with its title`);
      return { ...article, lines: c.articleLines[a] };
    }),
    shardBytes * (TEXT_SHARD_BYTES / SHARD_BYTES),
  );
  const cards = shards('cards', c.cardLines.map(storedLines(c)), shardBytes, (items) => ({
    articles: [...new Set(items.flat().map(([a]) => a))]
      .sort((x, y) => x - y)
      .map((a): CardShard['articles'][number] => [a, c.articles[a].title, c.articles[a].date, c.articles[a].source]),
  }));
  const list = shards(
    'articles',
    c.articles.map((a): ArticleMeta => [a.title, a.date, a.source, a.url]),
    shardBytes * (TEXT_SHARD_BYTES / SHARD_BYTES),
  );
  const { langs, dateKeys, numberKeys, weights, ...stories } = packStories(c.stories);
  const storyTables = Object.fromEntries(STORY_TABLES.map((name) => [name, stories[name]])) as Record<
    StoryTableName,
    Table
  >;
  const storyBytes = packStoryTables(
    { version: INDEX_VERSION, articles: c.articles.length, dateKeys, numbers: numberKeys, weights },
    storyTables,
  );
  const storyFile = {
    name: storyFileName(createHash('sha256').update(storyBytes).digest('hex').slice(0, 8)),
    bytes: gzipShard(storyBytes),
  };
  const tables = {
    articleLang: stories.articleLang,
    entityOffsets: stories.entityOffsets,
    entities: stories.entities,
    mentionCounts: packUints(c.mentionCounts, 'mention counts'),
    cooccurrence: packUints(c.cooccurrence.flat(), 'co-occurrence'),
  };
  const index = packIndex(
    {
      version: INDEX_VERSION,
      entities: c.entities,
      gazetteer: c.gazetteer,
      articleIds: c.articles.map((a) => a.id),
      langs,
      storyFile: storyFile.name,
      textShards: texts.map((s) => [s.name, s.first]),
      cardShards: cards.map((s) => [s.name, s.first]),
      articleShards: list.map((s) => [s.name, s.first]),
    },
    tables,
  );
  return [
    { name: INDEX_FILE, bytes: index },
    storyFile,
    ...[...list, ...cards, ...texts].map(({ name, bytes }) => ({ name, bytes })),
  ];
}

/** An entity's ranked lines as its card shard stores them: the sentence cut, the mark inside it. */
const storedLines = (c: CompiledCorpus) => (lines: CompiledCorpus['cardLines'][number]) =>
  lines.map(([a, s0, s1, m0, m1]): StoredCardLine => [a, c.articles[a].text.slice(s0, s1), m0 - s0, m1 - s0]);

/**
 * Shards ship gzipped (engine/index/shard-bytes.ts inflates them). Level 9: 2% smaller than the default
 * on Arabic news, a few seconds more per 15,000 articles. zlib writes no timestamp (mtime 0), so
 * the bytes stay deterministic.
 */
export const gzipShard = (json: Uint8Array): Uint8Array =>
  new Uint8Array(gzipSync(json, { level: constants.Z_BEST_COMPRESSION }));

/**
 * Consecutive items, a new shard once one holds `target` bytes (an item is never split). `more`
 * adds shard-wide fields computed from the shard's items.
 */
function shards<T>(kind: ShardKind, items: T[], target: number, more?: (items: T[]) => object): Shard[] {
  const out: Shard[] = [];
  let first = 0;
  let size = 0;
  const close = (end: number) => {
    if (end === first) return;
    const part = items.slice(first, end);
    const json = JSON.stringify({ first, items: part, ...more?.(part) });
    const text = new TextEncoder().encode(json);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    out.push({ name: shardFileName(kind, out.length, hash), bytes: gzipShard(text), first });
    first = end;
    size = 0;
  };
  items.forEach((item, i) => {
    size += Buffer.byteLength(JSON.stringify(item));
    if (size >= target) close(i + 1);
  });
  close(items.length);
  return out;
}
