// What a rescan covers after the page changed: the nearest blocks around the changed nodes, and
// whether such a block is ours to mark at all.
import { isBlock, isSkipped, type SkipFn } from '../../engine/text/dom-text';

/** The nearest block ancestors of changed nodes under `root`, without nesting (an outer block covers inner ones). */
export function blocksOf(root: Element, nodes: Node[]): Element[] {
  const found = new Set<Element>();
  for (const n of nodes) {
    if (!n.isConnected || !root.contains(n)) continue;
    let el: Element | null = n.nodeType === 1 ? (n as Element) : n.parentElement;
    while (el && el !== root && !isBlock(el)) el = el.parentElement;
    found.add(el ?? root);
  }
  return [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
}

/** A block inside an editor, a form control, hidden content or a skipped part of the page. */
export function insideSkipped(el: Element, root: Element, skip?: SkipFn): boolean {
  const skipped = (a: Element) => isSkipped(a) || !!skip?.(a);
  for (let a = el.parentElement; a && a !== root; a = a.parentElement) if (skipped(a)) return true;
  return el !== root && skipped(el);
}
