import type { PageHandle } from './browsers';

// Reads what Hashiya shows inside its closed shadow root, through the test-build probe
// (page/test-probe.ts): the page dispatches `hashiya:probe` on window and the content script answers
// synchronously with a `hashiya:probe-result` event whose detail is a JSON string.

export interface ProbeSlot {
  slot: string;
  /** Role of the slot's top element ('tooltip', 'dialog', 'status'), null when the slot is empty. */
  role: string | null;
  label: string | null;
  text: string;
}

export interface ProbeMention {
  entityId: string;
  type: string;
  text: string;
}

export interface ProbeResult {
  ui: ProbeSlot[];
  mentions: ProbeMention[];
}

/** One probe; null when no content script of a test build answers in the page. */
export async function probe(page: PageHandle): Promise<ProbeResult | null> {
  const raw = await page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        let answer: string | null = null;
        const on = (e: Event) => {
          answer = String((e as CustomEvent).detail);
        };
        window.addEventListener('hashiya:probe-result', on);
        // The content script answers inside dispatchEvent; several answers (a stale instance) keep the last.
        window.dispatchEvent(new Event('hashiya:probe'));
        window.removeEventListener('hashiya:probe-result', on);
        resolve(answer);
      }),
  );
  return raw ? (JSON.parse(raw) as ProbeResult) : null;
}

/** The slot named `slot` ('card' or 'notice'), or an empty stand-in when the host has none yet. */
export function slotOf(result: ProbeResult | null, slot: 'card' | 'notice'): ProbeSlot {
  return result?.ui.find((s) => s.slot === slot) ?? { slot, role: null, label: null, text: '' };
}

/**
 * Probes until `accept` holds (returns that result) or `timeoutMs` passes; the timeout error quotes
 * the last probe so a failing test shows what the UI was showing instead.
 */
export async function waitForProbe(
  page: PageHandle,
  accept: (r: ProbeResult) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<ProbeResult> {
  const deadline = Date.now() + timeoutMs;
  let last: ProbeResult | null = null;
  let error: unknown = null;
  for (;;) {
    try {
      last = await probe(page);
      error = null;
      if (last && accept(last)) return last;
    } catch (e) {
      error = e; // navigation in progress: retry until the deadline
    }
    if (Date.now() > deadline) {
      const seen = error ? `error: ${String(error)}` : `last probe: ${JSON.stringify(last)}`;
      const errs = page.errors.length ? `; page errors: ${page.errors.join(' | ')}` : '';
      throw new Error(`waitForProbe timed out after ${timeoutMs} ms: ${what} (${seen})${errs}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
