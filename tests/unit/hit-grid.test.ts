// The hover card's hit test: which mention is under a viewport point, from a grid of the marks'
// rectangles measured when idle. happy-dom has no layout, so each range's client rectangles are
// set by the test (Range.prototype.getClientRects is stubbed to read them); the idle callback
// falls back to a timer here (happy-dom has no requestIdleCallback), driven by fake timers. A
// browser's ResizeObserver reports each observed element's size once after observe() (the grid's
// first build comes from that); happy-dom's never reports, so a stub does, a frame later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHitGrid, type HitGrid } from '../../page/marks/hit-grid';
import type { PageMention } from '../../page/types';
import { ReportingResizeObserver } from './helpers/page-stubs';

const layout = new WeakMap<Range, DOMRect[]>();
const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;

let list: PageMention[];
let grid: HitGrid;
let nextId = 1;

/** A mention laid out as `rects` (viewport coordinates). */
function mention(...rects: DOMRect[]): PageMention {
  const range = document.createRange();
  range.selectNodeContents(document.body);
  layout.set(range, rects);
  return { id: nextId++, entityId: `x/${nextId}`, type: 'person', range };
}

/** Lets the idle build run (a timer of 50 ms without requestIdleCallback; at most 500 ms with it). */
const idle = () => vi.advanceTimersByTime(600);

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', ReportingResizeObserver);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return (layout.get(this) ?? []) as unknown as DOMRectList;
  });
  document.body.innerHTML = '<p>text</p>';
});

afterEach(() => {
  grid?.destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('hit grid', () => {
  let a: PageMention;
  let b: PageMention;
  beforeEach(() => {
    a = mention(rect(10, 10, 50, 16));
    // A name wrapped over two lines: two rectangles.
    b = mention(rect(300, 40, 80, 16), rect(0, 60, 40, 16));
    list = [a, b];
    grid = createHitGrid(window, () => list);
  });

  it('answers "not ready" (undefined) until it has been built when idle', () => {
    expect(grid.at(20, 15)).toBeUndefined();
    expect(grid.at(500, 500)).toBeUndefined();
    idle();
    expect(grid.at(20, 15)).toBe(a);
  });

  it('finds the mention under a point, on any of its rectangles, and null off the marks', () => {
    idle();
    expect(grid.at(10, 10)).toBe(a);
    expect(grid.at(59, 25)).toBe(a);
    expect(grid.at(350, 50)).toBe(b);
    expect(grid.at(20, 70)).toBe(b); // the second line of the wrapped name
    expect(grid.at(200, 15)).toBeNull(); // the same line, between marks
    expect(grid.at(20, 45)).toBeNull(); // a row holding only b's first line, left of it
    expect(grid.at(20, 2000)).toBeNull(); // far below everything
  });

  it('does not return a mention at a place its text has left, and finds it at its new place after a rebuild', () => {
    idle();
    expect(grid.at(20, 15)).toBe(a);
    layout.set(a.range, [rect(10, 200, 50, 16)]); // an image above it loaded: the text moved down
    expect(grid.at(20, 15)).not.toBe(a);
    expect(grid.at(20, 15)).toBeUndefined(); // stale: the caller asks the browser instead
    idle();
    expect(grid.at(20, 15)).toBeNull();
    expect(grid.at(20, 205)).toBe(a);
  });

  it('invalidate() drops the grid; the rebuild measures the current marks', () => {
    idle();
    const c = mention(rect(100, 300, 30, 16));
    list = [a, b, c];
    expect(grid.at(110, 305)).toBeNull(); // not measured yet
    grid.invalidate();
    expect(grid.at(20, 15)).toBeUndefined();
    idle();
    expect(grid.at(110, 305)).toBe(c);
    list = [b, c]; // a's text was removed by a rescan
    grid.invalidate();
    idle();
    expect(grid.at(20, 15)).toBeNull();
  });

  it('drops the grid when the window is resized or a nested scroller moves its text, not on the window’s scroll', () => {
    idle();
    document.dispatchEvent(new Event('scroll'));
    expect(grid.at(20, 15)).toBe(a);
    window.dispatchEvent(new Event('resize'));
    expect(grid.at(20, 15)).toBeUndefined();
    idle();
    expect(grid.at(20, 15)).toBe(a);
    document.querySelector('p')!.dispatchEvent(new Event('scroll'));
    expect(grid.at(20, 15)).toBeUndefined();
  });

  it('after destroy, builds nothing more', () => {
    grid.destroy();
    idle();
    expect(grid.at(20, 15)).toBeUndefined();
  });

  it('ignores empty rectangles (collapsed or hidden text)', () => {
    const hidden = mention(rect(500, 10, 0, 0));
    list = [hidden, a];
    grid.invalidate();
    idle();
    expect(grid.at(500, 10)).toBeNull();
    expect(grid.at(20, 15)).toBe(a);
  });
});
