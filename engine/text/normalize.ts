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
let scratch: Uint16Array = new Uint16Array(0x1000);
// The dense offset map of the last normalize() (null on the page path), grown with `scratch`.
let denseMap: Int32Array | null = null;
// Whether the last normalization changed anything (else the input is the output).
let lastChanged = false;

// Where the output parts from the input, written as the units are: pairs (output offset, shift),
// output offsets ascending; output unit i came from input unit i + the shift of the last pair at
// or before i (no pair before it: the same offset). Only deletions and expansions make a pair, so
// a page's chunk holds a handful where a dense map held a number per unit. On the page path
// (normalizeTokens) that map was a fresh array per chunk: with the token arrays below, about a
// quarter of the new memory the bench's renderer took for a 1 MB page, and new memory is not free
// (on the bench machine, ~11 µs per 4 KB page). normalize() still gives the dense map.
let pairs: Int32Array = new Int32Array(64);
let pairInts = 0;

function shiftFrom(at: number, shift: number): void {
  if (pairInts > 0 && pairs[pairInts - 2] === at) {
    pairs[pairInts - 1] = shift;
    return;
  }
  if (pairInts + 2 > pairs.length) growPairs();
  pairs[pairInts++] = at;
  pairs[pairInts++] = shift;
}

function growPairs(): void {
  const grown = new Int32Array(pairs.length * 2);
  grown.set(pairs);
  pairs = grown;
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

/** Normalizes `text` into `scratch`, returning the output's length, with its shift pairs in
 *  `pairs[0, pairInts)`, `lastChanged`, and, when `dense`, its offset map in `denseMap` (all valid
 *  until the next call). The loop's results are module state, not a returned object, and the rare
 *  paths (expansions, growth) are functions of their own: V8 compiled this loop on stack
 *  replacement before its end had ever run, and the object literal there then deoptimized that
 *  code at the end of every later call (hundreds of times per load of the 1 MB bench page). */
function normalizeUnits(text: string, dense: boolean): number {
  const { kind, repl } = getTables();
  const n = text.length;
  if (scratch.length < n + 16) scratch = new Uint16Array(n + 16);
  let out = scratch;
  let map: Int32Array | null = (denseMap = dense ? new Int32Array(n + 17) : null);
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
      j = expand(c, i, j);
      out = scratch;
      map = denseMap;
      shift = i + 1 - j;
      changed = true;
    }
  }
  if (map !== null) map[j] = n;
  lastChanged = changed;
  return j;
}

/** Writes the expansion of input unit `c` (at input offset `i`) at output offset `j`, growing the
 *  buffers geometrically (a page of ligatures stays linear); returns the next output offset. */
function expand(c: number, i: number, j: number): number {
  const e = getTables().expansion.get(c)!;
  const need = j + e.length + 1;
  if (need > scratch.length) {
    const grown = new Uint16Array(Math.max(scratch.length * 2, need + 16));
    grown.set(scratch.subarray(0, j));
    scratch = grown;
  }
  if (denseMap !== null && need >= denseMap.length) {
    const grown = new Int32Array(Math.max(denseMap.length * 2, need + 16));
    grown.set(denseMap.subarray(0, j));
    denseMap = grown;
  }
  // Every unit of the expansion came from input unit i; the next output comes from i + 1.
  for (let x = 0; x < e.length; x++) {
    if (denseMap !== null) denseMap[j] = i;
    scratch[j] = e.charCodeAt(x);
    shiftFrom(j, i - j);
    j++;
  }
  shiftFrom(j, i + 1 - j);
  return j;
}

export function normalize(text: string): Normalized {
  const length = normalizeUnits(text, true);
  const map = denseMap!.subarray(0, length + 1);
  denseMap = null; // the caller's now: a 1 MB text's map is 2 MB, not to be kept alive here
  return { text: lastChanged ? decode(scratch, length) : text, map };
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
  const length = normalizeUnits(text, false);
  const shifts = pairs.slice(0, pairInts);
  const tokens = tokenizeUnits(scratch, length);
  return { text: lastChanged ? decode(scratch, length) : text, shifts, ...tokens };
}

