// W3C Web Annotation selectors for a passage of page text, and `describe`, which makes them.
// Offsets are UTF-16 units into the joined page text of engine/text/dom-text.ts `collectText`, the same
// text the anchoring side searches, so a selector made on one visit can be resolved on the next.

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** https://www.w3.org/TR/annotation-model/#text-position-selector — [start, end) in UTF-16 units. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface PassageSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Context kept on each side of the quote: enough to tell repeated quotes apart, small to store. */
export const CONTEXT_LENGTH = 32;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Selectors for text[start, end). Throws RangeError on an empty or out-of-bounds range. */
export function describe(text: string, start: number, end: number): PassageSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: bad range [${start}, ${end}) for text of length ${text.length}`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair at the context edges: a lone surrogate is not valid text to export.
  if (from > 0 && isLow(text.charCodeAt(from))) from++;
  if (to < text.length && isHigh(text.charCodeAt(to - 1))) to--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, to),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
