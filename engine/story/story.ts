// Same-story detection. Design note:
// A page is "the same story" as a corpus article when it reports the same event, not when it
// shares a topic. Evidence, each scored 0..1:
// - entities (language-independent): overlap of the article's entities, weighted by how specific
//   they are — a person or an organization says more than a country, and an entity found in
//   many corpus articles says less (inverse document frequency);
// - dates: the page names the article's day (MM-DD) — the event date or the publication date;
// - numbers: distinctive figures (3000 arrested, years) in both;
// - text: cosine of content-word vectors, or the share of word shingles the two texts have in
//   common (story-content.ts), whichever says more; only when the page and the article share a
//   language.
// Evidence the page does not offer (no dates, no figures, another language) is left out of the
// weighted mean rather than counted as a mismatch.
// `sameStory` is reached three ways:
// - by content: the page and the article share enough word shingles (a wire copy, a copy minus
//   its lead, a rewrite that keeps the wire's sentences) — no catalog entity needed, as most real
//   articles name none;
// - by rewrite: on the same or the next day, the page uses much of the article's distinctive
//   vocabulary (WORDS_SAME), or the score of story-rewrite.ts says so;
// - by the weighted score, and then only with two shared specific entities (not places), so a
//   page about the same countries with a similar vocabulary stays "related", not "same". This is
//   the cross-lingual path (an English page on an Arabic article shares no shingles).
// Only articles that share a shingle sample or an entity with the page are scored: candidates come
// from inverted indexes, so a page costs what it shares, not the size of the corpus.
import { normalize } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { cliticReadings } from '../text/clitics';
import { dateKeys, isoDateKeys } from '../text/dates';
import type { EntityType } from '../types';
import type { StoryTable } from './story-table';
import {
  MAX_PAGE_WORDS,
  MAX_TITLE_WORDS,
  contentMatches,
  shingleSamples,
  sortedIndexOf,
  type ContentMatch,
} from './story-content';
import { REWRITE_THRESHOLD, YEAR, rewriteScore } from './story-rewrite';
export { REWRITE_THRESHOLD, rewriteInputs, rewriteScore } from './story-rewrite';

export interface StoryFingerprint {
  lang: string;
  /** Entity indexes mentioned in the article, sorted. */
  entities: number[];
  /** Date keys (see dates.ts), sorted. */
  dates: string[];
  /** Numbers of 3+ digits in the text, sorted. */
  numbers: string[];
  /** Content-word vector: [hash, weight] pairs sorted by hash, the strongest terms only. */
  terms: [number, number][];
  /** Word-shingle samples (story-content.ts), in text order. */
  shingles: number[];
  /** Distinct content words and figures (hashes, ascending): what the distinctive-word index is asked. */
  vocabulary: number[];
  /** The title's content words and figures, hashed as `vocabulary` is (ascending; empty when no title is known). */
  title: number[];
}

/** What the content script extracts from a page: the same shape, minus nothing. */
export type PageFeatures = StoryFingerprint;

export interface StoryScore {
  article: number;
  score: number;
  sameStory: boolean;
}

const MAX_TERMS = 48;

// Function words that carry no story (normalized forms). Short on purpose: words of 2 letters or
// fewer are dropped anyway, and IDF is not available at page time.
const STOP = new Set(
  (
    'في من على الى ان عن مع هذا هذه ذلك التي الذي الذين كان كانت قد لقد لم لن ما لا او ثم بعد قبل ' +
    'بين حول عند منذ خلال حيث كما لكن اي كل بعض غير انه انها هو هي هم نحن تم يتم وقال قال اليوم ' +
    'ايضا يذكر اطار the a an and or of to in on for with at by from as is are was were be been ' +
    'has have had that this these those it its he she they we said says will would not but also after before'
  ).split(' '),
);

/** FNV-1a, 32 bits: stable across runs and platforms, so fingerprints are deterministic. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Content-word stem: the shortest clitic reading, so والاتفاقية and الاتفاقية count as one term. */
function stem(token: string): string {
  const readings = cliticReadings(token);
  let best = token;
  for (const r of readings) if (r.stem.length < best.length) best = r.stem;
  return best;
}