// The tokenizer's output is written here first, TOKEN_INTS numbers a token (start, end, both
// filter hashes packed, tokenHash), and copied out at its exact size into one buffer: a page's
// chunks were each given four arrays sized for the most tokens a text of its length could hold,
// all new memory. One scratch array, not five, and the growth and the copy in functions of their
// own: V8's optimizing compiler (Turbofan, on a background thread) took ~37 ms to compile the loop
// over five arrays that each could be replaced mid-loop, ~18 this way (Chromium 150, measured
// alone); on the bench machine's two cores that compile competes with the page for the CPU.
const TOKEN_INTS = 4;
let tokenScratch: Int32Array = new Int32Array(0x400 * TOKEN_INTS);

function growTokenScratch(): Int32Array {
  const grown = new Int32Array(tokenScratch.length * 2);
  grown.set(tokenScratch);
  return (tokenScratch = grown);
}

/** tokenize over units[0, n), with each token's suffixHash, longSuffixHash and tokenHash: one flat
 *  loop that only classifies units, the hashes made once per token at its end. */
function tokenizeUnits(units: Uint16Array, n: number) {
  const word = WORD;
  let out = tokenScratch;
  let last = out.length - TOKEN_INTS;
  let o = 0;
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
    if (o > last) {
      out = growTokenScratch();
      last = out.length - TOKEN_INTS;
    }
    // suffixHash, longSuffixHash and tokenHash (engine/text/token-hash.ts) written out over the
    // units, the suffixes' steps unrolled: the hashes cost as much as the rest of the tokenizer in
    // a page's cold code, 1.4 ms less so on the 1 MB bench page (Chromium); the unit tests hold
    // them equal.
    const length = i - start;
    const u1 = units[i - 1];
    const u2 = length >= 2 ? units[i - 2] : 0;
    const u3 = length >= 3 ? units[i - 3] : 0;
    const mix =
      length >= 3
        ? Math.imul(Math.imul(Math.imul(3 ^ u3, SUFFIX_STEP) ^ u2, SUFFIX_STEP) ^ u1, SUFFIX_STEP)
        : length === 2
          ? Math.imul(Math.imul(2 ^ u2, SUFFIX_STEP) ^ u1, SUFFIX_STEP)
          : Math.imul(1 ^ u1, SUFFIX_STEP);
    const short = (mix ^ (mix >>> FILTER_BITS)) & FILTER_MASK;
    let long = short;
    if (length >= 4) {
      const l = Math.imul(
        Math.imul(Math.imul(Math.imul(4 ^ units[i - 4], SUFFIX_STEP) ^ u3, SUFFIX_STEP) ^ u2, SUFFIX_STEP) ^ u1,
        SUFFIX_STEP,
      );
      long = (l ^ (l >>> FILTER_BITS)) & FILTER_MASK;
    }
    const id = Math.imul(mix ^ (length << 16) ^ units[start], ID_STEP);
    out[o] = start;
    out[o + 1] = i;
    out[o + 2] = short | (long << 16);
    out[o + 3] = Math.imul(id ^ (length > 1 ? units[start + 1] : 0) ^ (units[start + (length >> 1)] << 16), ID_STEP);
    o += TOKEN_INTS;
    count++;
    start = -1;
  }
  return unpackTokens(out, count);
}

/** The first `count` tokens of `scratch`, in arrays of their exact size sharing one buffer. */
function unpackTokens(scratch: Int32Array, count: number) {
  // Int32 arrays first, then the Uint16 ones: every view starts on a multiple of its element size.
  const buffer = new ArrayBuffer(count * 16);
  const starts = new Int32Array(buffer, 0, count);
  const ends = new Int32Array(buffer, count * 4, count);
  const ids = new Int32Array(buffer, count * 8, count);
  const hashes = new Uint16Array(buffer, count * 12, count);
  const longHashes = new Uint16Array(buffer, count * 14, count);
  for (let k = 0, o = 0; k < count; k++, o += TOKEN_INTS) {
    starts[k] = scratch[o];
    ends[k] = scratch[o + 1];
    const h = scratch[o + 2];
    hashes[k] = h & FILTER_MASK;
    longHashes[k] = h >>> 16;
    ids[k] = scratch[o + 3];
  }
  return { starts, ends, count, hashes, longHashes, ids };
}
