/**
 * Re-finding a passage note's text on a page that may have changed since the note was made.
 *
 * Design note (the Hypothesis client's approach: quote + position selectors, fuzzy, orphans)
 * - A passage is stored twice: where it was (TextPositionSelector) and what it said with some
 *   context (TextQuoteSelector). Positions are cheap and exact on an unchanged page but break as soon
 *   as anything is inserted before the passage; the quote survives moves but may occur more than once
 *   or be edited. So the steps go from cheapest and most certain to most forgiving:
 *   1. the stored position, accepted only if the text there still equals the quote — compared
 *      normalized (engine/text/normalize: diacritics, tatweel, hamza and letter variants, case), because
 *      Arabic sites re-vocalize and re-typeset text without changing what it says;
 *   2. every exact occurrence of the quote, then every occurrence in normalized text; several
 *      occurrences are told apart by how well prefix/suffix and the old position fit;
 *   3. fuzzy search (approx-string-match, Myers' bit-parallel algorithm) of the normalized quote in
 *      the normalized text with up to max(2, quote/4) edits, the best candidate again chosen by
 *      quote errors, context and position. Normalized offsets map back to page offsets through
 *      normalize()'s map, and the end grows over trailing marks so a vocalized last letter is whole;
 *      a fuzzy match that stops mid-word is grown to the word's edge when the quote began/ended at one.
 * - Anything else is an orphan: `anchor` returns null and the caller lists the note apart — a note is
 *   never dropped because its page changed.
 * - Runs on plain text (collectText's joined text), no DOM and no storage, so it is tested in Node.
 */
import search from 'approx-string-match';
import { isTrailingMark, isWordUnit, normalize, normalizeKey, type Normalized } from '../engine/text/normalize';
import type { PassageSelectors, TextPositionSelector, TextQuoteSelector } from './selectors';

export interface TextRange {
  start: number;
  end: number;
}

/** Scoring weights (Hypothesis' match-quote uses the same proportions): the quote counts most. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const POSITION_WEIGHT = 2;
/** Occurrences considered at most: bounds the work for a one-letter quote on a huge page. */
const MAX_CANDIDATES = 20_000;
/** Myers' cost grows with the error budget; Hypothesis caps it the same way. */
const MAX_ERRORS = 256;
/** Below this length a quote is too short to find fuzzily without its context agreeing. */
const DISTINCTIVE_LENGTH = 12;
/** Context agreement (0–1) that lets a weak fuzzy candidate through. */
const CONTEXT_ACCEPT = 0.6;

/** Candidates whose context is re-scored with edit distance after a cheap first ranking. */
const RESCORE = 16;

interface Match {
  /** Offsets in the searched string (page text, or normalized page text). */
  start: number;
  end: number;
  /** Edits between the match and the quote (0 for exact matches). */
  errors: number;
}

interface Candidate extends Match {
  score: number;
  context: number | null;
}

// One-entry cache: the caller anchors all notes of a page against the same text string, and
// normalizing a long page once instead of once per note is the difference that matters.
let cachedText: string | null = null;
let cachedNorm: Normalized | null = null;
function normalizedPage(text: string): Normalized {
  if (cachedText !== text || !cachedNorm) {
    cachedNorm = normalize(text);
    cachedText = text;
  }
  return cachedNorm;
}

function sameText(a: string, b: string): boolean {
  return a === b || normalizeKey(a) === normalizeKey(b);
}

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i !== -1 && out.length < MAX_CANDIDATES; i = hay.indexOf(needle, i + 1)) {
    out.push(i);
  }
  return out;
}

/** 1 − (edits to find `pattern` inside `window`) / pattern length, in [0, 1]. */
function similarity(window: string, pattern: string): number {
  if (!window) return 0;
  if (window === pattern) return 1;
  let errors = pattern.length;
  for (const m of search(window, pattern, pattern.length)) errors = Math.min(errors, m.errors);
  return 1 - errors / pattern.length;
}

/** Units of `pattern` that agree with `hay` going outward from the quote, as a share of the pattern. */
function alignedSimilarity(hay: string, at: number, pattern: string, backward: boolean): number {
  let k = 0;
  if (backward) while (k < pattern.length && hay[at - 1 - k] === pattern[pattern.length - 1 - k]) k++;
  else while (k < pattern.length && hay[at + k] === pattern[k]) k++;
  return k / pattern.length;
}

/**
 * Mean agreement (0–1) of prefix and suffix around hay[s, e); null when the selector has no context.
 * `exact` uses edit distance (tolerates edits next to the passage); otherwise a cheap aligned count.
 */
function contextScore(hay: string, m: Match, prefix: string, suffix: string, exact: boolean): number | null {
  let sum = 0;
  let n = 0;
  if (prefix) {
    sum += exact
      ? similarity(hay.slice(Math.max(0, m.start - prefix.length), m.start), prefix)
      : alignedSimilarity(hay, m.start, prefix, true);
    n++;
  }
  if (suffix) {
    sum += exact
      ? similarity(hay.slice(m.end, m.end + suffix.length), suffix)
      : alignedSimilarity(hay, m.end, suffix, false);
    n++;
  }
  return n ? sum / n : null;
}