function normalizedTokens(text: string): string[] {
  const norm = normalize(text).text;
  const toks = tokenize(norm);
  const tokens: string[] = new Array(toks.count);
  for (let i = 0; i < toks.count; i++) tokens[i] = norm.slice(toks.starts[i], toks.ends[i]);
  return tokens;
}

/** One pass over a text's tokens: its figures, its shingles' words, its term counts and its vocabulary. */
function scanWords(tokens: string[]) {
  const numbers = new Set<string>();
  const stems = new Map<string, string>();
  const tf = new Map<string, number>();
  const words: string[] = []; // content words in text order, figures included: the shingles' words
  const vocabulary = new Set<number>();
  for (const t of tokens) {
    if (/^\d+$/.test(t)) {
      if (t.length >= 3) numbers.add(t);
      words.push(t);
      if (t.length >= 2 && vocabulary.size < MAX_PAGE_WORDS) vocabulary.add(hash32(t));
      continue;
    }
    if (STOP.has(t)) continue;
    let s = stems.get(t);
    if (s === undefined) stems.set(t, (s = stem(t))); // a text repeats its words: strip clitics once each
    if (s.length < 2 || STOP.has(s)) continue;
    words.push(s);
    if (s.length < 3) continue;
    tf.set(s, (tf.get(s) ?? 0) + 1);
    if (vocabulary.size < MAX_PAGE_WORDS) vocabulary.add(hash32(s));
  }
  return { numbers, words, tf, vocabulary };
}

/** A headline's words as the vocabulary hashes them, distinct and ascending. */
function titleWords(title: string | undefined): number[] {
  if (!title) return [];
  return [...scanWords(normalizedTokens(title)).vocabulary].sort((x, y) => x - y).slice(0, MAX_TITLE_WORDS);
}

