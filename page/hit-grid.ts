// Which mention is under the pointer, in a few microseconds. Design note:
// The browser's own hit test (caretPositionFromPoint) costs ~25 µs on a 100 KB page but ~200 µs on
// a 1 MB one, and pointer moves come at 60+ Hz. So the rectangles of the marks are measured once —
// in idle slices after the page is marked, never while scanning — and kept in document
// coordinates in rows of ROW px; a lookup reads one row. Layout can move text without touching
// the DOM (images loading, fonts, a panel scrolling), so: resizes, nested scrolls, font loads and
// rescans drop the grid; a hit is confirmed against the mention's live rectangles; and until a
// grid is ready the caller falls back to the browser's hit test.
import type { PageMention } from './types';

const ROW = 32;
const MEASURE_PER_SLICE = 200;

type Box = [left: number, top: number, right: number, bottom: number, mention: PageMention];

export interface HitGrid {
  /** The mention whose box holds the viewport point, or undefined when the grid is not ready. */
  at(x: number, y: number): PageMention | null | undefined;
  /** Layout or marks changed: measure again when idle. */
  invalidate(): void;
  destroy(): void;
}

const inside = (r: DOMRect, x: number, y: number) =>
  x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;

export function onMention(m: PageMention, x: number, y: number): boolean {
  for (const r of m.range.getClientRects()) if (inside(r, x, y)) return true;
  return false;
}

export function createHitGrid(win: Window, mentions: () => PageMention[]): HitGrid {
  let rows: Map<number, Box[]> | null = null;
  let generation = 0;
  let idle: number | undefined;

  const idleCall = (cb: () => void) =>
    win.requestIdleCallback ? win.requestIdleCallback(cb, { timeout: 500 }) : win.setTimeout(cb, 50);
  const cancelIdle = (id: number) => (win.cancelIdleCallback ? win.cancelIdleCallback(id) : win.clearTimeout(id));

  function build() {
    const gen = ++generation;
    const list = mentions();
    const next = new Map<number, Box[]>();
    let i = 0;
    const step = () => {
      if (gen !== generation) return;
      const sx = win.scrollX;
      const sy = win.scrollY;
      for (const end = Math.min(i + MEASURE_PER_SLICE, list.length); i < end; i++) {
        const m = list[i];
        for (const r of m.range.getClientRects()) {
          if (!r.width || !r.height) continue;
          const box: Box = [r.left + sx, r.top + sy, r.right + sx, r.bottom + sy, m];
          for (let row = Math.floor(box[1] / ROW); row <= Math.floor(box[3] / ROW); row++) {
            const bucket = next.get(row);
            if (bucket) bucket.push(box);
            else next.set(row, [box]);
          }
        }
      }
      if (i < list.length) idle = idleCall(step);
      else rows = next;
    };
    idle = idleCall(step);
  }

  function invalidate() {
    rows = null;
    generation++;
    if (idle !== undefined) cancelIdle(idle);
    build();
  }

  // Layout moves that leave the DOM alone.
  const onScroll = (e: Event) => {
    if (e.target !== win.document) invalidate(); // a nested scroller moved its text; the window's scroll does not
  };
  const resize = new ResizeObserver(() => invalidate());
  resize.observe(win.document.documentElement);
  win.addEventListener('resize', invalidate, { passive: true });
  win.document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.document.fonts?.addEventListener?.('loadingdone', invalidate);

  return {
    at(x, y) {
      if (!rows) return undefined;
      const dx = x + win.scrollX;
      const dy = y + win.scrollY;
      for (const [l, t, r, b, m] of rows.get(Math.floor(dy / ROW)) ?? []) {
        if (dx < l - 1 || dx > r + 1 || dy < t - 1 || dy > b + 1) continue;
        if (onMention(m, x, y)) return m;
        invalidate(); // the box was stale: layout moved without telling us
        return undefined;
      }
      return null;
    },
    invalidate,
    destroy() {
      generation++;
      if (idle !== undefined) cancelIdle(idle);
      resize.disconnect();
      win.removeEventListener('resize', invalidate);
      win.document.removeEventListener('scroll', onScroll, { capture: true });
      win.document.fonts?.removeEventListener?.('loadingdone', invalidate);
    },
  };
}
