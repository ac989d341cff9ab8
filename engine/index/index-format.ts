import type { EntityType, Gazetteer } from '../types';

// The compiled corpus index: what `npm run corpus -- build` writes to generated/corpus/ and the
// extension ships as /corpus/. Design note (version 4):
// - Five kinds of files, split by when they are needed:
//   · `index.bin`, read once per background lifetime: entities, gazetteer, article ids, each
//     article's entities, and counts — what a lookup, a card and the reader need. Nothing of the
//     texts, nothing of same story. 0.7 MB at 15,000 real articles.
//   · the story file (`stories-<hash>.bin.gz`, version 4): the same-story tables — fingerprints
//     (48 term hashes per article, dates, figures, headline words) and the content indexes of
//     story-content.ts — read on a page's first story match. They were 10.6 of index.bin's 11.4 MB
//     at 15,000 real articles, and fetching them made every background start (the reader's first
//     open, a page's first lookup) wait 115–185 ms for tables only a story match reads. Gzipped:
//     sorted hashes and article numbers shrink by a third (11.3 → 7.4 MB at 15,000 articles);
//     inflating costs the first match tens of milliseconds, once per background lifetime.
//   · card shards (`cards-NNNN-<hash>.json.gz`, consecutive entities, ~SHARD_BYTES each): per entity
//     its card lines with the sentence already cut and the article's title and date, so a hover
//     card reads one small file (a read costs ~5 ms in the benchmark whatever its size, so one
//     read per card matters more than bytes).
//   · text shards (`text-NNNN-<hash>.json.gz`, consecutive articles, ~TEXT_SHARD_BYTES each): each
//     article's record, text and its own card lines; read for the reader, a story match's title,
//     and a card on a corpus story's page (that story's lines come first on the card).
//   · article list shards (`articles-NNNN-<hash>.json.gz`, consecutive articles, ~TEXT_SHARD_BYTES
//     each): every article's title, date, source and url, for the reader's article list alone
//     (reading every text shard for it took seconds). Not one file: the reader's first screen
//     wants its first rows only, and inflating and parsing the whole list of 15,000 real articles
//     (3.5 MB of JSON) took ~65 ms of its first open; the first shard is a fourteenth of it.
//   A 10,000-article corpus is ~35 MB of text: parsing it at start was most of a quarter-second
//   load. Shards are read on first use and a few dozen kept (engine/index/shards.ts).
// - Shards are gzipped (version 3): Arabic news JSON shrinks to about a quarter, and the shards
//   were 5/6 of the installed size (15,000 real articles: 69 MB → 27 MB in all). The browser
//   inflates them with DecompressionStream('gzip'), ~1 ms per 64 KB shard; index.bin stays
//   uncompressed so its tables are still viewed in place. The shard's hash is of its JSON.
// - The story file is a second container of the same layout (magic "HSYS", its own JSON head:
//   article count, date keys, figures, term weights), gzipped whole; inflated, its tables are
//   viewed in place as index.bin's are.
// - index.bin = 16-byte header (engine/index/index-container.ts) + a JSON head (entities, gazetteer,
//   article ids, small string and weight tables, the shard lists) + typed arrays. Numbers as
//   JSON cost a parse per number and a JS array each; typed arrays are zero-copy views. Measured
//   in Chromium on the 10,000-article corpus (9 MB of tables in a first layout): binary 0.1 ms
//   to view, base64-in-JSON 42 ms to decode (7 ms with Uint8Array.fromBase64, which Chrome 116
//   lacks), JSON arrays 52 ms to parse; reading the bytes costs the same per byte for all (and
//   base64 and JSON have more of them), so each table uses the narrowest type its values fit.
// - Card order is computed at compile time, not per hover: each entity's lines (one per sentence
//   that names it, the mark on its first mention) are stored newest article first, undated last,
//   corpus order otherwise, and cut to the shortest prefix that fills a card whatever the page's
//   story is (that story's own lines come from its text shard and are skipped in the list).
// - Story fingerprints are columns (CSR: per-article offsets into one values array) so matching
//   scans typed arrays instead of building 10,000 objects at load; term weights index the story head's
//   distinct weights, and each article's vector length is stored, computed as the scorer did.
// - Same story by content: an inverted index of word-shingle samples (engine/story/story-content.ts),
//   one of distinctive words, and per-article weight sums (stored: the background opens the index
//   at every start, and deriving them cost 20 ms at 15,000 articles): ten more tables.
// - Versioned: INDEX_VERSION changes whenever a reader of an older shape would misread it; the
//   background refuses an index of another version, and a truncated or malformed file with a
//   CorpusIndexError naming the problem, instead of guessing.
// - Deterministic: same seeds → byte-identical files (sorted inputs, no timestamps, no Map order);
//   shard names carry a hash of their bytes, so an index never names a shard of another build.