export function extractFeatures(
  text: string,
  lang: string,
  entities: Iterable<number>,
  publishedIso?: string | null,
  title?: string,
): StoryFingerprint {
  const tokens = normalizedTokens(text);
  const { numbers, words, tf, vocabulary } = scanWords(tokens);
  const dates = dateKeys(tokens);
  for (const k of isoDateKeys(publishedIso)) dates.add(k);

  // Strongest terms by sublinear tf; ties broken by hash so the choice is deterministic.
  const weighted = [...tf].map(([w, n]) => [hash32(w), 1 + Math.log(n)] as [number, number]);
  weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const terms = weighted.slice(0, MAX_TERMS).map(([h, w]) => [h, round(w)] as [number, number]);
  terms.sort((a, b) => a[0] - b[0]);

  return {
    lang,
    entities: [...new Set(entities)].sort((a, b) => a - b),
    dates: [...dates].sort(),
    numbers: [...numbers].sort(),
    terms,
    shingles: shingleSamples(words),
    vocabulary: [...vocabulary].sort((a, b) => a - b),
    title: titleWords(title),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const TYPE_WEIGHT: Record<EntityType, number> = {
  person: 1,
  organization: 0.8,
  product: 0.6,
  event: 0.5,
  other: 0.5,
  place: 0.3,
};

/** What scoring needs besides the page: the corpus's fingerprints and facts derived from them once. */
export interface StoryContext {
  table: StoryTable;
  entityTypes: EntityType[];
  /** Number of corpus articles that mention each entity. */
  documentFrequency: Uint32Array;
  /** How much each entity says about a story: its type's weight × its inverse document frequency. */
  entityWeights: Float64Array;
  /** Per date key: 1 for a day (`d:`), which is what the date evidence compares. */
  dayKeys: Uint8Array;
  /** Per date key: its day of the year (month × 31 + day) for a day key, else -1. */
  dayNumbers: Int16Array;
  /** Per number key: the articles that name it; a figure in at most rareNumberMax of them is distinctive. */
  numberFrequency: Uint32Array;
  rareNumberMax: number;
  /** Per entity: the articles that mention it (CSR), for candidates. */
  entityArticleOffsets: Uint32Array;
  entityArticles: Uint32Array;
}

const storyCount = (t: StoryTable) => t.articleLang.length;

/** 'd:MM-DD' → month × 31 + day, a day number good enough to tell days one apart; else -1. */
function dayNumber(key: string): number {
  const m = /^d:(\d\d)-(\d\d)$/.exec(key);
  return m ? +m[1] * 31 + +m[2] : -1;
}

/** The page names a day within one day of one of the article's days (a report of the next morning). */
function nearDay(page: PreparedPage, article: number, ctx: StoryContext): boolean {
  const t = ctx.table;
  for (let k = t.dateOffsets[article]; k < t.dateOffsets[article + 1]; k++) {
    const d = ctx.dayNumbers[t.dates[k]] ?? -1;
    if (d >= 0) for (const p of page.dayNumbers) if (p >= 0 && Math.abs(p - d) <= 1) return true;
  }
  return false;
}

export function storyContext(table: StoryTable, entityTypes: EntityType[]): StoryContext {
  const n = storyCount(table);
  const df = new Uint32Array(entityTypes.length);
  for (let i = 0; i < table.entities.length; i++) if (table.entities[i] < df.length) df[table.entities[i]]++;
  // Transpose article → entities into entity → articles: a few hundred thousand entries at most.
  const entityArticleOffsets = new Uint32Array(entityTypes.length + 1);
  for (let e = 0; e < df.length; e++) entityArticleOffsets[e + 1] = entityArticleOffsets[e] + df[e];
  const entityArticles = new Uint32Array(entityArticleOffsets[df.length]);
  const fill = entityArticleOffsets.slice(0, df.length);
  for (let a = 0; a < n; a++)
    for (let k = table.entityOffsets[a]; k < table.entityOffsets[a + 1]; k++) {
      const e = table.entities[k];
      if (e < df.length) entityArticles[fill[e]++] = a;
    }
  const numberFrequency = new Uint32Array(table.numberKeys.length);
  for (let i = 0; i < table.numbers.length; i++) numberFrequency[table.numbers[i]]++;
  return {
    numberFrequency,
    rareNumberMax: Math.max(5, Math.ceil(n / 1000)),
    entityArticleOffsets,
    entityArticles,
    table,
    entityTypes,
    documentFrequency: df,
    entityWeights: Float64Array.from(
      entityTypes,
      (type, e) => TYPE_WEIGHT[type] * Math.log(1 + (n + 1) / (df[e] || 1)),
    ),
    dayKeys: Uint8Array.from(table.dateKeys, (k) => +k.startsWith('d:')),
    dayNumbers: Int16Array.from(table.dateKeys, dayNumber),
  };
}

/** The page's side of every comparison, computed once per page instead of once per article. */
interface PreparedPage {
  lang: string;
  entities: Set<number>;
  /** How many day keys the page names, and which of them the corpus knows (by key index). */
  dayCount: number;
  days: Set<number>;
  /** The page's days as dayNumber()s, known to the corpus or not. */
  dayNumbers: number[];
  numberCount: number;
  numbers: Set<number>;
  terms: [number, number][];
  termNorm: number;
  /** The page's vocabulary (ascending) and its title's words. */
  vocabulary: number[];
  title: Set<number>;
}

function preparePage(page: PageFeatures, ctx: StoryContext): PreparedPage {
  const { dateKeys, numberKeys } = ctx.table;
  // The corpus's keys are sorted (packStories): a page's few dates and numbers are looked up there.
  const known = (keys: string[], wanted: string[]) => {
    const out = new Set<number>();
    for (const k of wanted) {
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid] < k) lo = mid + 1;
        else hi = mid;
      }
      if (keys[lo] === k) out.add(lo);
    }
    return out;
  };
  const pageDays = page.dates.filter((d) => d.startsWith('d:'));
  return {
    lang: page.lang,
    entities: new Set(page.entities),
    dayCount: pageDays.length,
    days: known(dateKeys, pageDays),
    dayNumbers: pageDays.map(dayNumber),
    numberCount: page.numbers.length,
    numbers: known(numberKeys, page.numbers),
    terms: page.terms,
    termNorm: Math.hypot(...page.terms.map((t) => t[1])),
    vocabulary: page.vocabulary,
    title: new Set(page.title),
  };
}

