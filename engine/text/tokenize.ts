// Tokens of normalized text: maximal runs of word units (\p{L}\p{M}\p{Nd}, surrogates). Offsets only,
// no substrings, so a 1 MB page costs two typed arrays rather than a few hundred thousand strings.
import { isWordUnit } from './normalize';

export interface Tokens {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

export function tokenize(norm: string): Tokens {
  // A local binding: bundlers and test runners may turn imports into getter lookups per call.
  const isWord = isWordUnit;
  const n = norm.length;
  let cap = 256;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWord(norm.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && isWord(norm.charCodeAt(i))) i++;
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    starts[count] = s;
    ends[count++] = i;
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), count };
}

/** Token strings, for catalog strings at build time (pages go through offsets). */
export function tokenStrings(norm: string): string[] {
  const { starts, ends, count } = tokenize(norm);
  const out: string[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = norm.slice(starts[k], ends[k]);
  return out;
}
