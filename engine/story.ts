// Same-story detection. Design note:
// A page is "the same story" as a corpus article when it reports the same event, not when it
// shares a topic. Evidence, each scored 0..1:
// - entities (language-independent): overlap of the article's entities, weighted by how specific
//   they are — a person or an organization says more than a country, and an entity found in
//   many corpus articles says less (inverse document frequency);
// - dates: the page names the article's day (MM-DD) — the event date or the publication date;
// - numbers: distinctive figures (3000 arrested, years) in both;
// - text: cosine of content-word vectors, only when the page and the article share a language.
// Evidence the page does not offer (no dates, no figures, another language) is left out of the
// weighted mean rather than counted as a mismatch.
// A score alone is not enough: `sameStory` also needs two shared specific entities (not places),
// so a page about the same countries with a similar vocabulary stays "related", not "same".
import { normalize } from './normalize';
import { tokenize } from './tokenize';
import { cliticReadings } from './clitics';
import { dateKeys, isoDateKeys } from './dates';
import type { EntityType } from './types';

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

export function extractFeatures(
  text: string,
  lang: string,
  entities: Iterable<number>,
  publishedIso?: string | null,
): StoryFingerprint {
  const norm = normalize(text).text;
  const toks = tokenize(norm);
  const tokens: string[] = new Array(toks.count);
  for (let i = 0; i < toks.count; i++) tokens[i] = norm.slice(toks.starts[i], toks.ends[i]);

  const numbers = new Set<string>();
  const tf = new Map<string, number>();
  for (const t of tokens) {
    if (/^\d+$/.test(t)) {
      if (t.length >= 3) numbers.add(t);
      continue;
    }
    if (STOP.has(t)) continue;
    const s = stem(t);
    if (s.length < 3 || STOP.has(s)) continue;
    tf.set(s, (tf.get(s) ?? 0) + 1);
  }
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

export interface StoryContext {
  fingerprints: StoryFingerprint[];
  entityTypes: EntityType[];
  /** Number of corpus articles that mention each entity. */
  documentFrequency: number[];
}

export function documentFrequency(fingerprints: StoryFingerprint[], entityCount: number): number[] {
  const df = new Array<number>(entityCount).fill(0);
  for (const f of fingerprints) for (const e of f.entities) df[e]++;
  return df;
}

function cosine(a: [number, number][], b: [number, number][]): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.length && j < b.length) {
    if (a[i][0] === b[j][0]) dot += a[i++][1] * b[j++][1];
    else if (a[i][0] < b[j][0]) i++;
    else j++;
  }
  const na = Math.hypot(...a.map((t) => t[1]));
  const nb = Math.hypot(...b.map((t) => t[1]));
  return na && nb ? dot / (na * nb) : 0;
}

function overlap<T>(a: T[], b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

export const SAME_STORY_THRESHOLD = 0.5;

export function scoreStory(page: PageFeatures, article: number, ctx: StoryContext): StoryScore {
  const art = ctx.fingerprints[article];
  const n = ctx.fingerprints.length;
  const pageEntities = new Set(page.entities);

  let total = 0;
  let shared = 0;
  let sharedSpecific = 0;
  for (const e of art.entities) {
    const type = ctx.entityTypes[e];
    const w = TYPE_WEIGHT[type] * Math.log(1 + (n + 1) / (ctx.documentFrequency[e] || 1));
    total += w;
    if (pageEntities.has(e)) {
      shared += w;
      if (type !== 'place') sharedSpecific++;
    }
  }
  const entityScore = total ? shared / total : 0;

  // Absent evidence is not evidence against: a brief that names no date or figure is judged on
  // what it does say. A page that names other days than the article's is evidence against.
  const parts: [weight: number, value: number][] = [[0.4, entityScore]];

  const pageDays = page.dates.filter((d) => d.startsWith('d:'));
  const days = art.dates.filter((d) => d.startsWith('d:'));
  if (pageDays.length && days.length) parts.push([0.2, overlap(days, new Set(pageDays)) > 0 ? 1 : 0]);

  if (page.numbers.length && art.numbers.length) {
    parts.push([0.1, Math.min(1, overlap(art.numbers, new Set(page.numbers)) / 2)]);
  }

  // Text only testifies within one language; cosine of short content-word vectors rarely passes
  // 0.7 even for a close paraphrase, hence the scale.
  if (page.lang === art.lang && page.terms.length) parts.push([0.3, Math.min(1, cosine(page.terms, art.terms) * 1.5)]);

  const weight = parts.reduce((sum, [w]) => sum + w, 0);
  const score = parts.reduce((sum, [w, x]) => sum + w * x, 0) / weight;

  return {
    article,
    score: round(score),
    sameStory: score >= SAME_STORY_THRESHOLD && sharedSpecific >= 2,
  };
}

/** All articles that share anything with the page, best first. */
export function scoreStories(page: PageFeatures, ctx: StoryContext): StoryScore[] {
  const out: StoryScore[] = [];
  for (let i = 0; i < ctx.fingerprints.length; i++) {
    const s = scoreStory(page, i, ctx);
    if (s.score > 0) out.push(s);
  }
  return out.sort((a, b) => b.score - a.score || a.article - b.article);
}