export const INDEX_VERSION = 4;
/** The folder of index files, in generated/ and in the extension. */
export const INDEX_DIR = 'corpus';
export const INDEX_FILE = 'index.bin';
/** The story file's name: its hash is of its tables, so an index never names another build's. */
export const storyFileName = (hash: string) => `stories-${hash}.bin.gz`;
export const STORY_FILE = /^stories-[0-9a-f]{8}\.bin\.gz$/;
/**
 * Target size of a text or card shard: reading 4 KB or 64 KB costs the same (the read's latency),
 * and parsing 64 KB takes ~0.4 ms.
 */
export const SHARD_BYTES = 64 * 1024;
/**
 * Text shards are four times larger (of JSON, before gzip): each gzipped file starts with an
 * empty dictionary, and at 64 KB that cost 6% of the texts' compressed size. Inflating and
 * parsing 256 KB is ~2 ms, once per article read (the reader, a card on a corpus story's page).
 */
export const TEXT_SHARD_BYTES = 4 * SHARD_BYTES;
/** Lines a hover card shows; the ranked lists are cut for this many. */
export const CARD_LINES = 5;

export type ShardKind = 'text' | 'cards' | 'articles';
/** Shards are gzipped JSON (engine/index/shard-bytes.ts): names end in .json.gz. */
export const shardFileName = (kind: ShardKind, n: number, hash: string) =>
  `${kind}-${String(n).padStart(4, '0')}-${hash}.json.gz`;
export const SHARD_FILE = /^(?:text|cards|articles)-\d{4,}-[0-9a-f]{8}\.json\.gz$/;

/** Anything wrong with the index files: the message names the file and the problem. */
export class CorpusIndexError extends Error {
  override name = 'CorpusIndexError';
}

/** How a reader gets an index file by name: fetch in the extension, the disk in the CLI, memory in tests. */
export type ReadFile = (name: string) => Promise<Uint8Array>;

export async function readIndexFile(read: ReadFile, name: string): Promise<Uint8Array> {
  try {
    return await read(name);
  } catch (e) {
    throw new CorpusIndexError(`corpus file ${name} cannot be read: ${(e as Error).message}`);
  }
}

export interface ArticleRecord {
  id: string;
  title: string;
  lang: string;
  /** ISO date (YYYY-MM-DD) when known, else null: never invented. */
  date: string | null;
  source: string | null;
  url: string | null;
  /** The article's text, paragraphs separated by \n, the title its first line (the reader shows it). */
  text: string;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  names: Record<string, string>;
  gloss: Record<string, string>;
}

/** One article in a text shard: its record and its own card lines (a card on its story shows them first). */
export interface ShardArticle extends Omit<ArticleRecord, 'lang'> {
  /** [entity, sentence start, sentence end, mark start, mark end]…, by entity then position. */
  lines: number[];
}

/** As a text shard stores it: without the title, which is the text's first line (added back when read). */
export type StoredArticle = Omit<ShardArticle, 'title'>;

/** The title of an article's text: its first line. */
export const titleOf = (text: string) => text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1);

export interface TextShard {
  /** Article number of items[0]. */
  first: number;
  items: StoredArticle[];
}

/** An article's title, date, source and url, as the article list stores them. */
export type ArticleMeta = [title: string, date: string | null, source: string | null, url: string | null];

