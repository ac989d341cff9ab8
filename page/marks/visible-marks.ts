// Which mentions are registered as highlights: only those near the viewport. Design note:
// Chromium rebuilds its markers for every range of every registered highlight on each frame after
// any change to a highlight or to the DOM (measured in Chromium 156, 2-core machine: ~11 µs per
// range, so 6,000 ranges make every frame in which the page mutates 70 ms longer, and marking a
// 1 MB page produced frames of 50–80 ms of rendering). So each mention's block element is watched
// by an IntersectionObserver with a margin of one viewport above and below (no layout forced by us:
// the browser reports intersections after its own layout), and a mention's range is registered
// while its block is near the viewport. What the reader can see is marked; the rest costs nothing
// per frame. An element without a box of its own (display: contents, or inside display: none)
// never intersects: its mentions move to the nearest block above it, so text laid out by a
// box-less wrapper is still marked when seen.
import { isBlock } from '../../engine/text/dom-text';
import type { Highlights, MarkGroup } from './highlights';
import type { PageMention } from '../types';
import { SLICE_MS, yieldToPage } from './yield';

interface Tracked {
  block: Element;
  group: MarkGroup | null;
}

const MARGIN = '100% 50% 100% 50%';

export class VisibleMarks {
  private tracked = new Map<PageMention, Tracked>();
  private byBlock = new Map<Element, Set<PageMention>>();
  private near = new Set<Element>();
  /** Box-less blocks → the block above them that is watched instead. */
  private moved = new WeakMap<Element, Element>();
  /** Element holding a mention's start → its block (a paragraph holds many mentions). */
  private blocks = new WeakMap<Element, Element | null>();
  private observer: IntersectionObserver | null;
  /** Reports not yet applied, oldest first, from `head` on (see onIntersect). */
  private queue: IntersectionObserverEntry[] = [];
  private head = 0;
  private draining = false;

  constructor(private highlights: Highlights) {
    // Without IntersectionObserver (never in the supported browsers) every block counts as near.
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN })
        : null;
  }

  /** Tracks `m`, painted in `group` (null: not painted) whenever its block is near the viewport.
   *  `start`: the node it starts in, when the caller knows it (asking its range may make one). */
  show(m: PageMention, group: MarkGroup | null, start: Node = m.range.startContainer): void {
    let block = this.blockOf(start);
    for (let up = block && this.moved.get(block); up; up = this.moved.get(up)) block = up;
    if (!block) return;
    this.tracked.set(m, { block, group });
    let list = this.byBlock.get(block);
    if (!list) {
      this.byBlock.set(block, (list = new Set()));
      if (this.observer) this.observer.observe(block);
      else this.near.add(block);
    }
    list.add(m);
    if (group && this.near.has(block)) this.highlights.add(group, m.range);
  }

  hide(m: PageMention): void {
    const t = this.tracked.get(m);
    if (!t) return;
    this.tracked.delete(m);
    if (t.group && this.near.has(t.block)) this.highlights.delete(t.group, m.range);
    const list = this.byBlock.get(t.block);
    list?.delete(m);
    if (list && !list.size) {
      this.byBlock.delete(t.block);
      this.near.delete(t.block);
      this.observer?.unobserve(t.block);
    }
  }

  /** Paints every tracked mention in the group `groupOf` gives it now. */
  regroup(groupOf: (m: PageMention) => MarkGroup | null): void {
    for (const [m, t] of this.tracked) {
      const group = groupOf(m);
      if (group === t.group) continue;
      if (this.near.has(t.block)) {
        if (t.group) this.highlights.delete(t.group, m.range);
        if (group) this.highlights.add(group, m.range);
      }
      t.group = group;
    }
  }

  clear(): void {
    this.observer?.disconnect();
    this.queue = [];
    this.head = 0;
    this.highlights.clear();
    this.tracked.clear();
    this.byBlock.clear();
    this.near.clear();
  }

  // The first report after a long page is marked names every watched block at once (1,369 on the
  // 1 MB bench page: up to 8 ms in one callback on a 2-core machine). Reports are applied in order,
  // in slices of SLICE_MS with a yield between them, so no callback of ours is a long task; a later
  // report for a block is applied after the earlier one, so the last word stands.
  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) this.queue.push(entry);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      let sliceStart = performance.now();
      while (this.head < this.queue.length) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
          continue; // clear() may have emptied the queue meanwhile
        }
        this.apply(this.queue[this.head++]);
      }
    } finally {
      // Also after a throw: the next report starts a new drain rather than waiting on this one.
      this.queue = [];
      this.head = 0;
      this.draining = false;
    }
  }

  private apply(entry: IntersectionObserverEntry): void {
    const { target, isIntersecting } = entry;
    const list = this.byBlock.get(target);
    if (!list) return;
    if (!isIntersecting) {
      const box = entry.boundingClientRect; // made on demand: asked only of blocks that left
      if (!box.width && !box.height && !box.top && !box.left) {
        this.moveUp(target, list);
        return;
      }
    }
    if (isIntersecting === this.near.has(target)) return;
    if (isIntersecting) this.near.add(target);
    else this.near.delete(target);
    for (const m of list) {
      const group = this.tracked.get(m)?.group;
      if (!group) continue;
      if (isIntersecting) this.highlights.add(group, m.range);
      else this.highlights.delete(group, m.range);
    }
  }

  private moveUp(block: Element, list: Set<PageMention>): void {
    const above = block.parentElement && this.blockOf(block.parentElement);
    if (!above) return;
    this.moved.set(block, above);
    const mentions = [...list].map((m) => [m, this.tracked.get(m)?.group ?? null] as const);
    for (const [m] of mentions) this.hide(m);
    for (const [m, group] of mentions) this.show(m, group, block); // its block is now `above`
  }

  /** The nearest block element at or above `node`: what the observer watches. */
  private blockOf(node: Node): Element | null {
    const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!start) return null;
    let block = this.blocks.get(start);
    if (block === undefined) {
      let el: Element | null = start;
      while (el && !isBlock(el)) el = el.parentElement;
      this.blocks.set(start, (block = el ?? start));
    }
    return block;
  }
}
