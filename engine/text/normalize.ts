/**
 * Text normalization for matching (rules N1–N10 of docs/arabic-matching.md, plus Latin folding).
 *
 * Design note
 * - One pass over UTF-16 code units driven by a 64K-entry table (kind + replacement), built once on
 *   first use. Each input unit is kept, replaced by one unit, deleted, or expanded (presentation forms
 *   only). No regex and no String.prototype.normalize ever runs over page text: Unicode normalization is
 *   only used while building table entries, one code point at a time.
 * - `map[i]` is the input offset of the unit that produced output unit i, and map[out.length] is
 *   input.length. Because the pass is per unit, normalize(a + b) === normalize(a) + normalize(b), which
 *   is what lets the matcher translate token offsets back to page offsets and mark the exact characters.
 * - The same function serves catalog strings (build time) and pages (run time), so keys always agree.
 */
import { FILTER_BITS, ID_STEP, SUFFIX_STEP } from './token-hash';

const FILTER_MASK = (1 << FILTER_BITS) - 1;

const KEEP = 0;
const REPLACE = 1;
const DELETE = 2;
const EXPAND = 3;

interface Tables {
  kind: Uint8Array;
  repl: Uint16Array;
  expansion: Map<number, string>;
}

let tables: Tables | null = null;

function range(from: number, to: number, f: (c: number) => void): void {
  for (let c = from; c <= to; c++) f(c);
}

/** Builds the tables, pausing (`yield`) between groups of ranges: the first page normalization
 *  would otherwise pay the whole build (thousands of String.prototype.normalize calls, cold) in
 *  one slice. `warmNormalizer` lets a caller on the main thread drive it in slices of its own. */
function* buildTables(): Generator<void, Tables, void> {
  const kind = new Uint8Array(0x10000);
  const repl = new Uint16Array(0x10000);
  const expansion = new Map<number, string>();
  const del = (c: number) => {
    kind[c] = DELETE;
  };
  const set = (c: number, r: number) => {
    kind[c] = REPLACE;
    repl[c] = r;
  };
  const setAll = (chars: string, to: string) => {
    for (let i = 0; i < chars.length; i++) set(chars.charCodeAt(i), to.charCodeAt(0));
  };

  // Latin: fold case and strip diacritics so "Zarif", "ZARIF" and "Zárif" share a key.
  range(0x41, 0x5a, (c) => set(c, c + 32));
  const foldLatin = (c: number) => {
    const s = String.fromCharCode(c);
    let base = s.normalize('NFD');
    let end = base.length;
    while (end > 1 && base.charCodeAt(end - 1) >= 0x300 && base.charCodeAt(end - 1) <= 0x36f) end--;
    base = base.slice(0, end);
    if (base.length !== 1) return;
    const lower = base.toLowerCase();
    if (lower.length === 1 && lower !== s) set(c, lower.charCodeAt(0));
  };
  range(0xc0, 0x24f, foldLatin); // Latin-1 Supplement, Extended-A and -B
  yield;
  range(0x1e00, 0x1eff, foldLatin); // Latin Extended Additional (Vietnamese, ạ ễ …)
  // Greek and Cyrillic: case only; their diacritics (й, ё) are distinct letters.
  const lowerOnly = (c: number) => {
    const s = String.fromCharCode(c);
    const lower = s.toLowerCase();
    if (lower.length === 1 && lower !== s) set(c, lower.charCodeAt(0));
  };
  yield;
  range(0x370, 0x52f, lowerOnly);
  // Decomposed Latin diacritics go too, so NFC and NFD pages produce the same key.
  range(0x300, 0x36f, del);

  // N1 Arabic combining marks (tashkeel, Quranic annotation).
  range(0x610, 0x61a, del);
  range(0x64b, 0x65f, del);
  del(0x670);
  range(0x6d6, 0x6dc, del);
  range(0x6df, 0x6e4, del);
  range(0x6e7, 0x6e8, del);
  range(0x6ea, 0x6ed, del);
  range(0x8ca, 0x8e1, del);
  range(0x8e3, 0x8ff, del);
  // N2 tatweel.
  del(0x640);
  // N3 invisible format characters: deleting (not spacing) keeps a name written with them whole.
  range(0x200b, 0x200f, del);
  del(0x61c);
  range(0x202a, 0x202e, del);
  range(0x2066, 0x2069, del);
  del(0xfeff);
  del(0xad);

  setAll('أإآٱٲٳ', 'ا'); // N4
  setAll('ى', 'ي'); // N5
  setAll('ة', 'ه'); // N6
  setAll('ؤ', 'و'); // N7
  setAll('ئ', 'ي');
  setAll('ی', 'ي'); // N8
  setAll('کگ', 'ك');
  setAll('ڨ', 'ق');
  setAll('ڤ', 'ف');
  setAll('پ', 'ب');
  setAll('چ', 'ج');
  setAll('ھەۀہۃ', 'ه');
  range(0x660, 0x669, (c) => set(c, 0x30 + c - 0x660)); // N9
  range(0x6f0, 0x6f9, (c) => set(c, 0x30 + c - 0x6f0));

  // N10 presentation forms: NFKC per code point, then the rules above on the result. Spaces in
  // expansions only come from isolated-mark forms (ﹰ = space + fathatan); those forms vanish whole.
  const presentation = (c: number) => {
    const s = String.fromCharCode(c);
    const nfkc = s.normalize('NFKC');
    if (nfkc === s) return;
    let out = '';
    for (let i = 0; i < nfkc.length; i++) {
      const u = nfkc.charCodeAt(i);
      if (u === 0x20) continue;
      const k = kind[u];
      if (k === KEEP) out += String.fromCharCode(u);
      else if (k === REPLACE) out += String.fromCharCode(repl[u]);
      // DELETE: drop. EXPAND cannot occur: NFKC output holds no presentation forms.
    }
    if (out.length === 0) del(c);
    else if (out.length === 1) set(c, out.charCodeAt(0));
    else {
      kind[c] = EXPAND;
      expansion.set(c, out);
    }
  };
  yield;
  range(0xfb50, 0xfc9f, presentation);
  yield;
  range(0xfca0, 0xfdef, presentation);
  yield;
  range(0xfe70, 0xfefc, presentation);

  return { kind, repl, expansion };
}

