// Which mention is under the pointer, in a few microseconds. Design note:
// The browser's own hit test (caretPositionFromPoint) costs ~25 µs on a 100 KB page but ~200 µs on
// a 1 MB one, and pointer moves come at 60+ Hz. So the rectangles of the marks are measured once —
// in idle slices after the page is marked, never while scanning — and kept in document
// coordinates in rows of ROW px; a lookup reads one row. Layout can move text without touching
// the DOM (images loading, fonts, a panel scrolling), so: resizes, nested scrolls, font loads and
// rescans drop the grid; a hit is confirmed against the mention's live rectangles; and until a
// grid is ready the caller falls back to the browser's hit test.
import type { PageMention } from '../types';
import { yieldToPage } from './yield';

const ROW = 32;
/** Measuring work per idle callback: idle periods last up to 50 ms, but a pointer move or a
 *  key press arriving meanwhile must not wait for us. */
const IDLE_SLICE_MS = 5;
const MIN_PER_SLICE = 20;

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

  const idleCall = (cb: (deadline?: IdleDeadline) => void) =>
    win.requestIdleCallback ? win.requestIdleCallback(cb, { timeout: 500 }) : win.setTimeout(cb, 50);
  const cancelIdle = (id: number) => (win.cancelIdleCallback ? win.cancelIdleCallback(id) : win.clearTimeout(id));

  function build() {
    const gen = ++generation;
    const list = mentions();
    const next = new Map<number, Box[]>();
    let i = 0;
    const measure = (m: PageMention, sx: number, sy: number) => {
      for (const r of m.range.getClientRects()) {
        if (!r.width || !r.height) continue;
        const box: Box = [r.left + sx, r.top + sy, r.right + sx, r.bottom + sy, m];
        for (let row = Math.floor(box[1] / ROW); row <= Math.floor(box[3] / ROW); row++) {
          const bucket = next.get(row);
          if (bucket) bucket.push(box);
          else next.set(row, [box]);
        }
      }
    };
    // Slices of IDLE_SLICE_MS for as long as the idle period lasts (a yield between them lets input
    // in), then the next idle period. One fixed-size batch per idle callback left most of each 50 ms
    // idle period unused and took seconds on a 1 MB page. A few marks per call at least: an idle
    // callback that only ever times out still makes progress.
    const step = async (deadline?: IdleDeadline) => {
      for (;;) {
        if (gen !== generation) return;
        const sx = win.scrollX;
        const sy = win.scrollY;
        const t0 = performance.now();
        for (let n = 0; i < list.length; i++, n++) {
          if (
            n >= MIN_PER_SLICE &&
            (performance.now() - t0 >= IDLE_SLICE_MS || (deadline && deadline.timeRemaining() < 1))
          )
            break;
          measure(list[i], sx, sy);
        }
        if (i >= list.length) {
          rows = next;
          return;
        }
        if (!deadline || deadline.timeRemaining() < 1) break;
        await yieldToPage();
      }
      idle = idleCall(step);
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
