import type { VirtualElement } from '@floating-ui/dom';

// Floating UI references for page ranges (components/card/Floating.tsx places against them). They
// measure the range at each placement, so a card follows its text when the page scrolls or reflows.

export interface Point {
  x: number;
  y: number;
}

const contextOf = (range: Range): Element | undefined => {
  const ctx = range.commonAncestorContainer;
  // Lets autoUpdate find the scroll containers the range is in.
  return (ctx.nodeType === 1 ? (ctx as Element) : ctx.parentElement) ?? undefined;
};

/**
 * The reference of a card: a name or passage wrapped over two lines has two client rects; the card
 * anchors to the line the pointer was on (else the first line), not to the box around both.
 */
export function anchorFor(range: Range, at: Point | null): VirtualElement {
  const rects = () => Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const initial = rects();
  const found = at
    ? initial.findIndex((r) => at.x >= r.left && at.x <= r.right && at.y >= r.top && at.y <= r.bottom)
    : -1;
  const line = Math.max(0, found);
  return {
    getBoundingClientRect() {
      const rs = rects();
      return rs[line] ?? rs[0] ?? range.getBoundingClientRect();
    },
    getClientRects: rects,
    contextElement: contextOf(range),
  };
}

/**
 * The reference at the end of a selection: a zero-width rect at the end edge of its last line
 * (right in left-to-right text, left in right-to-left text).
 */
export function endAnchor(range: Range): VirtualElement {
  const endEl = range.endContainer.nodeType === 1 ? (range.endContainer as Element) : range.endContainer.parentElement;
  const rtl = !!endEl && getComputedStyle(endEl).direction === 'rtl';
  const rect = () => {
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const x = rtl ? last.left : last.right;
    return { x, y: last.top, left: x, right: x, top: last.top, bottom: last.bottom, width: 0, height: last.height };
  };
  return { getBoundingClientRect: rect, getClientRects: () => [rect()], contextElement: contextOf(range) };
}

/** True when (x, y) is on one of the range's line boxes (1 px of slack). */
export function onRange(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}
