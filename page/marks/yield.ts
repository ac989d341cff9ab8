// Give the main thread back to the page between slices of our work. scheduler.yield() keeps our
// continuation ahead of other queued tasks where it exists (Chrome 129+, Firefox 142+); a
// MessageChannel task is the fallback (setTimeout(0) is clamped to 4 ms after nesting).
import { HEAVY_STEP, type Pause } from '../../engine/text/pause';

type Scheduler = { yield?: () => Promise<void> };

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs `work` items, yielding before an item that would not fit in what is left of the slice's
 *  budget (judged by the recent items' cost: cold code and garbage collection make some items
 *  several times slower than others). A work item may return a promise (it waits on the
 *  background): awaiting it already gives the page its turn. */
export async function runSliced<T>(
  items: T[],
  work: (item: T) => void | Promise<void>,
  budgetMs = SLICE_MS,
  isCancelled = () => false,
  /** Run at the start of each slice after the first, its time counted in that slice's budget. */
  atSlice?: () => void,
  /** When the current slice began, if before this call: the caller's work in it counts too. */
  sliceStart = performance.now(),
) {
  let estimate = 0;
  for (const item of items) {
    if (isCancelled()) return;
    let t = performance.now();
    if (t > sliceStart && t - sliceStart + estimate > budgetMs) {
      await yieldToPage();
      if (isCancelled()) return;
      sliceStart = performance.now();
      if (atSlice) {
        atSlice();
        t = performance.now();
        if (t - sliceStart + estimate > budgetMs) {
          await yieldToPage();
          if (isCancelled()) return;
          sliceStart = performance.now();
        }
      }
    }
    const begun = performance.now();
    const pending = work(item);
    if (pending) {
      await pending;
      sliceStart = performance.now();
      continue;
    }
    // The slowest recent item, forgotten slowly: one slow item makes the next slices cautious.
    estimate = Math.max(performance.now() - begun, estimate * 0.8);
  }
}

/** Runs a generator that pauses now and then (engine/text/dom-text.ts walkText), yielding by
 *  budget as runSliced does: before a step that would not fit in what is left of the slice, judged
 *  by the slowest recent step (a slice that only checked the clock after each step overran the
 *  budget by up to a step: 10 ms slices of a 6 ms budget on real pages). A pause that says
 *  `HEAVY_STEP` announces one large step that cannot be split: it starts a slice of its own. */
export async function drive<R>(gen: Generator<Pause, R, void>, budgetMs = SLICE_MS): Promise<R> {
  let sliceStart = performance.now();
  let estimate = 0;
  for (;;) {
    const begun = performance.now();
    const step = gen.next();
    if (step.done) return step.value;
    const t = performance.now();
    estimate = Math.max(t - begun, estimate * 0.8);
    if (t - sliceStart + estimate > budgetMs || (step.value === HEAVY_STEP && t > sliceStart)) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
}

/** Our budget per slice of main-thread work: well under a frame, and under the 10 ms target. */
export const SLICE_MS = 6;
