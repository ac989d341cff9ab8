// Items stored in shards (engine/index/index-format.ts: articles in text shards, entities' card lines
// in card shards), read on first use. A card needs one entity's lines; the reader one article;
// neither should pay for the whole corpus. Recently used shards stay in memory, a bounded number.
import { CorpusIndexError, readIndexFile, type ReadFile, type ShardRef } from './index-format';
import { gunzip } from './shard-bytes';

/** How many shards of a kind stay in memory (~64 KB each): a page's cards, the article being read. */
const KEEP = 32;
/** Shards read at once when every item is wanted (the reader's article list). */
const PARALLEL = 8;

/** Turns a parsed shard into its items, or calls `fail` with what is wrong. */
export type ShardCheck<T> = (shard: unknown, first: number, end: number, fail: (problem: string) => never) => T[];

export class Shards<T> {
  private cache = new Map<number, Promise<T[]>>();

  constructor(
    private readonly refs: ShardRef[],
    private readonly count: number,
    private readonly read: ReadFile,
    private readonly check: ShardCheck<T>,
  ) {}

  /** Item `i` (an article or an entity number), from its shard. */
  async get(i: number): Promise<T> {
    const s = this.shardOf(i);
    const loading = this.cache.get(s) ?? this.load(s);
    // Map order is the recency order: move the shard to the end, drop the oldest beyond KEEP.
    this.cache.delete(s);
    this.cache.set(s, loading);
    if (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value!);
    loading.catch(() => this.cache.get(s) === loading && this.cache.delete(s));
    return (await loading)[i - this.refs[s][1]];
  }

  /** Every item in order, each shard read once and not kept. */
  async all(): Promise<T[]> {
    const out: T[][] = [];
    for (let s = 0; s < this.refs.length; s += PARALLEL) {
      const batch = this.refs.slice(s, s + PARALLEL).map((_, i) => this.cache.get(s + i) ?? this.load(s + i));
      out.push(...(await Promise.all(batch)));
    }
    return out.flat();
  }

  files(): string[] {
    return this.refs.map(([file]) => file);
  }

  /** Forgets the shards read so far (the benchmark measures cards that read theirs). */
  clear(): void {
    this.cache.clear();
  }

  private shardOf(i: number): number {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`no item ${i}`);
    let lo = 0;
    let hi = this.refs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.refs[mid][1] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private async load(s: number): Promise<T[]> {
    const [file, first] = this.refs[s];
    const end = this.refs[s + 1]?.[1] ?? this.count;
    const fail = (problem: string): never => {
      throw new CorpusIndexError(`corpus shard ${file}: ${problem}`);
    };
    const packed = await readIndexFile(this.read, file);
    let bytes: Uint8Array;
    try {
      bytes = await gunzip(packed);
    } catch (e) {
      return fail(`not a complete gzip file, truncated or damaged (${(e as Error).message})`);
    }
    let shard: { first?: unknown; items?: unknown[] };
    try {
      shard = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as typeof shard;
    } catch (e) {
      return fail(`not valid JSON (${(e as Error).message})`);
    }
    if (shard?.first !== first || !Array.isArray(shard.items) || shard.items.length !== end - first)
      fail(`expected items ${first}–${end - 1}; the shard is of another build or damaged`);
    return this.check(shard, first, end, fail);
  }
}
