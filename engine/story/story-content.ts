// Same story by content: shared word shingles, looked up in an inverted index. Design note:
// - A shingle is three consecutive content words of the normalized text (engine/text/normalize.ts),
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
//   per posting: 0.2 ms median at 30,000 articles (bench/story.ts), instead of comparing the page
//   with every article.
// - Boilerplate is not evidence: a shingle found in more than MAX_POSTINGS articles (an outlet's
//   footer, "خادم الحرمين الشريفين الملك سلمان") is dropped from the index and from the
//   article's sample count, so two articles of one outlet do not look alike by their template.
// - Shared wording is also weighed by how rare it is: a sample counts 1/(articles that have it),
//   so the formula of a congratulation cable shared by twenty articles says little. Both figures
//   are kept — the plain one for a story many outlets copied (every sample common), the weighted
//   one for the rest — and story.ts decides with both.
// - A rewrite keeps the event's names and figures, not its sentences: a second index, of the words
//   few articles use (at most 1 in WORD_RARITY, or 20), answers "how much of the article's rare
//   vocabulary does the page use", each word weighted by 1 / (articles that have it + 2).
// - Cross-lingual pages share no shingles: they stay on entities, dates and figures (story.ts).
import type { Uints } from '../index/index-format';
import { packUints } from '../index/index-container';

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
/** A page sends at most this many distinct words. */
export const MAX_PAGE_WORDS = 20_000;
/** A headline holds a dozen words; a longer "title" is a page's text, not its headline. */
export const MAX_TITLE_WORDS = 64;
/** A word in more than 1/WORD_RARITY of the articles (and more than 20) is not distinctive. */
const WORD_RARITY = 300;

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

/** Sorted keys and, per key, the articles that have it (CSR). */
interface PostingTable {
  keys: Uint32Array;
  offsets: Uints;
  articles: Uints;
}

/** The corpus's side: per article its sampling level and sample count, and the two inverted indexes. */
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
  /** Distinctive words (hashes, ascending: those in few articles); wordOffsets/wordArticles as for shingles. */
  wordKeys: Uint32Array;
  wordOffsets: Uints;
  wordArticles: Uints;
  /** Per article: the sum of its samples' weights (1 / articles that have the sample). */
  shingleTotals: Float64Array;
  /** Per article: the sum of its distinctive words' weights (wordWeight). */
  wordTotals: Float64Array;
}

function invert(rows: number[][], maxPostings: number, what: string): PostingTable {
  // (hash, article) pairs as one number each, sorted: a typed-array sort of a few million numbers
  // takes a fraction of what a Map of arrays does, and the order is deterministic.
  const shift = 2 ** Math.max(1, Math.ceil(Math.log2(rows.length + 1)));
  if (shift * 2 ** 32 > Number.MAX_SAFE_INTEGER) throw new Error(`${what}: too many articles`);
  let total = 0;
  for (const row of rows) total += row.length;
  const pairs = new Float64Array(total);
  let k = 0;
  rows.forEach((row, a) => {
    for (const h of row) pairs[k++] = h * shift + a;
  });
  pairs.sort();
  const keys: number[] = [];
  const offsets = [0];
  const articles: number[] = [];
  for (let i = 0; i < total;) {
    const h = Math.floor(pairs[i] / shift);
    let j = i;
    while (j < total && Math.floor(pairs[j] / shift) === h) j++;
    if (j - i <= maxPostings) {
      keys.push(h);
      for (let x = i; x < j; x++) articles.push(pairs[x] - h * shift);
      offsets.push(articles.length);
    }
    i = j;
  }
  return {
    keys: Uint32Array.from(keys),
    offsets: packUints(offsets, `${what} offsets`),
    articles: packUints(articles, `${what} articles`),
  };
}

export function packShingles(shingles: number[][], vocabularies: number[][]): ShingleTable {
  const levels: number[] = [];
  const chosen = shingles.map((samples) => {
    let level = COARSEST;
    while (level > FINEST && samples.filter((h) => sampled(h, level)).length < MIN_SAMPLES) level--;
    levels.push(level);
    return [...new Set(samples.filter((h) => sampled(h, level)))];
  });
  const s = invert(chosen, MAX_POSTINGS, 'shingle');
  const counts = shingles.map(() => 0);
  for (let k = 0; k < s.articles.length; k++) counts[s.articles[k]]++;

  // Every article's rare words: a posting list's length is then the word's document frequency.
  const w = invert(vocabularies, Math.max(20, Math.ceil(vocabularies.length / WORD_RARITY)), 'word');
  // Stored, not derived at load: the background opens the index at every start.
  const n = shingles.length;
  return {
    shingleLevels: packUints(levels, 'shingle levels'),
    shingleCounts: packUints(counts, 'shingle counts'),
    shingleKeys: s.keys,
    shingleOffsets: s.offsets,
    shingleArticles: s.articles,
    wordKeys: w.keys,
    wordOffsets: w.offsets,
    wordArticles: w.articles,
    shingleTotals: totals(n, s, (len) => 1 / len),
    wordTotals: totals(n, w, wordWeight),
  };
}

/**
 * A distinctive word's weight, by the number of articles that use it: steep, so a name that two
 * articles use outweighs a formula word that thirty use (log(N/df) made them too alike: the
 * formula of one region's announcement then looked like a rewrite of another's).
 */
const wordWeight = (articles: number) => 1 / (articles + 2);