/**
 * How the article's headline agrees with the page: the share of its words the page's text uses,
 * and the share of the shorter headline's words the two headlines share. A report of the same
 * event names its who and where in the headline; a look-alike of the same formula differs there
 * (another country's congratulation cable, another town's accident). A page whose headline is
 * unknown is judged on the first share alone.
 */
function titleAgreement(page: PreparedPage, article: number, ctx: StoryContext): [inPage: number, shared: number] {
  const t = ctx.table;
  const from = t.titleOffsets[article];
  const to = t.titleOffsets[article + 1];
  if (to <= from) return [0, 0];
  let inPage = 0;
  let shared = 0;
  for (let k = from; k < to; k++) {
    if (sortedIndexOf(page.vocabulary, t.titleWords[k]) >= 0) inPage++;
    if (page.title.has(t.titleWords[k])) shared++;
  }
  const share = inPage / (to - from);
  return [share, page.title.size ? shared / Math.min(page.title.size, to - from) : share];
}

function cosine(page: PreparedPage, article: number, ctx: StoryContext): number {
  const { termOffsets, termHashes, termWeights, weights } = ctx.table;
  const a = page.terms;
  let i = 0;
  let j = termOffsets[article];
  const end = termOffsets[article + 1];
  let dot = 0;
  while (i < a.length && j < end) {
    if (a[i][0] === termHashes[j]) dot += a[i++][1] * weights[termWeights[j++]];
    else if (a[i][0] < termHashes[j]) i++;
    else j++;
  }
  const nb = ctx.table.termNorms[article];
  return page.termNorm && nb ? dot / (page.termNorm * nb) : 0;
}

export const SAME_STORY_THRESHOLD = 0.5;
// A copy: at least CONTENT_MIN_SHARED shared shingle samples covering CONTENT_SAME of either text,
// or CONTENT_SAME_RARE when each sample is weighted by its rarity. Chosen on the labelled pairs of
// tests/eval/real-story, all of them; chosen on the pages of 21–24 July alone, the same rules
// scored the pages of 25–31 July at copies 95%.
export const CONTENT_MIN_SHARED = 4;
export const CONTENT_SAME = 0.6;
export const CONTENT_SAME_RARE = 0.4;
// A rewrite: WORDS_SAME of the article's distinctive-word weight, or the score of story-rewrite.ts.
export const WORDS_SAME = 0.44;
/**
 * An entity in more articles than this (1 in 50, at least 50) is too common to make an article a
 * candidate by itself: scoring every article that names a country would cost what a full scan does.
 */
const candidateMaxDf = (articles: number) => Math.max(50, Math.ceil(articles / 50));

/** Everything the verdict is decided on, for one page and one article (exported for the fit). */
export interface StoryEvidence {
  /** The weighted mean of entities, dates, figures and text, 0..1. */
  value: number;
  sharedSpecific: number;
  entityScore: number;
  cosine: number;
  /** Shared shingle samples, and story-content.ts's shares of them (0 without any). */
  shared: number;
  containment: number;
  plain: number;
  mutual: number;
  /** Shares of the two texts' distinctive words in common (story-content.ts), and their count. */
  words: number;
  pageWords: number;
  rareShared: number;
  /** Figures of 3+ digits the two share, and those of them few articles use (not a year). */
  sharedNumbers: number;
  rareNumbers: number;
  /** The page names a day within one day of one of the article's days. */
  nearDay: boolean;
  /** Articles whose distinctive words overlap the page's more (words + pageWords) than this one's: 0 for the closest. */
  rank: number;
  /** titleAgreement(): the share of the article's headline words the page uses, and of the shorter headline's words both headlines use. */
  titleInPage: number;
  titles: number;
}

