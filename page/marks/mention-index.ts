// The mentions of one page in document order, and for each text node the mentions that touch it
// (with the part of the node each covers), so a caret position finds its mention without walking
// the list. Adding a mention touches only the segments it spans; removing a set of mentions touches
// only their nodes: neither walks the whole page, which can hold thousands of mentions. Mentions of
// one scan are ordered by their offsets in its text (numbers), not by comparing DOM positions
// (sorting 5,000 ranges with compareBoundaryPoints took ~20 ms); only a rescan's few mentions are
// placed among the others by DOM position.
import { segmentAt, type TextSegment } from '../../engine/text/dom-text';
import type { PageMention } from '../types';

export interface Located<M extends PageMention = PageMention> {
  mention: M;
  /** Offsets of the mention within this text node. */
  start: number;
  end: number;
}

export class MentionIndex<M extends PageMention = PageMention> {
  /** Committed mentions, in document order. */
  list: M[] = [];
  /** Added since the last commit, with their offsets in the text they were found in. */
  private pending: { m: M; at: number }[] = [];
  private byNode = new Map<Text, Located<M>[]>();
  private nodesOf = new Map<M, Text[]>();

  /** Adds `m`, which covers joined-text offsets [start, end) of `segments` (sorted, as collected). */
  add(m: M, segments: TextSegment[], start: number, end: number): void {
    this.pending.push({ m, at: start });
    const nodes: Text[] = [];
    for (let i = segmentAt(segments, start); i < segments.length && segments[i].start < end; i++) {
      const { node, start: at } = segments[i];
      const length = node.length; // CharacterData.length: no string made, unlike data.length
      if (at + length <= start) continue;
      let located = this.byNode.get(node);
      if (!located) this.byNode.set(node, (located = []));
      located.push({ mention: m, start: Math.max(start - at, 0), end: Math.min(end - at, length) });
      nodes.push(node);
    }
    this.nodesOf.set(m, nodes);
  }

  remove(gone: ReadonlySet<M>): void {
    if (!gone.size) return;
    this.list = this.list.filter((m) => !gone.has(m));
    this.pending = this.pending.filter(({ m }) => !gone.has(m));
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
  inNode(node: Text): readonly Located<M>[] {
    return this.byNode.get(node) ?? [];
  }

  /** Puts the mentions added since the last commit (all from one text) in their document places. */
  commit(): void {
    const added = this.pending.sort((a, b) => a.at - b.at).map(({ m }) => m);
    this.pending = [];
    if (!added.length) return;
    const old = this.list;
    if (!old.length || before(old[old.length - 1], added[0])) {
      this.list = old.concat(added);
      return;
    }
    const merged: M[] = [];
    let i = 0;
    for (const m of added) {
      // Binary search for m's place among the old mentions after i.
      let lo = i;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(old[mid], m)) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) merged.push(old[i++]);
      merged.push(m);
    }
    while (i < old.length) merged.push(old[i++]);
    this.list = merged;
  }

  clear(): void {
    this.list = [];
    this.pending = [];
    this.byNode.clear();
    this.nodesOf.clear();
  }
}

const before = (a: PageMention, b: PageMention) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range) < 0;