/** Per article, the sum of the weights of the keys it is posted under. */
function totals(n: number, p: PostingTable, weight: (len: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k + 1 < p.offsets.length; k++) {
    const w = weight(p.offsets[k + 1] - p.offsets[k]);
    for (let j = p.offsets[k]; j < p.offsets[k + 1]; j++) if (p.articles[j] < n) out[p.articles[j]] += w;
  }
  return out;
}

const shingleIndex = (t: ShingleTable): PostingTable => ({
  keys: t.shingleKeys,
  offsets: t.shingleOffsets,
  articles: t.shingleArticles,
});
const wordIndex = (t: ShingleTable): PostingTable => ({
  keys: t.wordKeys,
  offsets: t.wordOffsets,
  articles: t.wordArticles,
});

/** Position of h in the sorted keys, or -1. */
export function sortedIndexOf(keys: ArrayLike<number>, h: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === h ? lo : -1;
}

/** Content evidence for one article. */
export interface ContentMatch {
  article: number;
  /** Samples the page and the article share. */
  shared: number;
  /**
   * How much of one text is in the other, 0..1, by rarity-weighted samples: the shared weight over
   * the article's, or over the page's (a page may be a part of the article, or the article a part
   * of the page), whichever is larger.
   */
  containment: number;
  /** The shared weight over the article's alone: how much of the article the page holds. */
  articleShare: number;
  /** The share of the article's distinctive words (idf-weighted) that the page uses, 0..1. */
  words: number;
  /** The same shared weight over the page's distinctive words (those the corpus indexes): how much of the page the article holds. */
  pageWords: number;
  /** How many distinctive words the two share. */
  rareShared: number;
  /** Unweighted containment: shared samples over the article's or the page's, whichever is larger. */
  plain: number;
  /** Unweighted, both ways averaged: 1 only when each text holds the other (ranks copies). */
  mutual: number;
}

/**
 * Every article that shares at least `minShared` shingle samples, or at least `minWords` of its
 * distinctive words' weight, with the page.
 */
export function contentMatches(
  page: { shingles: number[]; vocabulary: number[] },
  t: ShingleTable,
  minShared = 2,
  minWords = 0.25,
): ContentMatch[] {
  const n = t.shingleLevels.length;
  // The page's weight per sampling level: what an article at that level could share.
  const pageAt = new Array<number>(COARSEST + 1).fill(0);
  const pageCount = new Array<number>(COARSEST + 1).fill(0);
  const hits = new Map<number, { shared: number; weight: number; pageWeight: number; words: number; rare: number }>();
  const hit = (a: number) => {
    let h = hits.get(a);
    if (!h) hits.set(a, (h = { shared: 0, weight: 0, pageWeight: 0, words: 0, rare: 0 }));
    return h;
  };
  const sp = shingleIndex(t);
  for (const h of page.shingles) {
    const k = sortedIndexOf(sp.keys, h);
    const len = k < 0 ? 0 : sp.offsets[k + 1] - sp.offsets[k];
    // Unknown to the corpus: the page's own wording, weight 1.
    const pageWeight = 1 / (len + 1);
    for (let level = FINEST; level <= COARSEST; level++)
      if (sampled(h, level)) {
        pageAt[level] += pageWeight;
        pageCount[level]++;
      }
    for (let j = k < 0 ? 0 : sp.offsets[k], end = k < 0 ? 0 : sp.offsets[k + 1]; j < end; j++) {
      const a = sp.articles[j];
      if (a >= n) continue; // a damaged index names no article beyond the end
      const m = hit(a);
      m.shared++;
      m.weight += 1 / len;
      m.pageWeight += pageWeight;
    }
  }
  const wp = wordIndex(t);
  let pageWords = 0;
  for (const h of page.vocabulary) {
    const k = sortedIndexOf(wp.keys, h);
    if (k < 0) continue;
    const len = wp.offsets[k + 1] - wp.offsets[k];
    const w = wordWeight(len);
    pageWords += w;
    for (let j = wp.offsets[k]; j < wp.offsets[k + 1]; j++)
      if (wp.articles[j] < n) {
        const m = hit(wp.articles[j]);
        m.words += w;
        m.rare++;
      }
  }
  const out: ContentMatch[] = [];
  for (const [article, m] of hits) {
    const own = t.shingleTotals[article];
    const theirs = pageAt[t.shingleLevels[article]] ?? 0;
    const articleShare = own ? Math.min(1, m.weight / own) : 0;
    const containment = Math.max(articleShare, theirs ? Math.min(1, m.pageWeight / theirs) : 0);
    const words = t.wordTotals[article] ? Math.min(1, m.words / t.wordTotals[article]) : 0;
    const inPageWords = pageWords ? Math.min(1, m.words / pageWords) : 0;
    const count = t.shingleCounts[article];
    const pageSamples = pageCount[t.shingleLevels[article]] ?? 0;
    const inArticle = count ? Math.min(1, m.shared / count) : 0;
    const inPage = pageSamples ? Math.min(1, m.shared / pageSamples) : 0;
    const plain = Math.max(inArticle, inPage);
    const mutual = (inArticle + inPage) / 2;
    if (m.shared >= minShared || words >= minWords)
      out.push({
        article,
        shared: m.shared,
        containment,
        articleShare,
        words,
        pageWords: inPageWords,
        rareShared: m.rare,
        plain,
        mutual,
      });
  }
  return out;
}
