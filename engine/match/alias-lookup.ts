// Shipping a page only the aliases it can match. Design note:
// A catalog of 100,000 aliases is megabytes of JSON; sending all of it to every page, and building
// the matcher from it there, would make each page pay for the catalog's size. Instead the content
// script sends the lookup keys its text can produce — each distinct token and its clitic-stripped
// stems, exactly the keys the matcher would look up — and the background answers with the aliases
// whose first token is one of them (built once per background lifetime). What a page receives
// grows with the page's vocabulary, not with the catalog. Entity numbers stay the index's global
// ones, so story features and "related" evidence need no translation.
// Crowded first words: in a large catalog a common leading word (شركة, وكالة, University) starts
// thousands of names, and any page containing the word would receive them all. Names behind such a
// word are keyed by their first two tokens instead ("شركة نفط"); the page learns the crowded words
// with its first answer and asks for the pairs it contains (a stem of a crowded word followed,
// within the same name, by its next token).
// The first answer also carries two filters: a bit per hash of the last four units of the catalog's
// first words of four units or more, and a bit per suffix hash of the shorter ones
// (engine/match/matcher.ts keyFilterBit; every key a token yields is a suffix of it). A page token
// whose bits are both clear can yield no key, so it is neither keyed nor sent: most of a page's words.
import { cliticReadings } from '../text/clitics';
import {
  FILTER_BITS,
  joinedBy,
  keyFilterBit,
  prepareText,
  SHORT_FILTER_BITS,
  SHORT_FILTER_MASK,
  type PreparedText,
} from './matcher';
import type { AliasEntry, EntityType, Gazetteer } from '../types';

const FILTER_BYTES = 1 << (FILTER_BITS - 3);
const SHORT_FILTER_BYTES = 1 << (SHORT_FILTER_BITS - 3);

/** The key filters of a catalog, bits packed in bytes (see above). */
export interface KeyFilters {
  long: Uint8Array;
  short: Uint8Array;
}

/** More names than this behind one first token: the token is crowded (keyed by pairs). */
export const CROWD = 32;

const isArabic = (c: number) => c >= 0x600 && c <= 0x6ff;

export const pairKey = (first: string, second: string) => `${first} ${second}`;

interface TokenInfo {
  token: string;
  /** tokenHash of `token`. */
  id: number;
  stems: string[];
  /** Stems that are crowded, as of `generation` of the crowded set. */
  crowded: string[];
  generation: number;
}

/** The first token at or after `i` whose bits are set in `filters` (`count` when none): the
 *  loop over every word of a text, a function of its own (see PageVocabulary.add). */
function nextKeyed(
  filters: KeyFilters,
  longHashes: Uint16Array,
  hashes: Uint16Array,
  i: number,
  count: number,
): number {
  const { long, short } = filters;
  for (; i < count; i++) {
    const l = longHashes[i];
    const h = hashes[i] & SHORT_FILTER_MASK;
    if (long[l >> 3] & (1 << (l & 7)) || short[h >> 3] & (1 << (h & 7))) return i;
  }
  return count;
}

/**
 * The distinct tokens of a page's texts, found by their hash (computed with the tokens, see
 * PreparedText.ids) so that a token seen before costs no new string: a page repeats its vocabulary
 * (1 MB of Arabic: 87,000 tokens, 600 distinct), and slicing every occurrence was the largest cost
 * of collecting keys. The table is open-addressed in a typed array: no Map of numbers, whose keys
 * beyond 2^30 are boxed.
 */
export class PageVocabulary {
  /** Slot → index + 1 in `infos` (0: empty); linear probing, at most half full. */
  private slots = new Int32Array(1024);
  private infos: TokenInfo[] = [];
  private crowdedWords = new Set<string>();
  private generation = 0;
  private asked = new Set<string>();
  private filters: KeyFilters | null = null;

