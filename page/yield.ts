// Give the main thread back to the page between slices of our work. scheduler.yield() keeps our
// continuation ahead of other queued tasks where it exists (Chrome 129+, Firefox 142+); a
// MessageChannel task is the fallback (setTimeout(0) is clamped to 4 ms after nesting).
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

/** Runs `work` items, yielding whenever a slice has used its budget. */
export async function runSliced<T>(items: T[], work: (item: T) => void, budgetMs = 8, isCancelled = () => false) {
  let sliceStart = performance.now();
  for (const item of items) {
    if (isCancelled()) return;
    work(item);
    if (performance.now() - sliceStart >= budgetMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
}