function score(
  quoteLength: number,
  m: Match,
  context: number | null,
  pageStart: number,
  hint: number | undefined,
  pageLength: number,
): number {
  const quote = 1 - m.errors / Math.max(1, quoteLength);
  const position = hint === undefined ? 0 : 1 - Math.abs(pageStart - hint) / Math.max(1, pageLength);
  return QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * (context ?? 0.5) + POSITION_WEIGHT * position;
}

/**
 * The best of `matches` in `hay`. Every match is ranked cheaply (aligned context), then the top few
 * are re-ranked with edit-distance context: a common word's thousands of occurrences stay fast.
 * `pageStart` maps a match start to page offsets for the position score.
 */
function best(
  hay: string,
  matches: Match[],
  quoteLength: number,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  pageLength: number,
  pageStart: (s: number) => number,
): Candidate | null {
  const rate = (m: Match, exact: boolean): Candidate => {
    const context = contextScore(hay, m, prefix, suffix, exact);
    return { ...m, context, score: score(quoteLength, m, context, pageStart(m.start), hint, pageLength) };
  };
  const shortlist = matches
    .map((m) => rate(m, false))
    .sort((a, b) => b.score - a.score)
    .slice(0, RESCORE);
  let top: Candidate | null = null;
  for (const m of shortlist) {
    const c = rate(m, true);
    if (!top || c.score > top.score) top = c;
  }
  return top;
}

/** Page offsets of normalized [s, e), the end grown over marks/tatweel that belong to the last letter. */
function toPage(text: string, norm: Normalized, s: number, e: number): TextRange {
  const start = norm.map[s];
  let end = e > s ? norm.map[e - 1] + 1 : start;
  while (end < text.length && isTrailingMark(text.charCodeAt(end))) end++;
  return { start, end };
}

function validPosition(text: string, p: TextPositionSelector): boolean {
  return (
    Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.start < p.end && p.end <= text.length
  );
}

/**
 * Where the passage described by `selectors` is in `text` now, or null (an orphan).
 * `text` is the joined page text from collectText.
 */
export function anchor(text: string, selectors: Partial<PassageSelectors>): TextRange | null {
  const { quote, position } = selectors;
  if (position && validPosition(text, position)) {
    if (!quote || sameText(text.slice(position.start, position.end), quote.exact)) {
      return { start: position.start, end: position.end };
    }
  }
  if (!quote || !quote.exact) return null;
  const hint = position?.start;

  // 2a. Exact occurrences of the quote as written.
  const length = quote.exact.length;
  const exact = occurrences(text, quote.exact).map((s): Match => ({ start: s, end: s + length, errors: 0 }));
  const exactBest = best(text, exact, length, quote.prefix, quote.suffix, hint, text.length, (s) => s);
  if (exactBest) return { start: exactBest.start, end: exactBest.end };

  // 2b. Exact occurrences after normalization (diacritics added, tatweel, letter variants).
  const norm = normalizedPage(text);
  const q = normalize(quote.exact).text;
  if (!q.trim()) return null;
  const prefix = normalize(quote.prefix).text;
  const suffix = normalize(quote.suffix).text;
  const toPageStart = (s: number) => norm.map[s];
  const normalized = occurrences(norm.text, q).map((s): Match => ({ start: s, end: s + q.length, errors: 0 }));
  const normalizedBest = best(norm.text, normalized, q.length, prefix, suffix, hint, text.length, toPageStart);
  if (normalizedBest) return toPage(text, norm, normalizedBest.start, normalizedBest.end);

  // 3. Fuzzy: the passage was edited. approx-string-match returns only the lowest-error matches.
  if (q.length < 4) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.max(2, Math.floor(q.length / 4)));
  const fuzzy = search(norm.text, q, maxErrors).slice(0, MAX_CANDIDATES);
  const fuzzyBest = best(norm.text, fuzzy, q.length, prefix, suffix, hint, text.length, toPageStart);
  if (!fuzzyBest || fuzzyBest.end <= fuzzyBest.start) return null;
  // A long quote within a quarter of edits stands on its own; a short or weaker one also needs its
  // surroundings to agree, or a two-word quote would "anchor" on any similar words of the page.
  const strong = q.length >= DISTINCTIVE_LENGTH && fuzzyBest.errors * 4 <= q.length;
  const contextAgrees = fuzzyBest.context !== null && fuzzyBest.context >= CONTEXT_ACCEPT;
  if (!strong && !contextAgrees) return null;
  return snapToWords(text, toPage(text, norm, fuzzyBest.start, fuzzyBest.end), quote);
}

/** Most units a fuzzy match is grown by to reach a word edge. */
const MAX_SNAP = 32;

/**
 * A fuzzy match is the cheapest substring and may start or end mid-word ("eporters said…"). If the
 * quote itself began (ended) at a word edge, grow the match to the nearest word edge too.
 */
function snapToWords(text: string, r: TextRange, quote: TextQuoteSelector): TextRange {
  const word = (s: string, i: number) => i >= 0 && i < s.length && isWordUnit(s.charCodeAt(i));
  let { start, end } = r;
  const startsWord = word(quote.exact, 0) && !word(quote.prefix, quote.prefix.length - 1);
  const endsWord = word(quote.exact, quote.exact.length - 1) && !word(quote.suffix, 0);
  for (let n = 0; startsWord && n < MAX_SNAP && word(text, start - 1) && word(text, start); n++) start--;
  for (let n = 0; endsWord && n < MAX_SNAP && word(text, end) && word(text, end - 1); n++) end++;
  return { start, end };
}
