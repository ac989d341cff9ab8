// A page's joined text cut into slices small enough to match within a few milliseconds (~4 k
// characters: about 2 ms of matching on a slow machine, marks included). Cuts fall
// on block boundaries (the newlines collectText puts between blocks), where no name can continue;
// a single block longer than the limit is cut at a sentence stop or, failing that, a space.
export interface Chunk {
  start: number;
  end: number;
}

export const CHUNK_CHARS = 4_000;

export function chunkText(text: string, limit = CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= limit) {
      chunks.push({ start, end: text.length });
      break;
    }
    const hardEnd = start + limit;
    let cut = text.lastIndexOf('\n', hardEnd);
    if (cut <= start) cut = lastStop(text, start, hardEnd);
    if (cut <= start) cut = text.lastIndexOf(' ', hardEnd);
    if (cut <= start) cut = hardEnd;
    chunks.push({ start, end: cut });
    start = cut;
  }
  return chunks;
}

function lastStop(text: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) {
    const c = text[i];
    if (c === '.' || c === '؟' || c === '?' || c === '!') return i + 1;
  }
  return -1;
}

/** Visible-first order: the chunk holding `focus` first, then outwards, nearest first. */
export function orderFrom(count: number, focus: number): number[] {
  const order: number[] = [];
  const f = Math.min(Math.max(focus, 0), Math.max(count - 1, 0));
  for (let d = 0; order.length < count; d++) {
    if (f + d < count) order.push(f + d);
    if (d > 0 && f - d >= 0) order.push(f - d);
  }
  return order;
}
