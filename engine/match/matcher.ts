/**
 * Recognizes gazetteer aliases in page text and returns mentions with original-text offsets.
 *
 * Design note
 * - Build once: first-token key → candidate aliases (longest first, unambiguous before ambiguous). At
 *   match time the cost is per token, not per alias: normalize (keeping the offset map), tokenize, then
 *   one Map lookup per clitic reading of each distinct token (readings are memoized per matcher, since
 *   page vocabulary repeats), then exact comparison of the few candidates' following tokens in place.
 * - Only the first token of an alias takes clitics (rule 6); a reading that stripped the article only
 *   reaches aliases flagged `article` (rule 3). Longest match wins, then the earliest reading (whole token
 *   before stripped), then candidate order. Greedy, left to right, non-overlapping.
 * - Ambiguity gate, a second pass: an ambiguous mention stays only with evidence (same entity named
 *   unambiguously on the page, a cue among the 3 tokens before or after it, quotation marks around it, a
 *   related entity named unambiguously). A capitalized case-sensitive Latin alias counts as evidence
 *   mid-sentence, not at a sentence start. A rejected mention falls back to the best unambiguous
 *   candidate at the same position, if any. A page matched in slices keeps the rejected ones as
 *   `undecided`: the only evidence a later slice can add is a name (a and d), so `decide` settles them
 *   once every slice is read, without matching any slice again.
 * - Gates on a candidate before it can win (real news showed each one, issue 11): a key made by
 *   removing the article needs a reading that removed it (دوما is not الدوما); an entity with a
 *   `since` date is not on pages dated earlier; an acronym is written in capitals, not as currency
 *   and not among shouted words; tanween, or a shadda on a short name, makes the word another one.
 *   A non-entity phrase (entity -1) competes like a name, so the larger name wins, and is never
 *   emitted. A nisba-shaped place name is kept only where the syntax makes it a name (nisba.ts).
 *   Against-words before an ambiguous name veto its evidence; an acronym is its own evidence; a
 *   capital in Title Case is none.
 * - Offsets: start = first unit of the first token (clitics included), end = after the last token's last
 *   unit, extended over trailing marks/tatweel, so the mark covers whole words and never splits joining.
 */
import type { AliasEntry, Gazetteer, Mention } from '../types';
import { isTrailingMark, normalizeTokens, sourceOffset } from '../text/normalize';
import { FILTER_BITS, longSuffixHash, SHORT_FILTER_BITS, SHORT_FILTER_MASK, suffixHash } from '../text/token-hash';
import { cliticReadings } from '../text/clitics';
import { readNisba } from './nisba';

interface Candidate {
  entity: number; // -1: a non-entity phrase, which shadows shorter names and is never marked
  tokens: string[];
  article: boolean;
  stripped: boolean;
  ambiguous: boolean;
  caseSensitive: boolean;
  acronym: boolean;
  /** For a nisba-shaped place name: its first key without the article, and whether the name is
   *  written with it (engine/match/nisba.ts). */
  nisbaCore: string | null;
  nisbaDefinite: boolean;
  since: string | null;
}

interface Hit {
  prefixLength: number;
  article: boolean;
  candidates: Candidate[];
}

interface Pending {
  token: number; // index of the first token
  length: number; // tokens covered
  candidate: Candidate;
  fallback: Candidate | null; // best unambiguous candidate when `candidate` is ambiguous
}

const CUE_WINDOW = 3;
export { FILTER_BITS, longSuffixHash, SHORT_FILTER_BITS, SHORT_FILTER_MASK, suffixHash } from '../text/token-hash';
const NO_HITS: Hit[] = [];

function isArabicUnit(c: number): boolean {
  return c >= 0x600 && c <= 0x6ff;
}

function isUpperUnit(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

/** Original text [from, to) has no lowercase letter. */
function noLowercase(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (isLatinLetter(c) && !isUpperUnit(c)) return false;
  }
  return true;
}

function isQuote(c: number): boolean {
  // " ' « » ‘ ’ ‚ “ ” „
  return (
    c === 0x22 || c === 0x27 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201a) || (c >= 0x201c && c <= 0x201e)
  );
}

