// Small in-page helpers shared by the harness modules.
export const now = () => performance.now();

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves after the next frame has been produced (rAF, then a task queued from it). */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );
}

/** Quiet point before a measurement: layout done, a frame out, garbage collected (--expose-gc). */
export async function settle(): Promise<void> {
  await afterFrame();
  (globalThis as { gc?: () => void }).gc?.();
  await sleep((globalThis as { __settleMs?: number }).__settleMs ?? 50);
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