  /** Only tokens with a hash set in `filters` (see above) can yield a key. */
  setFilters(filters: KeyFilters): void {
    this.filters = filters;
  }

  /** Words whose names are keyed by pairs (from the background's first answer). */
  addCrowded(words: Iterable<string>): void {
    for (const w of words) this.crowdedWords.add(w);
    this.generation++;
  }

  /** Keys of `p` not returned before: new tokens' stems, and pairs after crowded stems. */
  unseen(p: PreparedText): string[] {
    const fresh: string[] = [];
    const { norm, starts, ends, count, hashes, longHashes, ids } = p;
    const filters = this.filters;
    const pairs = this.crowdedWords.size > 0;
    for (let i = 0; i < count; i++) {
      if (filters) {
        i = nextKeyed(filters, longHashes, hashes, i, count);
        if (i === count) break;
      }
      const start = starts[i];
      const end = ends[i];
      const info = this.find(norm, start, end, ids[i]) ?? this.add(norm, start, end, ids[i], fresh);
      if (!pairs || i + 1 >= count) continue;
      if (info.generation !== this.generation) this.crowdedOf(info);
      if (!info.crowded.length || !joinedBy(norm, end, starts[i + 1])) continue;
      const next = norm.slice(starts[i + 1], ends[i + 1]);
      for (const stem of info.crowded) this.ask(pairKey(stem, next), fresh);
    }
    return fresh;
  }

  private ask(key: string, fresh: string[]): void {
    if (this.asked.has(key)) return;
    this.asked.add(key);
    fresh.push(key);
  }

  /** The token norm[start, end) seen before, if it was. */
  private find(norm: string, start: number, end: number, id: number): TokenInfo | undefined {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let s = id & mask, v = slots[s]; v !== 0; s = (s + 1) & mask, v = slots[s]) {
      const info = this.infos[v - 1];
      if (info.id === id && info.token.length === length && norm.startsWith(info.token, start)) return info;
    }
    return undefined;
  }

  /** A token not seen before (a few hundred a page, against tens of thousands of words): its
   *  stems are asked for. Kept out of `unseen`'s loop, like `find`, so that what V8 optimizes
   *  for that loop is small (compiling it took ~100 ms of a background thread per page load). */
  private add(norm: string, start: number, end: number, id: number, fresh: string[]): TokenInfo {
    const token = norm.slice(start, end);
    const stems: string[] = [];
    if (isArabic(token.charCodeAt(0))) {
      for (const r of cliticReadings(token)) if (!stems.includes(r.stem)) stems.push(r.stem);
    } else stems.push(token);
    for (const st of stems) this.ask(st, fresh);
    const info: TokenInfo = { token, id, stems, crowded: [], generation: -1 };
    this.infos.push(info);
    const slots = this.slots;
    const mask = slots.length - 1;
    let s = id & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = this.infos.length;
    if (this.infos.length * 2 > slots.length) this.rehash();
    return info;
  }

  private crowdedOf(info: TokenInfo): void {
    info.crowded = info.stems.filter((s) => this.crowdedWords.has(s));
    info.generation = this.generation;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.infos.forEach((info, k) => {
      let s = info.id & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = k + 1;
    });
    this.slots = slots;
  }
}

/** The keys `text` can look up, given the crowded words (tests and tools). */
export function lookupKeys(text: string, crowded: Iterable<string> = []): Set<string> {
  const vocabulary = new PageVocabulary();
  vocabulary.addCrowded(crowded);
  return new Set(vocabulary.unseen(prepareText(text)));
}

/** What the background sends a page: aliases and the entity facts they need, by global entity number. */
export interface AliasBatch {
  aliases: AliasEntry[];
  entities: [index: number, id: string, type: EntityType][];
  cues: Record<number, string[]>;
  against?: Record<number, string[]>;
  related: Record<number, number[]>;
  /** Every crowded first word of the catalog, when asked for. */
  crowded?: string[];
  /** With `crowded`: the first words' key filters (KeyFilters), bits packed in bytes (as numbers:
   *  the message is JSON, which parses numbers natively; decoding base64 in cold page code was slower). */
  filter?: number[];
  shortFilter?: number[];
}

