// Hashes of a normalized token, computed where the token is made (engine/text/normalize.ts
// normalizeTokens) so that no later pass reads its units again.

/** Bits of the suffix hash: the size of the matcher's and the page's key filters. */
export const FILTER_BITS = 16;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

// Every clitic reading of a token is a suffix of it (stripped stems keep ≥ 3 units; ل + rest is the
// suffix after the first ل), so a hash of the last ≤ 3 units rejects most page tokens before any
// substring is made or any Map is consulted.
export function suffixHash(s: string, start: number, end: number): number {
  let h = end - start >= 3 ? 3 : end - start;
  for (let k = Math.max(start, end - 3); k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x9e3779b1) >>> 0;
  return (h ^ (h >>> FILTER_BITS)) & FILTER_MASK;
}

/** suffixHash of units[start, end). */
export function suffixHashOf(units: Uint16Array, start: number, end: number): number {
  let h = end - start >= 3 ? 3 : end - start;
  for (let k = Math.max(start, end - 3); k < end; k++) h = Math.imul(h ^ units[k], 0x9e3779b1) >>> 0;
  return (h ^ (h >>> FILTER_BITS)) & FILTER_MASK;
}

/** FNV-1a over a token's units, started with TOKEN_HASH_SEED and stepped once per unit: the
 *  page vocabulary's identity hash of a token (engine/match/alias-lookup.ts). */
export const TOKEN_HASH_SEED = 0x811c9dc5;
export const tokenHashStep = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);

export function tokenHash(s: string, start: number, end: number): number {
  let h = TOKEN_HASH_SEED;
  for (let k = start; k < end; k++) h = tokenHashStep(h, s.charCodeAt(k));
  return h;
}