let building: Generator<void, Tables, void> | null = null;

/** Kept, replaced, deleted and expanded units, Arabic and Latin words, digits, a one-unit word. */
const WARM_TEXT = 'أهلاً بالعالمِ، Hello ﻻ ٢٠١٥ و';
const WARM_CALLS = 12;
let warmed = false;

/** One step of the build (`warmNormalizer` and `getTables` share it: either may finish it). */
function buildStep(): boolean {
  building ??= buildTables();
  const step = building.next();
  if (step.done) tables = step.value;
  return !!tables;
}

/** The tables, built to the end now if need be. */
function getTables(): Tables {
  while (!tables) buildStep();
  return tables;
}

/** Builds the normalization tables step by step and warms the page's passes, for a caller that
 *  drives it in slices (page/marks/yield.ts drive); done at once, returning false, when warm. */
export function* warmNormalizer(): Generator<void, boolean, void> {
  if (warmed) return false;
  while (!tables && !buildStep()) yield;
  // The tokenizer's word test (its Unicode-class regex is compiled on first use) and the decoder.
  for (const c of [0x61, 0x627, 0x30, 0x20]) isWordUnit(c);
  yield;
  // Every path of the page's passes, run on a short text before a page's first chunk. Without it
  // V8 compiled each hot loop on stack replacement in the middle of that chunk, before the code
  // after the loop had ever run; that code, compiled without type feedback, deoptimized at the end
  // of later calls: about 80 times per load of the 1 MB bench page for the tokenizer (Chromium
  // --trace-deopt), about 13 with this. V8 allocates a function's feedback only after a few calls:
  // hence a dozen.
  for (let k = 0; k < WARM_CALLS; k++) normalizeTokens(WARM_TEXT);
  warmed = true;
  return true;
}