export interface ArticleListShard {
  first: 0;
  items: ArticleMeta[];
}

/** A card line as a card shard stores it: [article, sentence, mark start, mark end (in the sentence)]. */
export type StoredCardLine = [article: number, sentence: string, markStart: number, markEnd: number];

export interface CardShard {
  /** Entity number of items[0]. */
  first: number;
  /** Per entity: its card lines in card order. */
  items: StoredCardLine[][];
  /** [article, title, date, source] of every article the lines quote. */
  articles: [article: number, title: string, date: string | null, source: string | null][];
}

/** A table in index.bin: element type, byte offset from the start of the tables, element count. */
export type TableRef = [type: 'u8' | 'u16' | 'u32' | 'f64', offset: number, length: number];
export type Uints = Uint8Array | Uint16Array | Uint32Array;
export type Table = Uints | Float64Array;

/** index.bin's typed arrays, in file order. "…Offsets" tables have one entry per row plus one. */
export const INDEX_TABLES = [
  'articleLang', // index into head.langs
  // Each article's entities (engine/story/story-table.ts): cards, related entities, the reader.
  'entityOffsets',
  'entities', // sorted entity numbers
  // Per entity.
  'mentionCounts',
  // [entity a, entity b, number of articles where both appear], a < b.
  'cooccurrence',
] as const;

/** The story file's typed arrays, in file order (engine/story/story-table.ts). */
export const STORY_TABLES = [
  'dateOffsets',
  'dates', // indexes into the story head's dateKeys
  'numberOffsets',
  'numbers', // indexes into the story head's numbers
  'termOffsets',
  'termHashes',
  'termWeights', // indexes into the story head's weights
  'termNorms', // f64: each article's term vector length
  'titleOffsets',
  'titleWords', // hashes of each article's title words, ascending
  // Same story by content (engine/story/story-content.ts): per article its shingle sampling and sample
  // count, and the inverted index of shingle samples (sorted keys, CSR postings of articles).
  'shingleLevels',
  'shingleCounts',
  'shingleKeys', // always u32: hashes
  'shingleOffsets',
  'shingleArticles',
  'wordKeys', // always u32: hashes of distinctive words
  'wordOffsets',
  'wordArticles',
  'shingleTotals', // f64: per article, its samples' rarity weights summed
  'wordTotals', // f64: per article, its distinctive words' weights summed
] as const;

export const TABLES = [...INDEX_TABLES, ...STORY_TABLES] as const;
export type TableName = (typeof TABLES)[number];
export type IndexTableName = (typeof INDEX_TABLES)[number];
export type StoryTableName = (typeof STORY_TABLES)[number];

export type ShardRef = [file: string, first: number];

/** Every file of an index: what the extension ships. */
export const indexFiles = (head: Pick<IndexHead, 'textShards' | 'cardShards' | 'articleShards' | 'storyFile'>) => [
  INDEX_FILE,
  head.storyFile,
  ...[...head.articleShards, ...head.cardShards, ...head.textShards].map(([file]) => file),
];

/** The JSON head of index.bin. */
export interface IndexHead {
  version: typeof INDEX_VERSION;
  entities: EntityRecord[];
  gazetteer: Gazetteer;
  articleIds: string[];
  langs: string[];
  /** The story file's name (storyFileName). */
  storyFile: string;
  /** Text shards in article order: file name and the number of its first article. */
  textShards: ShardRef[];
  /** Card shards in entity order: file name and the number of its first entity. */
  cardShards: ShardRef[];
  /** The article list in shards, in article order. */
  articleShards: ShardRef[];
  tables: Record<IndexTableName, TableRef>;
}

/** The JSON head of the story file. */
export interface StoryHead {
  version: typeof INDEX_VERSION;
  /** Articles it describes: index.bin's articleIds.length. */
  articles: number;
  dateKeys: string[];
  numbers: string[];
  /** Distinct term weights. */
  weights: number[];
  tables: Record<StoryTableName, TableRef>;
}
