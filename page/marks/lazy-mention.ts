// A mention whose DOM Range is made the first time something asks for it. Design note:
// A scan of a 1 MB page finds a couple of thousand mentions, and making a live Range for each
// (createRange, setStart, setEnd: a few microseconds apiece, ~7 ms for the bench's 1 MB page in its
// fastest runs; and every live Range is one more the document keeps up to date on each mutation)
// is work for marks the reader may never scroll to: only the mentions near the viewport are
// painted (page/marks/visible-marks.ts). So a mention keeps the text nodes and offsets it was
// found at, and makes its Range when it is painted, measured for the hit grid (in idle time), or
// read by a card. Until then the session judges a page change by the nodes: a mention whose nodes
// changed or left the page is dropped by the rescan, as a live Range over them would have been.
import type { EntityType } from '../../engine/types';
import { rangeOver, type TextBounds } from '../../engine/text/dom-text';
import type { PageMention } from '../types';

export class LazyMention implements PageMention {
  private made: Range | null = null;

  constructor(
    readonly id: number,
    readonly entityId: string,
    readonly type: EntityType,
    /** The text nodes and offsets the mention was found at. */
    readonly at: TextBounds,
  ) {}

  get range(): Range {
    // A node's text may have changed since the scan: the rescan drops this mention, and until
    // then the range stays inside the node.
    return (this.made ??= rangeOver(this.at));
  }

  /** Whether the page changed under the mention: its text gone, or a node of it in `changed`. */
  stale(changed: ReadonlySet<Node>): boolean {
    const r = this.made;
    if (!r) {
      const { startNode, endNode } = this.at;
      return !startNode.isConnected || !endNode.isConnected || changed.has(startNode) || changed.has(endNode);
    }
    return (
      !r.startContainer.isConnected ||
      !r.endContainer.isConnected ||
      r.collapsed ||
      changed.has(r.startContainer) ||
      changed.has(r.endContainer)
    );
  }

  /** The node the mention starts in: the live range's, once made. */
  get start(): Node {
    return this.made ? this.made.startContainer : this.at.startNode;
  }
}
