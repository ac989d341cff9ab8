// Same story by content: shared word shingles, looked up in an inverted index. Design note:
// - A shingle is three consecutive content words of the normalized text (engine/normalize.ts),
//   each reduced to its clitic-free stem, with function words and 1-letter tokens left out and
//   figures kept (they are the most distinctive words of a wire story). Leaving function words
//   out makes shingles survive the small edits of a rewrite (و/ف, قال/وأضاف, في/خلال).
// - Sampling, not MinHash: a copy is often a *part* of the article (minus its lead, or plus a
//   site's menus and comments), so what matters is containment — how much of one text is in the
//   other — which Jaccard estimates from MinHash signatures get wrong when sizes differ. Broder's
//   mod-m sampling keeps the shingles whose hash is 0 mod m; the same rule on both sides keeps the
//   same shingles, so shared samples / samples estimates containment without bias.
//   m is per article (2, 4 … 32: the sparsest that still keeps MIN_SAMPLES), so a brief keeps
//   enough samples and a long report not too many. The page sends its samples at the finest m;
//   an article's samples are a subset of the page's rule by construction (0 mod 8 ⇒ 0 mod 2), so
//   a page sample found in an article's list is always one that article sampled.
// - An inverted index (sorted sample hashes → the articles that have them) is built at build
//   time into index.bin; a page's lookup is one binary search per page sample and one counter
//   per posting: ~1 ms at 30,000 articles, instead of comparing the page with every article.
// - Boilerplate is not evidence: a shingle found in more than MAX_POSTINGS articles (an outlet's
//   footer, "خادم الحرمين الشريفين الملك سلمان") is dropped from the index and from the
//   article's sample count, so two articles of one outlet do not look alike by their template.
// - Cross-lingual pages share no shingles: they stay on entities, dates and figures (story.ts).
import type { Uints } from './index-format';
import { packUints } from './index-container';

/** Words per shingle. */
export const SHINGLE = 3;
/** The finest sampling: a page sends its shingles whose hash is 0 mod 2^FINEST. */
const FINEST = 1;
const COARSEST = 5;
/** An article keeps the sparsest sampling that leaves it at least this many samples. */
const MIN_SAMPLES = 32;
/** A shingle in more articles than this is boilerplate or formula, not a story's wording. */
export const MAX_POSTINGS = 40;
/** A page sends at most this many samples (its first ones, in text order: the article comes before comments). */
export const MAX_PAGE_SAMPLES = 20_000;

/** FNV-1a then a murmur3 finalizer: the low bits decide sampling, so they must be well mixed. */
function shingleHash(a: string, b: string, c: string): number {
  let h = 0x811c9dc5;
  const s = a + ' ' + b + ' ' + c;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const sampled = (h: number, level: number) => (h & ((1 << level) - 1)) === 0;

/** The text's shingle samples at the finest sampling, distinct, in text order, at most MAX_PAGE_SAMPLES. */
export function shingleSamples(words: string[]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length && out.length < MAX_PAGE_SAMPLES; i++) {
    const h = shingleHash(words[i], words[i + 1], words[i + 2]);
    if (sampled(h, FINEST) && !seen.has(h)) {
      seen.add(h);
      out.push(h);
    }
  }
  return out;
}

/** The corpus's side: per article its sampling level and sample count, and the inverted index. */
export interface ShingleTable {
  /** Per article: log2 of its m. */
  shingleLevels: Uints;
  /** Per article: its samples that are in the index (boilerplate left out). */
  shingleCounts: Uints;
  /** Distinct sample hashes, ascending. */
  shingleKeys: Uint32Array;
  /** Per key: offsets into shingleArticles (one more entry than keys). */
  shingleOffsets: Uints;
  /** Article numbers, ascending within a key. */
  shingleArticles: Uints;
}

export function packShingles(perArticle: number[][]): ShingleTable {
  const levels: number[] = [];
  const chosen = perArticle.map((samples) => {
    let level = COARSEST;
    while (level > FINEST && samples.filter((h) => sampled(h, level)).length < MIN_SAMPLES) level--;
    levels.push(level);
    return samples.filter((h) => sampled(h, level));
  });
  const postings = new Map<number, number[]>();
  chosen.forEach((samples, a) => {
    for (const h of new Set(samples)) {
      const list = postings.get(h);
      if (list) list.push(a);
      else postings.set(h, [a]);
    }
  });
  const keys = [...postings.keys()].filter((h) => postings.get(h)!.length <= MAX_POSTINGS).sort((x, y) => x - y);
  const counts = perArticle.map(() => 0);
  const offsets = [0];
  const articles: number[] = [];
  for (const h of keys) {
    for (const a of postings.get(h)!) {
      articles.push(a);
      counts[a]++;
    }
    offsets.push(articles.length);
  }
  return {
    shingleLevels: packUints(levels, 'shingle levels'),
    shingleCounts: packUints(counts, 'shingle counts'),
    shingleKeys: Uint32Array.from(keys),
    shingleOffsets: packUints(offsets, 'shingle offsets'),
    shingleArticles: packUints(articles, 'shingle articles'),
  };
}

/** Content evidence for one article. */
export interface ContentMatch {
  article: number;
  /** Samples the page and the article share. */
  shared: number;
  /**
   * How much of one text is in the other, 0..1: shared samples over the article's samples, or
   * over the page's at the article's sampling, whichever is larger (a page may be a part of the
   * article, or the article a part of the page).
   */
  containment: number;
}

/** Every article that shares at least `minShared` samples with the page. */
export function contentMatches(page: number[], t: ShingleTable, minShared = 2): ContentMatch[] {
  const n = t.shingleLevels.length;
  const keys = t.shingleKeys;
  // Page samples per level: a page's count at m = 2^level is what an article at that level could share.
  const pageAt = new Array<number>(COARSEST + 1).fill(0);
  const hits = new Map<number, number>();
  for (const h of page) {
    for (let level = FINEST; level <= COARSEST; level++) if (sampled(h, level)) pageAt[level]++;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= keys.length || keys[lo] !== h) continue;
    for (let k = t.shingleOffsets[lo]; k < t.shingleOffsets[lo + 1]; k++) {
      const a = t.shingleArticles[k];
      if (a < n) hits.set(a, (hits.get(a) ?? 0) + 1); // a damaged index names no article beyond the end
    }
  }
  const out: ContentMatch[] = [];
  for (const [article, shared] of hits) {
    if (shared < minShared) continue;
    const own = t.shingleCounts[article];
    const theirs = pageAt[t.shingleLevels[article]] ?? 0;
    const containment = Math.min(1, Math.max(own ? shared / own : 0, theirs ? shared / theirs : 0));
    out.push({ article, shared, containment });
  }
  return out;
}