function evidence(page: PreparedPage, article: number, ctx: StoryContext, content?: RankedMatch): StoryEvidence {
  const t = ctx.table;

  let total = 0;
  let shared = 0;
  let sharedSpecific = 0;
  for (let k = t.entityOffsets[article]; k < t.entityOffsets[article + 1]; k++) {
    const e = t.entities[k];
    const w = ctx.entityWeights[e];
    total += w;
    if (page.entities.has(e)) {
      shared += w;
      if (ctx.entityTypes[e] !== 'place') sharedSpecific++;
    }
  }
  const entityScore = total ? shared / total : 0;

  // Absent evidence is not evidence against: a brief that names no date or figure is judged on
  // what it does say. A page that names other days than the article's is evidence against.
  const parts: [weight: number, value: number][] = [[0.4, entityScore]];

  let days = 0;
  let sharedDays = 0;
  for (let k = t.dateOffsets[article]; k < t.dateOffsets[article + 1]; k++) {
    if (!ctx.dayKeys[t.dates[k]]) continue;
    days++;
    if (page.days.has(t.dates[k])) sharedDays++;
  }
  if (page.dayCount && days) parts.push([0.2, sharedDays > 0 ? 1 : 0]);

  const numberStart = t.numberOffsets[article];
  const numberEnd = t.numberOffsets[article + 1];
  let sharedNumbers = 0;
  let rareNumbers = 0;
  if (page.numberCount && numberEnd > numberStart) {
    for (let k = numberStart; k < numberEnd; k++)
      if (page.numbers.has(t.numbers[k])) {
        sharedNumbers++;
        if (ctx.numberFrequency[t.numbers[k]] <= ctx.rareNumberMax && !YEAR.test(t.numberKeys[t.numbers[k]]))
          rareNumbers++;
      }
    parts.push([0.1, Math.min(1, sharedNumbers / 2)]);
  }

  // Text only testifies within one language; cosine of short content-word vectors rarely passes
  // 0.7 even for a close paraphrase, hence the scale.
  const containment = content?.containment ?? 0;
  const cos = page.lang === t.langs[t.articleLang[article]] && page.terms.length ? cosine(page, article, ctx) : 0;
  if (page.lang === t.langs[t.articleLang[article]] && page.terms.length)
    parts.push([0.3, Math.max(containment, Math.min(1, cos * 1.5))]);

  const weight = parts.reduce((sum, [w]) => sum + w, 0);
  return {
    value: parts.reduce((sum, [w, x]) => sum + w * x, 0) / weight,
    sharedSpecific,
    entityScore,
    cosine: cos,
    shared: content?.shared ?? 0,
    containment,
    plain: content?.plain ?? 0,
    mutual: content?.mutual ?? 0,
    words: content?.words ?? 0,
    pageWords: content?.pageWords ?? 0,
    rareShared: content?.rareShared ?? 0,
    sharedNumbers,
    rareNumbers,
    nearDay: nearDay(page, article, ctx),
    rank: content?.rank ?? Number.MAX_SAFE_INTEGER,
    ...titleEvidence(page, article, ctx),
  };
}

function titleEvidence(page: PreparedPage, article: number, ctx: StoryContext) {
  const [titleInPage, titles] = titleAgreement(page, article, ctx);
  return { titleInPage, titles };
}

/** Whether this match can be a rewrite: of a near day, and its score reaching the threshold with two rare figures shared. */
function mayBeRewrite(m: RankedMatch, page: PreparedPage, ctx: StoryContext): boolean {
  if (!nearDay(page, m.article, ctx)) return false;
  const best = { words: m.words, pageWords: m.pageWords, rank: m.rank, rareNumbers: 2 } as StoryEvidence;
  return rewriteScore({ ...best, ...titleEvidence(page, m.article, ctx) }) >= REWRITE_THRESHOLD;
}

function score(page: PreparedPage, article: number, ctx: StoryContext, content?: RankedMatch): StoryScore {
  const e = evidence(page, article, ctx, content);
  const copied = e.shared >= CONTENT_MIN_SHARED && (e.plain >= CONTENT_SAME || e.containment >= CONTENT_SAME_RARE);
  const rewritten = e.nearDay && (e.words >= WORDS_SAME || rewriteScore(e) >= REWRITE_THRESHOLD);
  const sameByEvidence = e.value >= SAME_STORY_THRESHOLD && e.sharedSpecific >= 2;

  // A copy ranks by how much of each text the other holds (a brief that a long page merely quotes
  // ranks below the page's own wire copy), then a rewrite by its share of rare words, above
  // anything only related.
  let ranked = e.value;
  if (copied) ranked = Math.max(e.value, 0.75 + e.mutual / 4);
  else if (rewritten) ranked = Math.max(e.value, 0.5 + e.words / 4);
  return {
    article,
    score: round(ranked),
    sameStory: copied || rewritten || sameByEvidence,
  };
}

