// mark.js as a contender: `mark(terms)` with every alias as a term, whole phrases
// (separateWordSearch: false), accuracy "exactly" or "partially", everything else default.
// The time limit is enforced from inside: mark.js calls `filter` for every candidate match and
// `noMatch` for every term without one, so a callback throws once the deadline has passed.
import Mark from 'mark.js';
import { afterFrame, fetchJson, now, settle, sleep } from './util';

export type Accuracy = 'exactly' | 'partially';

export interface MarkjsResult {
  ms: number;
  frameMs: number;
  marks: number;
  terms: number;
  timedOut: boolean;
  error: string | null;
}

const TIMEOUT = Symbol('timeout');

/**
 * mark.js recurses once per term (each term's "done" starts the next one), so one call with a few
 * hundred terms or more overflows the stack ("Invalid regular expression: … Stack overflow"). The
 * terms therefore go in batches, in mark.js's own order (deduplicated, longest first, stable), which
 * applies exactly the same regular expressions in exactly the same order as one call would.
 */
export const BATCH = 250;

function batches(terms: string[]): string[][] {
  const unique: string[] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    if (!t.trim() || seen.has(t)) continue;
    seen.add(t);
    unique.push(t);
  }
  unique.sort((a, b) => b.length - a.length);
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) out.push(unique.slice(i, i + BATCH));
  return out;
}

export async function markjs(termsUrl: string, accuracy: Accuracy, limitMs: number): Promise<MarkjsResult> {
  const terms = await fetchJson<string[]>(termsUrl);
  await settle();
  await sleep(0);
  let marks = 0;
  let timedOut = false;
  let error: string | null = null;
  const t0 = now();
  const deadline = t0 + limitMs;
  const check = () => {
    if (now() > deadline) throw TIMEOUT;
  };
  try {
    const instance = new Mark(document.body);
    for (const batch of batches(terms)) {
      instance.mark(batch, {
        accuracy,
        separateWordSearch: false,
        filter: () => {
          check();
          return true;
        },
        noMatch: check,
        each: () => {
          marks++;
        },
      });
    }
  } catch (e) {
    if (e === TIMEOUT) timedOut = true;
    else error = /stack overflow|call stack/i.test(String(e)) ? 'stack overflow' : String(e).slice(0, 200);
  }
  const t1 = now();
  if (!timedOut && !error) await afterFrame();
  const t2 = now();
  return { ms: t1 - t0, frameMs: t2 - t0, marks, terms: terms.length, timedOut, error };
}

/** Marks the page and returns the outermost marks in document order with the term that made each. */
export function markjsMentions(terms: string[], accuracy: Accuracy): { term: string; surface: string }[] {
  let current = '';
  const instance = new Mark(document.body);
  for (const batch of batches(terms)) {
    instance.mark(batch, {
      accuracy,
      separateWordSearch: false,
      filter: (_node: Text, term: string) => {
        current = term;
        return true;
      },
      each: (el: Element) => {
        (el as HTMLElement).dataset.benchTerm = current;
      },
    });
  }
  const out: { term: string; surface: string }[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('mark[data-bench-term]')) {
    // A shorter term found again inside an earlier, longer mark is not a mention of its own.
    if (el.parentElement?.closest('mark[data-bench-term]')) continue;
    out.push({ term: el.dataset.benchTerm!, surface: el.textContent ?? '' });
  }
  return out;
}