export interface Normalized {
  text: string;
  /** map[i] = input offset of the unit that produced output unit i; map[text.length] = input length. */
  map: Int32Array;
}

const CHUNK = 0x2000;

// TextDecoder turns the units into a string in one native call, several times faster than
// String.fromCharCode over pieces; it reads the platform's byte order, little-endian wherever the
// extension runs (checked, else the fallback). It replaces a lone surrogate with U+FFFD, which
// normalize must keep: a result holding U+FFFD is decoded again the slow way.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: TextDecoder | null | undefined;

function decode(units: Uint16Array, length: number): string {
  utf16 ??=
    LITTLE_ENDIAN && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
  if (utf16) {
    const s = utf16.decode(units.subarray(0, length));
    if (s.length === length && s.indexOf('\ufffd') < 0) return s;
  }
  // join (not +=) so the result is one flat string: charCodeAt over a rope of chunks is several
  // times slower, and the tokenizer and matcher read every unit.
  const parts: string[] = [];
  for (let a = 0; a < length; a += CHUNK) {
    const b = Math.min(length, a + CHUNK);
    parts.push(String.fromCharCode.apply(null, units.subarray(a, b) as unknown as number[]));
  }
  return parts.join('');
}

// The units are written here (grown when expansions need more): only a decoded copy outlives a call.
let scratch = new Uint16Array(0x1000);

// Where the output parts from the input, written as the units are: pairs (output offset, shift),
// output offsets ascending; output unit i came from input unit i + the shift of the last pair at
// or before i (no pair before it: the same offset). Only deletions and expansions make a pair, so
// a page's chunk holds a handful where a dense map held a number per unit. On the page path
// (normalizeTokens) that map was a fresh array per chunk: with the token arrays below, about a
// quarter of the new memory the bench's renderer took for a 1 MB page, and new memory is not free
// (on the bench machine, ~11 µs per 4 KB page). normalize() still gives the dense map.
let pairs = new Int32Array(64);
let pairInts = 0;

function shiftFrom(at: number, shift: number): void {
  if (pairInts > 0 && pairs[pairInts - 2] === at) {
    pairs[pairInts - 1] = shift;
    return;
  }
  if (pairInts + 2 > pairs.length) {
    const grown = new Int32Array(pairs.length * 2);
    grown.set(pairs);
    pairs = grown;
  }
  pairs[pairInts++] = at;
  pairs[pairInts++] = shift;
}

/** The input offset of output unit `i` (the output's length: the input's length), from the
 *  shift pairs of a normalization (see above). */
export function sourceOffset(shifts: Int32Array, i: number): number {
  let lo = 0;
  let hi = shifts.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (shifts[mid << 1] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? i : i + shifts[(lo << 1) - 1];
}

/** The normalized units of `text` (in `scratch`, valid until the next call), with its shift pairs
 *  in `pairs[0, pairInts)` (likewise) and, when `dense`, its offset map. */
function normalizeUnits(
  text: string,
  dense: boolean,
): { out: Uint16Array; map: Int32Array | null; length: number; changed: boolean } {
  const { kind, repl, expansion } = getTables();
  const n = text.length;
  let cap = n + 16;
  if (scratch.length < cap) scratch = new Uint16Array(cap);
  let out = scratch;
  let map = dense ? new Int32Array(cap + 1) : null;
  pairInts = 0;
  let shift = 0;
  let j = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = kind[c];
    if (k === KEEP) {
      if (map !== null) map[j] = i;
      out[j++] = c;
    } else if (k === REPLACE) {
      if (map !== null) map[j] = i;
      out[j++] = repl[c];
      changed = true;
    } else if (k === DELETE) {
      shiftFrom(j, ++shift);
      changed = true;
    } else {
      const e = expansion.get(c)!;
      if (j + e.length + 1 > cap) {
        // Only expansions grow the text; grow geometrically so a page of ligatures stays linear.
        cap = Math.max(cap * 2, j + e.length + 16);
        const o2 = new Uint16Array(cap);
        o2.set(out.subarray(0, j));
        out = scratch = o2;
        if (map !== null) {
          const m2 = new Int32Array(cap + 1);
          m2.set(map.subarray(0, j));
          map = m2;
        }
      }
      // Every unit of the expansion came from input unit i; the next output comes from i + 1.
      for (let x = 0; x < e.length; x++) {
        if (map !== null) map[j] = i;
        out[j] = e.charCodeAt(x);
        shiftFrom(j, i - j);
        j++;
      }
      shiftFrom(j, (shift = i + 1 - j));
      changed = true;
    }
  }
  if (map !== null) map[j] = n;
  return { out, map, length: j, changed };
}