function isOpener(c: number): boolean {
  return isQuote(c) || c === 0x28 || c === 0x5b;
}

function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

function isNameGap(c: number): boolean {
  return isInlineSpace(c) || c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x202f;
}

/** Whether norm[from, to) — the gap between two tokens — lets them be words of one name: spaces
 *  or a hyphen only (after an initial, its full stop), so "سيرغي، لافروف" is two names. */
export function joinedBy(norm: string, from: number, to: number): boolean {
  let p = from;
  // An initial's full stop joins too: U.S., Joseph R. Biden.
  if (p < to && norm.charCodeAt(p) === 0x2e && (from < 2 || !isWordUnit(norm.charCodeAt(from - 2)))) p++;
  for (; p < to; p++) if (!isNameGap(norm.charCodeAt(p))) return false;
  return true;
}

function isWordUnit(c: number): boolean {
  return isLatinLetter(c) || isArabicUnit(c) || (c >= 0x30 && c <= 0x39);
}

/** Start of text, or after . ! ? ؟ … or a line break, skipping spaces and opening quotes/brackets. */
function atSentenceStart(text: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && (isInlineSpace(text.charCodeAt(p)) || isOpener(text.charCodeAt(p)))) p--;
  if (p < 0) return true;
  const c = text.charCodeAt(p);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x2026 || c === 0x0a || c === 0x0d;
}

/**
 * Evidence shared across several `match` calls on one page (a large page is matched in slices):
 * entities named unambiguously so far are read as evidence and extended by each call, and ambiguous
 * mentions dropped for want of evidence are kept in `undecided`, for `decide` once every slice is read.
 */
export interface PageEvidence {
  named: Set<number>;
  undecided: Undecided[];
  /** The page's publication date (ISO, from its metadata), or null: names with a later `since` are not its. */
  published: string | null;
}

/** An ambiguous mention dropped for want of evidence; offsets are in the text it was matched in. */
export interface Undecided {
  mention: Mention;
  /** The unambiguous mention emitted in its place (same start, shorter), if any. */
  fallback: Mention | null;
}

export function pageEvidence(published: string | null = null): PageEvidence {
  return { named: new Set(), undecided: [], published: published && /^\d{4}-\d{2}/.test(published) ? published : null };
}

/** A text normalized and tokenized once, for callers that need its tokens before matching it. */
export interface PreparedText {
  norm: string;
  /** Offsets in the text, as shift pairs (engine/text/normalize.ts sourceOffset). */
  shifts: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** suffixHash and longSuffixHash of each token: read by the matcher's filters and by the page's
   *  key filters (keyFilterBit). */
  hashes: Uint16Array;
  longHashes: Uint16Array;
  /** tokenHash of each token: the page vocabulary's identity hash (engine/text/token-hash.ts). */
  ids: Int32Array;
}

/** Which of the two key filters a key sets, and its bit there: a key of four units or more by the
 *  hash of its last four (a page token that yields it ends in them), a shorter one by suffixHash
 *  (a token that yields it ends in it, or is it). */
export function keyFilterBit(key: string): [long: boolean, bit: number] {
  return key.length >= 4
    ? [true, longSuffixHash(key, 0, key.length)]
    : [false, suffixHash(key, 0, key.length) & SHORT_FILTER_MASK];
}

/** One pass over the text (engine/text/normalize.ts normalizeTokens): it runs over every character of a page. */
export function prepareText(text: string): PreparedText {
  const { text: norm, shifts, starts, ends, count, hashes, longHashes, ids } = normalizeTokens(text);
  return { norm, shifts, starts, ends, count, hashes, longHashes, ids };
}

/** The first token at or after `i` that may start a name of the matcher's, by its key filters
 *  (`count` when none does). The loop over every token of a text is this small function of its
 *  own: V8's optimizing compiler compiles what runs hot, and when this loop ran in `match`, all
 *  of `match` with its helpers was compiled (on the bench machine ~150 ms of a background thread
 *  per page load, competing with the page for two cores) for the few tokens that pass. */
