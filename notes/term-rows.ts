// Search over every note's terms, in memory. The terms are stored with each note but no longer
// indexed (schema v3, notes/db.ts): a multiEntry index of ~35 terms a note made an import of ten
// thousand notes write 350,000 index entries (19 s in Chromium against 3 s without), and a one-letter
// prefix (ل, a) still had to read most of it at every keystroke.
import type { NoteStore } from './store';

/**
 * Every note's id and search terms, newest first, kept in memory between keystrokes: a one-letter
 * prefix (ل, a) matches most of the term index, and reading that range of the index again for every
 * keystroke cost 0.3–1.5 s at ten thousand notes; a pass over this list costs milliseconds. Built
 * once (and again after any write: the store's `generation`); a build that a write overlapped is
 * used for its own query but not kept.
 */
interface TermRow {
  id: string;
  terms: string[];
}
const termCache = new WeakMap<NoteStore, { generation: number; rows: Promise<TermRow[]> }>();

function termRows(store: NoteStore): Promise<TermRow[]> {
  const have = termCache.get(store);
  if (have && have.generation === store.generation) return have.rows;
  const generation = store.generation;
  const rows = store.db.notes
    .orderBy('updated')
    .reverse()
    .toArray()
    .then((records) => records.map((r) => ({ id: r.id, terms: r.terms })));
  termCache.set(store, { generation, rows });
  rows.then(
    () => {
      if (store.generation !== generation) termCache.delete(store);
    },
    () => termCache.delete(store),
  );
  return rows;
}

/** Builds the term list ahead of the first keystroke (the page's first list asks for it). */
export function warmSearch(store: NoteStore): void {
  setTimeout(() => void termRows(store).catch(() => {}), 0);
}

/** Ids of the notes holding every query term as a prefix of one of theirs, newest first. */
export async function matchingIds(store: NoteStore, terms: string[]): Promise<string[]> {
  const out: string[] = [];
  if (!terms.length) return out;
  for (const row of await termRows(store)) {
    if (terms.every((q) => row.terms.some((t) => t.startsWith(q)))) out.push(row.id);
  }
  return out;
}
