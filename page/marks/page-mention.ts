// A mention of the mark session, whose DOM range is made when first asked for. A 1 MB page holds
// thousands of mentions and the reader sees a few dozen: ranges are needed to paint a mark near the
// viewport (page/marks/visible-marks.ts), to measure marks for the hit grid (idle slices, after the
// scan) and to anchor a card. Making all 2,197 of the 1 MB bench page's ranges during the scan cost
// ~6 ms of it (createRange, setStart, setEnd).
import type { EntityType } from '../../engine/types';
import type { TextSegment } from '../../engine/text/dom-text';
import type { PageMention } from '../types';

export function pageMention(
  id: number,
  entityId: string,
  type: EntityType,
  from: TextSegment,
  start: number,
  to: TextSegment,
  end: number,
): PageMention {
  let range: Range | null = null;
  return {
    id,
    entityId,
    type,
    node: from.node,
    get range() {
      if (!range) {
        range = from.node.ownerDocument.createRange();
        // A text node cut shorter since (the mention is then dropped by the next rescan) must not throw here.
        range.setStart(from.node, Math.min(start - from.start, from.node.length));
        range.setEnd(to.node, Math.min(end - to.start, to.node.length));
      }
      return range;
    },
  };
}
