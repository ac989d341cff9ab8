// Hashes of a normalized token, computed where the token is made (engine/text/normalize.ts
// normalizeTokens) so that no later pass reads its units again.

/** Bits of the suffix hashes: the size of the matcher's and the page's key filter for keys of four
 *  units or more. */
export const FILTER_BITS = 16;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
/** Bits of the filter for keys of three units or fewer: a catalog has a few hundred at most. */
export const SHORT_FILTER_BITS = 12;
export const SHORT_FILTER_MASK = (1 << SHORT_FILTER_BITS) - 1;
/** Multipliers of the suffix hash and of tokenHash (int32, as Math.imul returns). */
export const SUFFIX_STEP = 0x9e3779b1 | 0;
export const ID_STEP = 0x01000193;

// Every clitic reading of a token is a suffix of it (stripped stems keep ≥ 3 units; ل + rest is the
// suffix after the first ل), so a hash of the last ≤ 3 units rejects most page tokens before any
// substring is made or any Map is consulted.
export function suffixHash(s: string, start: number, end: number): number {
  const h = suffixMix(s, start, end);
  return (h ^ (h >>> FILTER_BITS)) & FILTER_MASK;
}

/**
 * The hash of a token's last four units (of all of them, when it has fewer: then suffixHash). A key
 * of four units or more that a token yields ends in the token's last four units, so a filter of
 * these over the catalog's long first words, with suffixHash's filter over its short ones, lets
 * far fewer page tokens through than one filter of three-unit suffixes (Arabic words share their
 * last three letters often): on the 1 MB bench page with 10,000 aliases, 18,500 of 86,600 tokens
 * against 36,700.
 */
export function longSuffixHash(s: string, start: number, end: number): number {
  if (end - start < 4) return suffixHash(s, start, end);
  let h = 4;
  for (let k = end - 4; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), SUFFIX_STEP);
  return (h ^ (h >>> FILTER_BITS)) & FILTER_MASK;
}

/** The suffix hash before folding to FILTER_BITS: 32 bits, the seed of tokenHash. */
function suffixMix(s: string, start: number, end: number): number {
  let h = end - start >= 3 ? 3 : end - start;
  for (let k = Math.max(start, end - 3); k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), SUFFIX_STEP);
  return h;
}

/**
 * The page vocabulary's identity hash of a token (engine/match/alias-lookup.ts): its 32-bit suffix
 * mix with its length and its first, second and middle units. Not a hash of every unit: stepping
 * a hash once per unit of a 1 MB page was a third of the tokenizer's time in a page's cold code
 * (Chromium, bench ar-1m). Tokens that share all of these collide; the vocabulary compares a
 * hit's text, so a collision costs a probe, never a wrong token. normalizeTokens computes the
 * same from the units it tokenizes (engine/text/normalize.ts); this one is for tests and tools.
 */
export function tokenHash(s: string, start: number, end: number): number {
  const length = end - start;
  const h = Math.imul(suffixMix(s, start, end) ^ (length << 16) ^ s.charCodeAt(start), ID_STEP);
  const second = length > 1 ? s.charCodeAt(start + 1) : 0;
  return Math.imul(h ^ second ^ (s.charCodeAt(start + (length >> 1)) << 16), ID_STEP);
}
