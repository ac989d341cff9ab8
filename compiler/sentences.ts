// Sentence spans of an article, for the "what the corpus says" line of a hover card. A sentence
// ends at . ! ? ؟ … or a line break, unless the stop sits inside quotation marks or between
// digits (3.5). Offsets are UTF-16 offsets into the article text.
const STOPS = new Set(['.', '!', '?', '؟', '…', '\n']);
const OPEN = new Set(['"', '“', '«', '(']);
const CLOSE = new Set(['"', '”', '»', ')']);

export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s])) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push([s, e]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (ch === '\n') {
      depth = 0;
      push(i);
      continue;
    }
    if (!STOPS.has(ch) || depth > 0) continue;
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    let end = i + 1;
    while (end < text.length && (CLOSE.has(text[end]) || STOPS.has(text[end])) && text[end] !== '\n') end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

/**
 * The sentence of a mention [start, end): the span holding its start through the span holding its
 * end. Usually one span; a name with a full stop inside (U.S., St. Petersburg) straddles two, and
 * its sentence is both rather than none.
 */
export function sentenceAround(spans: [number, number][], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][1] > start) hi = mid;
    else lo = mid + 1;
  }
  let last = lo;
  while (last + 1 < spans.length && spans[last + 1][0] < end) last++;
  return [Math.min(spans[lo][0], start), Math.max(spans[last][1], end)];
}