/** The filters of an answer, or null when missing or malformed (then nothing is filtered). */
export function filtersOf(batch: AliasBatch): KeyFilters | null {
  const { filter: long, shortFilter: short } = batch;
  if (!Array.isArray(long) || long.length !== FILTER_BYTES) return null;
  if (!Array.isArray(short) || short.length !== SHORT_FILTER_BYTES) return null;
  return { long: Uint8Array.from(long), short: Uint8Array.from(short) };
}

export function createAliasIndex(gaz: Gazetteer, crowd = CROWD) {
  const byFirst = new Map<string, number[]>();
  gaz.aliases.forEach((a, i) => {
    const list = byFirst.get(a.tokens[0]);
    if (list) list.push(i);
    else byFirst.set(a.tokens[0], [i]);
  });
  const byKey = new Map<string, number[]>();
  const crowded: string[] = [];
  const file = (key: string, i: number) => {
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  };
  for (const [first, list] of byFirst) {
    if (list.length <= crowd) {
      byKey.set(first, list);
      continue;
    }
    crowded.push(first);
    for (const i of list) {
      const tokens = gaz.aliases[i].tokens;
      file(tokens.length > 1 ? pairKey(first, tokens[1]) : first, i);
    }
  }
  crowded.sort();
  const long = new Uint8Array(FILTER_BYTES);
  const short = new Uint8Array(SHORT_FILTER_BYTES);
  for (const first of byFirst.keys()) {
    const [isLong, h] = keyFilterBit(first);
    (isLong ? long : short)[h >> 3] |= 1 << (h & 7);
  }
  const filter = [...long];
  const shortFilter = [...short];
  return {
    /** The aliases behind `keys` (first tokens, or pairs after a crowded word), with their entities. */
    lookup(keys: Iterable<string>, withCrowded = false): AliasBatch {
      const aliases: AliasEntry[] = [];
      const entities = new Set<number>();
      for (const key of keys) {
        for (const i of byKey.get(key) ?? []) {
          aliases.push(gaz.aliases[i]);
          if (gaz.aliases[i].entity >= 0) entities.add(gaz.aliases[i].entity); // -1: a phrase, no entity
        }
      }
      const batch: AliasBatch = { aliases, entities: [], cues: {}, related: {} };
      if (withCrowded) {
        batch.crowded = crowded;
        batch.filter = filter;
        batch.shortFilter = shortFilter;
      }
      for (const e of [...entities].sort((a, b) => a - b)) {
        batch.entities.push([e, gaz.entityIds[e], gaz.entityTypes[e]]);
        if (gaz.cues[e]) batch.cues[e] = gaz.cues[e];
        if (gaz.against?.[e]) (batch.against ??= {})[e] = gaz.against[e];
        if (gaz.related[e]) batch.related[e] = gaz.related[e];
      }
      return batch;
    },
  };
}

/** A page's growing gazetteer: batches merge in; entity numbers are global (arrays may have holes). */
export function emptyGazetteer(): Gazetteer {
  return { entityIds: [], entityTypes: [], aliases: [], cues: {}, related: {} };
}

export function mergeBatch(gaz: Gazetteer, batch: AliasBatch): Gazetteer {
  for (const [e, id, type] of batch.entities) {
    gaz.entityIds[e] = id;
    gaz.entityTypes[e] = type;
  }
  for (const a of batch.aliases) gaz.aliases.push(a); // no spread: a batch can exceed the argument limit
  Object.assign(gaz.cues, batch.cues);
  if (batch.against) Object.assign((gaz.against ??= {}), batch.against);
  Object.assign(gaz.related, batch.related);
  return gaz;
}
