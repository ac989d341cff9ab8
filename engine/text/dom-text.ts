// The text of a page as Hashiya reads it: visible body text, joined across inline elements so a
// name split by <b> tags is one string, with a newline between blocks so names never join across
// paragraphs. The same walk runs in the content script and in `npm run annotate` (happy-dom), so
// both see the same text and the same offsets. Reads the DOM only; never writes to it.
import { HEAVY_STEP, type Pause } from './pause';

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the joined text. */
  start: number;
}

export interface PageText {
  text: string;
  segments: TextSegment[];
}

// Element names are compared as `localName` (lower case for HTML, SVG and MathML elements alike):
// one Set lookup per element, no upper-cased copy of every tag name.
const lower = (names: string[]) => new Set(names.map((n) => n.toLowerCase()));

// Never ours to read: code, the page's own controls and editors, embedded documents.
const SKIP = lower([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'DATALIST',
  'OUTPUT',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SVG',
  'MATH',
]);

// Tags that start a new line of text: a name never continues across them.
const BLOCK = lower([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
  'BODY',
  'HTML',
  'IMG',
]);

const ELEMENT = 1;
const TEXT = 3;

/** True for elements whose subtree Hashiya must not read or mark. */
export function isSkipped(el: Element): boolean {
  if (SKIP.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.localName);
}

/**
 * Collects the readable text under `root`. `exclude` is an element (our own UI host) whose subtree
 * is skipped, and so is every element `skip` returns true for. Iterative, so deeply nested pages cannot overflow the stack.
 */
export function collectText(root: Node, exclude?: Element | null, skip?: SkipFn): PageText {
  const walk = walkText(root, exclude, skip);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

/** Elements left out beyond what dom-text always skips: outside the article (engine/text/article-scope.ts). */
export type SkipFn = (el: Element) => boolean;

/** Nodes visited between two pauses of walkText (a step of 512 cold nodes took up to 8 ms on real pages). */
export const WALK_STEP = 128;

/**
 * collectText as a generator that pauses every WALK_STEP nodes, so a caller on the main thread can
 * give the page its turn on huge documents (the walk itself never writes to the DOM). The caller
 * must not let the page mutate the DOM between pauses go unnoticed: page/marks/session.ts observes first.
 */
export function* walkText(root: Node, exclude?: Element | null, skip?: SkipFn): Generator<Pause, PageText, void> {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let lastNewline = true;
  let visited = 0;

  const newline = () => {
    if (!lastNewline) {
      parts.push('\n');
      length += 1;
      lastNewline = true;
    }
  };

  // Explicit stack of [node, leaving?] so blocks can add a newline on exit too.
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length) {
    if (++visited % WALK_STEP === 0) yield;
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      segments.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
      lastNewline = data.charCodeAt(data.length - 1) === 10;
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) {
      if (node.nodeType !== 9 && node.nodeType !== 11) continue;
    }
    const el = node as Element;
    if (node.nodeType === ELEMENT) {
      if (leaving) {
        newline();
        continue;
      }
      if (el === exclude || isSkipped(el) || skip?.(el)) continue;
      if (isBlock(el)) {
        newline();
        stack.push([node, true]);
      }
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
  yield HEAVY_STEP; // one copy of all the text, a large string made at once
  return { text: parts.join(''), segments };
}

/** Index of the segment that holds joined-text offset `offset` (binary search). */
export function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where joined-text offsets [start, end) lie in the text nodes: node and offset at each end. */
export interface TextBounds {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export function boundsFor(segments: TextSegment[], start: number, end: number): TextBounds | null {
  if (!segments.length || end <= start) return null;
  const a = segments[segmentAt(segments, start)];
  const b = segments[segmentAt(segments, end - 1)];
  return { startNode: a.node, startOffset: start - a.start, endNode: b.node, endOffset: end - b.start };
}

/** A DOM range over `bounds`, kept inside its nodes (their text may have shrunk since). */
export function rangeOver(bounds: TextBounds): Range {
  const { startNode, startOffset, endNode, endOffset } = bounds;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, Math.min(startOffset, startNode.length));
  range.setEnd(endNode, Math.min(endOffset, endNode.length));
  return range;
}

/** The DOM range for joined-text offsets [start, end). */
export function rangeFor(segments: TextSegment[], start: number, end: number): Range | null {
  const bounds = boundsFor(segments, start, end);
  return bounds && rangeOver(bounds);
}
