// The mentions of one page in document order, and for each text node the mentions that touch it
// (with the part of the node each covers), so a caret position finds its mention without walking
// the list. Adding a mention touches only the segments it spans; removing a set of mentions touches
// only their nodes: neither walks the whole page, which can hold thousands of mentions.
import { segmentAt, type TextSegment } from '../engine/dom-text';
import type { PageMention } from './types';

export interface Located {
  mention: PageMention;
  /** Offsets of the mention within this text node. */
  start: number;
  end: number;
}

export class MentionIndex {
  list: PageMention[] = [];
  private byNode = new Map<Text, Located[]>();
  private nodesOf = new Map<PageMention, Text[]>();

  /** Adds `m`, which covers joined-text offsets [start, end) of `segments` (sorted, as collected). */
  add(m: PageMention, segments: TextSegment[], start: number, end: number): void {
    this.list.push(m);
    const nodes: Text[] = [];
    for (let i = segmentAt(segments, start); i < segments.length && segments[i].start < end; i++) {
      const { node, start: at } = segments[i];
      const length = node.data.length;
      if (at + length <= start) continue;
      let located = this.byNode.get(node);
      if (!located) this.byNode.set(node, (located = []));
      located.push({ mention: m, start: Math.max(start - at, 0), end: Math.min(end - at, length) });
      nodes.push(node);
    }
    this.nodesOf.set(m, nodes);
  }

  remove(gone: ReadonlySet<PageMention>): void {
    if (!gone.size) return;
    this.list = this.list.filter((m) => !gone.has(m));
    for (const m of gone) {
      for (const node of this.nodesOf.get(m) ?? []) {
        const rest = this.byNode.get(node)?.filter((l) => l.mention !== m);
        if (rest?.length) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
      this.nodesOf.delete(m);
    }
  }

  /** The mentions touching text node `node`, with their offsets in it. */
  inNode(node: Text): readonly Located[] {
    return this.byNode.get(node) ?? [];
  }

  sort(): void {
    this.list.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  clear(): void {
    this.list = [];
    this.byNode.clear();
    this.nodesOf.clear();
  }
}