/** The evidence for one page and one article, as the scorer weighs it (tests/eval/real-story/features.ts). */
export function storyEvidence(page: PageFeatures, article: number, ctx: StoryContext): StoryEvidence {
  return evidence(preparePage(page, ctx), article, ctx, matchFor(page, article, ctx));
}

/** A content match and its rank among the page's candidates. */
type RankedMatch = ContentMatch & { rank: number };
/** Candidates by content: a shared shingle pair, or a twentieth of the article's distinctive words. */
const CANDIDATE_SHARED = 2;
const CANDIDATE_WORDS = 0.05;
const wordKey = (m: ContentMatch) => m.words + m.pageWords;

/** The page's candidates by content, each with its rank by distinctive-word overlap. */
function rankedMatches(page: PageFeatures, ctx: StoryContext): Map<number, RankedMatch> {
  const matches = contentMatches(page, ctx.table, CANDIDATE_SHARED, CANDIDATE_WORDS);
  const keys = matches.map(wordKey).sort((a, b) => b - a);
  const out = new Map<number, RankedMatch>();
  // The matches are fresh objects: ranked in place, not copied (a short page can have thousands).
  for (const m of matches as RankedMatch[]) {
    m.rank = above(keys, wordKey(m));
    out.set(m.article, m);
  }
  return out;
}

/** How many of the keys (descending) are greater than k. */
function above(keys: number[], k: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] > k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One article's content match, ranked as scoreStories ranks it, even when it is no candidate. */
function matchFor(page: PageFeatures, article: number, ctx: StoryContext): RankedMatch | undefined {
  const ranked = rankedMatches(page, ctx);
  const found = ranked.get(article);
  if (found) return found;
  const m = contentMatches(page, ctx.table, 1, 0).find((x) => x.article === article);
  if (!m) return undefined;
  const keys = [...ranked.values()].map(wordKey).sort((a, b) => b - a);
  return { ...m, rank: above(keys, wordKey(m)) };
}

export function scoreStory(page: PageFeatures, article: number, ctx: StoryContext): StoryScore {
  return score(preparePage(page, ctx), article, ctx, matchFor(page, article, ctx));
}

/**
 * The articles that share shingle samples or an entity (not one named everywhere) with the page,
 * scored, best first.
 */
export function scoreStories(page: PageFeatures, ctx: StoryContext): StoryScore[] {
  const prepared = preparePage(page, ctx);
  const content = rankedMatches(page, ctx);
  // Every content match counts for the ranks; only those that could be a copy or a rewrite, or
  // share much wording, are scored (the rest cost time and could only come out "related").
  const candidates = new Set<number>();
  for (const m of content.values())
    if (m.shared >= 2 || m.words >= 0.25 || mayBeRewrite(m, prepared, ctx)) candidates.add(m.article);
  const n = storyCount(ctx.table);
  const maxDf = candidateMaxDf(n);
  for (const e of prepared.entities) {
    const from = ctx.entityArticleOffsets[e];
    const to = ctx.entityArticleOffsets[e + 1];
    if (from === undefined || to === undefined || to - from > maxDf) continue;
    for (let k = from; k < to; k++) candidates.add(ctx.entityArticles[k]);
  }
  const out: StoryScore[] = [];
  for (const i of candidates) {
    if (i >= n) continue;
    const s = score(prepared, i, ctx, content.get(i));
    if (s.score > 0) out.push(s);
  }
  // Ties (two articles the page holds whole) go to the one whose rare wording it holds more of.
  const held = (a: number) => content.get(a)?.containment ?? 0;
  return out.sort((a, b) => b.score - a.score || held(b.article) - held(a.article) || a.article - b.article);
}
