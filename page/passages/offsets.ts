// Between the reader's selection (a DOM Range) and the joined page text that passage selectors are
// written against (engine/text/dom-text.ts `collectText`): Range → [start, end) offsets, and the test for
// "is this selection in the page's readable text". Reads the DOM only.
import { isSkipped, type PageText, type TextSegment } from '../../engine/text/dom-text';
import { pageUrl } from '../../notes/model';

export interface TextOffsets {
  start: number;
  end: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === 0x200b;

function segmentIndex(segments: TextSegment[]): Map<Text, TextSegment> {
  const map = new Map<Text, TextSegment>();
  for (const s of segments) map.set(s.node, s);
  return map;
}

/** -1 / 0 / 1: where DOM point (node, offset) lies relative to the boundary point `probe` (collapsed). */
function compare(probe: Range, node: Node, offset: number): number {
  try {
    return probe.comparePoint(node, offset);
  } catch {
    return 1; // another document or a detached node: never "before"
  }
}

/**
 * Joined-text offset of a range boundary point. A point inside a collected text node maps directly;
 * any other point (between elements, inside skipped text) maps to the nearest collected text in the
 * given direction: forward for a start, backward for an end.
 */
export function offsetOf(
  page: PageText,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
  index = segmentIndex(page.segments),
): number {
  const seg = node.nodeType === 3 ? index.get(node as Text) : undefined;
  if (seg) return seg.start + Math.min(Math.max(offset, 0), seg.node.data.length);
  const doc = node.ownerDocument ?? document;
  const probe = doc.createRange();
  probe.setStart(node, offset);
  probe.collapse(true);
  const { segments } = page;
  if (edge === 'start') {
    // First segment that begins at or after the point.
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(probe, segments[mid].node, 0) >= 0) hi = mid;
      else lo = mid + 1;
    }
    return lo < segments.length ? segments[lo].start : page.text.length;
  }
  // Last segment that ends at or before the point.
  let lo = -1;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segments[mid];
    if (compare(probe, s.node, s.node.data.length) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 0 ? segments[lo].start + segments[lo].node.data.length : 0;
}

/**
 * The selection's [start, end) in the joined page text, trimmed of surrounding white space (a
 * triple-click selects the paragraph's line break too). Null when nothing readable is selected.
 */
export function offsetsOfRange(page: PageText, range: Range): TextOffsets | null {
  if (range.collapsed || !page.segments.length) return null;
  const index = segmentIndex(page.segments);
  let start = offsetOf(page, range.startContainer, range.startOffset, 'start', index);
  let end = offsetOf(page, range.endContainer, range.endOffset, 'end', index);
  while (start < end && isSpace(page.text.charCodeAt(start))) start++;
  while (end > start && isSpace(page.text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

const EDITABLE = 'input,textarea,select,[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** True when `node` is readable page text under `root`: not in a control, an editor or skipped markup. */
export function isReadable(node: Node, root: Element): boolean {
  if (!root.contains(node)) return false;
  for (let el = elementOf(node); el && el !== root; el = el.parentElement) {
    if (isSkipped(el)) return false;
  }
  return true;
}

/**
 * The page selection's range when it is a non-collapsed selection of readable text under `root`, not
 * inside our own UI (`ours`) nor in a form control or editor; otherwise null. Cheap: no text walk.
 */
export function readableSelection(doc: Document, root: Element, ours: (n: Node | null) => boolean): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  if (ours(sel.anchorNode) || ours(sel.focusNode)) return null;
  const active = doc.activeElement;
  if (active && active !== doc.body && (ours(active) || active.closest(EDITABLE))) return null;
  const range = sel.getRangeAt(0);
  if (range.collapsed || !sel.toString().trim()) return null;
  if (!isReadable(range.startContainer, root) || !isReadable(range.endContainer, root)) return null;
  return range;
}

/**
 * The URL a passage note is stored under: the page's canonical URL when it is an absolute http(s)
 * URL, else the page's own. The background only accepts a passage note whose target is the sending
 * page itself (background/notes-handlers.ts `assertMayTouch`) and lists a page's notes by the URL the
 * content script reports, so a canonical that names another URL (tracking parameters, AMP, an
 * alias) is not used: a note stored under it could neither be saved nor found again from here.
 */
export function passageUrl(canonical: string | null, href: string): string {
  // The canonical link names the article however it was reached (tracking parameters, AMP, mobile
  // paths); it is trusted only on the page's own origin, which is all the background accepts.
  if (canonical) {
    try {
      const c = new URL(canonical, href);
      if ((c.protocol === 'http:' || c.protocol === 'https:') && c.origin === new URL(href).origin)
        return pageUrl(c.href);
    } catch {
      // malformed: not usable
    }
  }
  return href;
}