export function normalize(text: string): Normalized {
  const { out, map, length, changed } = normalizeUnits(text, true);
  return { text: changed ? decode(out, length) : text, map: map!.subarray(0, length + 1) };
}

/** Key for catalog strings: normalized, whitespace runs collapsed to one space, trimmed. */
export function normalizeKey(s: string): string {
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}

/**
 * True for units that normalize to nothing and visually belong to the preceding letter (marks, tatweel).
 * The matcher extends a mention over them so a diacritized name is marked whole; invisible format
 * characters are excluded because they may as well belong to the next word.
 */
export function isTrailingMark(c: number): boolean {
  if (getTables().kind[c] !== DELETE) return false;
  return !(
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x61c ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0xad
  );
}

// 0 = not computed yet, 1 = word unit, 2 = not. Filled lazily: a page touches few distinct code units,
// and testing all 64K code points with a Unicode regex up front would delay the first match.
const WORD = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{M}\p{Nd}]/u;

function computeWord(c: number): boolean {
  const yes =
    (c >= 0xd800 && c <= 0xdfff) || // surrogates: astral letters must not split; accepted for symbols too
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x61c ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0xad ||
    WORD_RE.test(String.fromCharCode(c));
  WORD[c] = yes ? 1 : 2;
  return yes;
}

/** Whether a UTF-16 unit belongs to a token: \p{L}\p{M}\p{Nd}, the in-word format chars, surrogates. */
export function isWordUnit(c: number): boolean {
  const v = WORD[c];
  return v === 0 ? computeWord(c) : v === 1;
}

/** A text normalized and cut into tokens in one pass: normalize(text), tokenize of its result, and
 *  each token's hashes (engine/text/token-hash.ts). */
export interface NormalizedTokens {
  text: string;
  /** Offsets in the input, as shift pairs: sourceOffset(shifts, i) is normalize(text).map[i]. */
  shifts: Int32Array;
  /** Token offsets in `text` (the normalized text): maximal runs of word units, as tokenize finds them. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** suffixHash of each token. */
  hashes: Uint16Array;
  /** longSuffixHash of each token. */
  longHashes: Uint16Array;
  /** tokenHash of each token (engine/text/token-hash.ts). */
  ids: Int32Array;
}

/**
 * normalize, tokenize and the tokens' hashes, the tokens read off the normalized units before they
 * become a string: the page's path (it runs over every character of a page). The same results as
 * the separate functions, which stay for catalog strings; tests/unit/normalize.test.ts holds them
 * equal. Two small loops, not one fused one: a large function is optimized later (V8 compiles it
 * for longer), and a page's first hundred thousand characters ran unoptimized.
 */
export function normalizeTokens(text: string): NormalizedTokens {
  const { out, length, changed } = normalizeUnits(text, false);
  const shifts = pairs.slice(0, pairInts);
  const tokens = tokenizeUnits(out, length);
  return { text: changed ? decode(out, length) : text, shifts, ...tokens };
}

// The tokenizer's output is written here first (grown as needed) and copied out at its exact size,
// into one buffer: a page's chunks were each given four arrays sized for the most tokens a text of
// its length could hold (more than half again what they held), all new memory.
let tokenStarts = new Int32Array(0x400);
let tokenEnds = new Int32Array(0x400);
let tokenHashes = new Uint16Array(0x400);
let tokenLongHashes = new Uint16Array(0x400);
let tokenIds = new Int32Array(0x400);

