// The cursor a scan finds its mentions' text nodes with must give binary search's answer for any
// order of offsets: growing (a chunk's mentions), jumping back (the visible chunk is matched first)
// and far ahead (past its few linear steps).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentAt, segmentCursor, type TextSegment } from '../../engine/text/dom-text';

const segmentsOf = (lengths: number[]): TextSegment[] => {
  let start = 0;
  return lengths.map((length) => {
    const seg = { node: document.createTextNode('x'.repeat(length)), start };
    start += length;
    return seg;
  });
};

describe('segmentCursor', () => {
  it('answers as segmentAt does, whatever the order of offsets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.boolean(),
        (lengths, picks, sorted) => {
          const segments = segmentsOf(lengths);
          const total = lengths.reduce((a, b) => a + b, 0);
          const offsets = picks.map((n) => n % total);
          if (sorted) offsets.sort((a, b) => a - b);
          const find = segmentCursor(segments);
          for (const o of offsets) {
            if (find(o) !== segmentAt(segments, o)) console.log('MISMATCH', o);
            expect(find(o)).toBe(segmentAt(segments, o));
          }
        },
      ),
    );
  });

  it('finds far-ahead and earlier offsets after a run of near ones', () => {
    const segments = segmentsOf(Array.from({ length: 1000 }, () => 3));
    const find = segmentCursor(segments);
    expect([0, 4, 7, 2999, 1500, 10, 11].map(find)).toEqual([0, 1, 2, 999, 500, 3, 3]);
  });
});