function nextCandidate(
  longFilter: Uint8Array,
  shortFilter: Uint8Array,
  longHashes: Uint16Array,
  hashes: Uint16Array,
  i: number,
  count: number,
): number {
  while (i < count && longFilter[longHashes[i]] === 0 && shortFilter[hashes[i] & SHORT_FILTER_MASK] === 0) i++;
  return i;
}

export interface Matcher {
  /** `prepared` must be prepareText(text) when given. */
  match(text: string, evidence?: PageEvidence, prepared?: PreparedText): Mention[];
  /** The undecided mentions whose entity, or a related one, has been named since: taken out of `evidence`. */
  decide(evidence: PageEvidence): Undecided[];
}

export function createMatcher(gaz: Gazetteer): Matcher {
  const byFirst = new Map<string, Candidate[]>();
  gaz.aliases.forEach((a: AliasEntry) => {
    if (a.tokens.length === 0) return;
    const c: Candidate = {
      entity: a.entity,
      tokens: a.tokens,
      article: !!a.article,
      stripped: !!a.stripped,
      ambiguous: !!a.ambiguous,
      caseSensitive: !!a.caseSensitive,
      acronym: !!a.acronym,
      nisbaCore: a.nisba ? (a.stripped ? a.tokens[0] : a.tokens[0].replace(/^ال/, '')) : null,
      nisbaDefinite: !!a.nisba && (a.stripped || a.tokens[0].startsWith('ال')),
      since: a.since ?? null,
    };
    const list = byFirst.get(a.tokens[0]);
    if (list) list.push(c);
    else byFirst.set(a.tokens[0], [c]);
  });
  // Array.prototype.sort is stable: gazetteer order breaks the remaining ties.
  for (const list of byFirst.values()) {
    list.sort((x, y) => y.tokens.length - x.tokens.length || +x.ambiguous - +y.ambiguous);
  }
  const longFilter = new Uint8Array(1 << FILTER_BITS);
  const shortFilter = new Uint8Array(1 << SHORT_FILTER_BITS);
  for (const key of byFirst.keys()) {
    const [long, bit] = keyFilterBit(key);
    (long ? longFilter : shortFilter)[bit] = 1;
  }
  const cueSets = new Map<number, Set<string>>();
  for (const [entity, list] of Object.entries(gaz.cues ?? {})) cueSets.set(Number(entity), new Set(list));
  const againstSets = new Map<number, Set<string>>();
  for (const [entity, list] of Object.entries(gaz.against ?? {})) againstSets.set(Number(entity), new Set(list));
  const related = gaz.related ?? {};

  // Page vocabulary repeats across the slices of a page: clitic readings are looked up once per matcher.
  const memo = new Map<string, Hit[]>();

  function hitsOf(token: string): Hit[] {
    const readings = isArabicUnit(token.charCodeAt(0))
      ? cliticReadings(token)
      : [{ stem: token, prefixLength: 0, article: false }];
    let hits: Hit[] | null = null;
    for (const r of readings) {
      const candidates = byFirst.get(r.stem);
      if (!candidates) continue;
      (hits ??= []).push({ prefixLength: r.prefixLength, article: r.article, candidates });
    }
    return hits ?? NO_HITS;
  }

  function match(text: string, evidence?: PageEvidence, prepared?: PreparedText): Mention[] {
    if (!text || byFirst.size === 0) return [];
    const page = prepared ?? prepareText(text);
    const { norm, shifts, starts, ends, count, hashes, longHashes } = page;
    // Where a normalized offset came from in `text`: asked only at tokens that may start a name.
    const source = (i: number) => sourceOffset(shifts, i);
    const tokenAt = (k: number) => norm.slice(starts[k], ends[k]);
    const sameToken = (k: number, t: string) => ends[k] - starts[k] === t.length && norm.startsWith(t, starts[k]);
    const joined = (k: number) => joinedBy(norm, ends[k - 1], starts[k]);
    const published = evidence?.published ?? null;
    // Marks the page writes that no name of ours carries say the word is another one: a shadda on
    // a short name (مصرّ "insisting", not مصر), tanween on any one-word name (سورياً "Syrian",
    // ظريفٌ "witty": names do not take it).
    const VOWELS_SHADDA = 1;
    const VOWELS_TANWEEN = 2;
    const marksOn = (k: number) => {
      let found = 0;
      const last = source(ends[k] - 1);
      for (let p = source(starts[k]); p < text.length; p++) {
        const c = text.charCodeAt(p);
        if (c === 0x651) found |= VOWELS_SHADDA;
        else if (c >= 0x64b && c <= 0x64d) found |= VOWELS_TANWEEN;
        else if (p > last && !isTrailingMark(c)) break;
      }
      return found;
    };
    // A word of four capitals or more beside this one in the same run of words: a shouted heading or
    // button (CONTACT US), where capitals say nothing about an acronym (BBC US, UK, US are fine).
    const shouting = (k: number, next: number) => {
      if (k < 0 || k >= count || ends[k] - starts[k] < 4) return false;
      if (!joinedBy(norm, ends[Math.min(k, next)], starts[Math.max(k, next)])) return false;
      const from = source(starts[k]);
      const to = source(ends[k] - 1) + 1;
      return isLatinLetter(text.charCodeAt(from)) && noLowercase(text, from, to);
    };
    // An acronym is written in capitals (US, not "Us"), is no currency (US$) and stands in lowercase text.
    const acronymHere = (k: number, len: number) => {
      const from = source(starts[k]);
      const to = source(ends[k + len - 1] - 1) + 1;
      return (
        noLowercase(text, from, to) &&
        text.charCodeAt(to) !== 0x24 &&
        !shouting(k - 1, k) &&
        !shouting(k + len, k + len - 1)
      );
    };

    const pending: Pending[] = [];
    let i = 0;
    while ((i = nextCandidate(longFilter, shortFilter, longHashes, hashes, i, count)) < count) {
      const tok = tokenAt(i);
      let hits = memo.get(tok);
      if (hits === undefined) memo.set(tok, (hits = hitsOf(tok)));
      let best: Candidate | null = null;
      let bestLen = 0;
      let fallback: Candidate | null = null;
      let fallbackLen = 0;
      for (const h of hits) {
        for (const c of h.candidates) {
          const len = c.tokens.length;
          if (len <= bestLen && (c.ambiguous || len <= fallbackLen)) continue;
          if (h.article && !c.article) continue;
          if (c.stripped && !h.article) continue;
          if (c.since !== null && published !== null && published < c.since) continue;
          if (i + len > count) continue;
          let ok = true;
          for (let k = 1; k < len && ok; k++) ok = joined(i + k) && sameToken(i + k, c.tokens[k]);
          if (!ok) continue;
          if (c.caseSensitive && !isUpperUnit(text.charCodeAt(source(starts[i] + h.prefixLength)))) continue;
          if (c.acronym && !acronymHere(i, len)) continue;
          if (len === 1 && isArabicUnit(c.tokens[0].charCodeAt(0))) {
            const found = marksOn(i);
            if (found & VOWELS_TANWEEN || (found & VOWELS_SHADDA && c.tokens[0].length <= 3)) continue;
          }
          if (len > bestLen) {
            best = c;
            bestLen = len;
          }
          if (!c.ambiguous && len > fallbackLen) {
            fallback = c;
            fallbackLen = len;
          }
        }
      }
      if (best) {
        pending.push({ token: i, length: bestLen, candidate: best, fallback: best.ambiguous ? fallback : null });
        i += bestLen;
      } else i++;
    }
    if (pending.length === 0) return [];

    // Entities named unambiguously somewhere on the page: evidence (a) and (d).
    const named = evidence?.named ?? new Set<number>();
    for (const p of pending) if (!p.candidate.ambiguous && p.candidate.entity >= 0) named.add(p.candidate.entity);

    const startOf = (p: Pending) => source(starts[p.token]);
    const endOf = (p: Pending, length: number) => {
      let end = source(ends[p.token + length - 1] - 1) + 1;
      while (end < text.length && isTrailingMark(text.charCodeAt(end))) end++;
      return end;
    };

    const isCue = (k: number, cues: Set<string>): boolean => {
      const t = tokenAt(k);
      if (cues.has(t)) return true;
      if (isArabicUnit(t.charCodeAt(0))) for (const r of cliticReadings(t)) if (cues.has(r.stem)) return true;
      return false;
    };
    // Titles come before a name (وزير الخارجية ظريف), kinds often after it (Signal, the messaging app).
    const cueBefore = (p: Pending, cues: Set<string> | undefined): boolean => {
      if (!cues) return false;
      for (let k = p.token - 1; k >= 0 && k >= p.token - CUE_WINDOW; k--) if (isCue(k, cues)) return true;
      return false;
    };
    const hasCue = (p: Pending, length: number, cues: Set<string> | undefined): boolean => {
      if (!cues) return false;
      if (cueBefore(p, cues)) return true;
      const after = p.token + length;
      for (let k = after; k < count && k < after + CUE_WINDOW; k++) if (isCue(k, cues)) return true;
      return false;
    };
    // Quotation marks around the name, with or without spaces inside them: "تاس" or « تاس ».
    const quoted = (start: number, end: number): boolean => {
      let a = start - 1;
      while (a >= 0 && isInlineSpace(text.charCodeAt(a))) a--;
      let b = end;
      while (b < text.length && isInlineSpace(text.charCodeAt(b))) b++;
      return a >= 0 && b < text.length && isQuote(text.charCodeAt(a)) && isQuote(text.charCodeAt(b));
    };

    // Title Case (every word capitalized) makes a capital no evidence either.
    const capitalized = (k: number) =>
      k >= 0 &&
      k < count &&
      isUpperUnit(text.charCodeAt(source(starts[k]))) &&
      isLatinLetter(text.charCodeAt(source(starts[k])));
    const titleCase = (p: Pending, length: number) => capitalized(p.token - 1) && capitalized(p.token + length);

    const hasEvidence = (p: Pending, length: number): boolean => {
      const c = p.candidate;
      const start = startOf(p);
      const end = endOf(p, length);
      if (cueBefore(p, againstSets.get(c.entity))) return false;
      if (c.acronym) return true; // written in capitals in lowercase text (checked when matched), even first in a sentence
      if (c.caseSensitive && !atSentenceStart(text, start) && !titleCase(p, length)) return true;
      if (named.has(c.entity)) return true;
      if (hasCue(p, length, cueSets.get(c.entity))) return true;
      if (quoted(start, end)) return true;
      const rel = related[c.entity];
      if (rel) for (const r of rel) if (named.has(r)) return true;
      return false;
    };

    const out: Mention[] = [];
    const mention = (p: Pending, c: Candidate, length: number): Mention => {
      const start = startOf(p);
      let end = endOf(p, length);
      // Dotted initials keep their last full stop: U.S., not U.S
      if (c.acronym && text.charCodeAt(end) === 0x2e && text.charCodeAt(end - 2) === 0x2e) end++;
      return { entity: c.entity, entityId: gaz.entityIds[c.entity], start, end, surface: text.slice(start, end) };
    };
    for (const p of pending) {
      const c = p.candidate;
      if (c.entity < 0) continue; // a phrase that only shadows
      if (c.nisbaCore !== null && readNisba(page, p.token, c.nisbaCore, c.nisbaDefinite) === 'adjective') continue;
      if (!c.ambiguous || hasEvidence(p, p.length)) out.push(mention(p, c, p.length));
      else {
        const fallback = p.fallback && p.fallback.entity >= 0 ? mention(p, p.fallback, p.fallback.tokens.length) : null;
        if (fallback) out.push(fallback);
        evidence?.undecided.push({ mention: mention(p, p.candidate, p.length), fallback });
      }
    }
    return out;
  }

  function decide(evidence: PageEvidence): Undecided[] {
    const named = (e: number) => evidence.named.has(e) || (related[e] ?? []).some((r) => evidence.named.has(r));
    const now = evidence.undecided.filter((u) => named(u.mention.entity));
    evidence.undecided = evidence.undecided.filter((u) => !named(u.mention.entity));
    return now;
  }

  return { match, decide };
}