/** tokenize over units[0, n), with each token's suffixHash, longSuffixHash and tokenHash: one flat
 *  loop that only classifies units, the hashes made once per token at its end. */
function tokenizeUnits(units: Uint16Array, n: number) {
  const word = WORD;
  let starts = tokenStarts;
  let ends = tokenEnds;
  let hashes = tokenHashes;
  let longHashes = tokenLongHashes;
  let ids = tokenIds;
  let cap = starts.length;
  let count = 0;
  let start = -1;
  // i === n ends the last token as a non-word unit would.
  for (let i = 0; i <= n; i++) {
    if (i < n) {
      const u = units[i];
      let w = word[u];
      if (w === 0) w = computeWord(u) ? 1 : 2;
      if (w === 1) {
        if (start < 0) start = i;
        continue;
      }
    }
    if (start < 0) continue;
    if (count === cap) {
      cap *= 2;
      starts = tokenStarts = grown(starts, new Int32Array(cap));
      ends = tokenEnds = grown(ends, new Int32Array(cap));
      hashes = tokenHashes = grown(hashes, new Uint16Array(cap));
      longHashes = tokenLongHashes = grown(longHashes, new Uint16Array(cap));
      ids = tokenIds = grown(ids, new Int32Array(cap));
    }
    // suffixHash, longSuffixHash and tokenHash (engine/text/token-hash.ts) written out over the
    // units, the suffixes' steps unrolled: the hashes cost as much as the rest of the tokenizer in
    // a page's cold code, 1.4 ms less so on the 1 MB bench page (Chromium); the unit tests hold
    // them equal.
    const length = i - start;
    const mix =
      length >= 3
        ? Math.imul(
            Math.imul(Math.imul(3 ^ units[i - 3], SUFFIX_STEP) ^ units[i - 2], SUFFIX_STEP) ^ units[i - 1],
            SUFFIX_STEP,
          )
        : length === 2
          ? Math.imul(Math.imul(2 ^ units[i - 2], SUFFIX_STEP) ^ units[i - 1], SUFFIX_STEP)
          : Math.imul(1 ^ units[i - 1], SUFFIX_STEP);
    starts[count] = start;
    ends[count] = i;
    const short = (mix ^ (mix >>> FILTER_BITS)) & FILTER_MASK;
    hashes[count] = short;
    if (length >= 4) {
      const long = Math.imul(
        Math.imul(
          Math.imul(Math.imul(4 ^ units[i - 4], SUFFIX_STEP) ^ units[i - 3], SUFFIX_STEP) ^ units[i - 2],
          SUFFIX_STEP,
        ) ^ units[i - 1],
        SUFFIX_STEP,
      );
      longHashes[count] = (long ^ (long >>> FILTER_BITS)) & FILTER_MASK;
    } else longHashes[count] = short;
    const id = Math.imul(mix ^ (length << 16) ^ units[start], ID_STEP);
    ids[count++] = Math.imul(id ^ (length > 1 ? units[start + 1] : 0) ^ (units[start + (length >> 1)] << 16), ID_STEP);
    start = -1;
  }
  // Int32 arrays first, then the Uint16 ones: every view starts on a multiple of its element size.
  const buffer = new ArrayBuffer(count * 16);
  const copy = <T extends Int32Array | Uint16Array>(to: T, from: T) => {
    to.set(from.subarray(0, count));
    return to;
  };
  return {
    starts: copy(new Int32Array(buffer, 0, count), starts),
    ends: copy(new Int32Array(buffer, count * 4, count), ends),
    count,
    hashes: copy(new Uint16Array(buffer, count * 12, count), hashes),
    longHashes: copy(new Uint16Array(buffer, count * 14, count), longHashes),
    ids: copy(new Int32Array(buffer, count * 8, count), ids),
  };
}

function grown<T extends Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
