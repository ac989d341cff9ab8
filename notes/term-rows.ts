// Search over every note's terms, in memory. The terms are stored with each note but no longer
// indexed (schema v3, notes/db.ts): a multiEntry index of ~35 terms a note made an import of ten
// thousand notes write 350,000 index entries (19 s in Chromium against 3 s without), and a one-letter
// prefix (ل, a) still had to read most of it at every keystroke.
//
// The rows (id, `updated`, terms) are read from the database once, newest first, and then follow the
// store's write log (notes/write-log.ts) one note at a time: an edit on the notes page does not cost
// a read of ten thousand notes (0.3–1 s) before the next keystroke. An import or wipe (a `reset`)
// makes the next reader build them again. The rows also count the notes: IndexedDB's count() walks
// the whole store in Chromium (40–400 ms at ten thousand notes), once per page asked.
//
// Following the log is safe whatever the order of a build and the writes around it: a build is
// tagged with the log's generation when it starts, so it holds every write up to there and maybe some
// later ones, and replaying a `put` or `deleted` that the build already holds changes nothing.
import type { Note } from './model';
import { noteTerms } from './search-terms';
import type { NoteStore } from './store';
import type { NoteChange } from './write-log';

interface TermRow {
  id: string;
  updated: string;
  /** Every term, each after a SEP: a query term q is a prefix of one of them iff text has SEP + q. */
  text: string;
}

/** Never in a term: terms are the tokenizer's word characters. */
const SEP = '\u0001';

interface TermIndex {
  generation: number;
  rows: TermRow[];
}

const ready = new WeakMap<NoteStore, TermIndex>();
const building = new WeakMap<NoteStore, Promise<TermIndex>>();

function row(note: Pick<Note, 'id' | 'updated'>, terms: readonly string[]): TermRow {
  return { id: note.id, updated: note.updated, text: SEP + terms.join(SEP) };
}

/** The store's order: most recently updated first, larger id first among equal times. */
function before(a: TermRow, b: TermRow): boolean {
  return a.updated !== b.updated ? a.updated > b.updated : a.id > b.id;
}

function apply(rows: TermRow[], change: NoteChange): void {
  const id = 'put' in change ? change.put.id : 'deleted' in change ? change.deleted : null;
  if (id === null) return;
  const at = rows.findIndex((r) => r.id === id);
  if (at >= 0) rows.splice(at, 1);
  if (!('put' in change)) return;
  const next = row(change.put, noteTerms(change.put));
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(rows[mid], next)) lo = mid + 1;
    else hi = mid;
  }
  rows.splice(lo, 0, next);
}

/** Brings `index` up to the store's writes; false when it cannot (a reset, or too far behind). */
function catchUp(store: NoteStore, index: TermIndex): boolean {
  if (index.generation === store.writes.generation) return true;
  const changes = store.writes.since(index.generation);
  if (!changes) return false;
  for (const change of changes) apply(index.rows, change);
  index.generation = store.writes.generation;
  return true;
}

function build(store: NoteStore): Promise<TermIndex> {
  let pending = building.get(store);
  if (pending) return pending;
  const generation = store.writes.generation;
  pending = store.db.notes
    .orderBy('updated')
    .reverse()
    .toArray()
    .then((records) => ({ generation, rows: records.map((r) => row(r, r.terms)) }))
    .finally(() => building.delete(store));
  building.set(store, pending);
  return pending;
}

async function termRows(store: NoteStore): Promise<TermRow[]> {
  for (;;) {
    const have = ready.get(store);
    if (have && catchUp(store, have)) return have.rows;
    ready.delete(store);
    const built = await build(store);
    if (catchUp(store, built)) {
      ready.set(store, built);
      return built.rows;
    }
    // A reset while building (an import, a wipe): build again from what is stored now.
  }
}

/** Builds the rows ahead of the first keystroke (the page's first list asks for it). */
export function warmSearch(store: NoteStore): void {
  setTimeout(() => void termRows(store).catch(() => {}), 0);
}

/** The number of notes when the rows are in memory and current (no database read), else null. */
export function knownCount(store: NoteStore): number | null {
  const have = ready.get(store);
  return have && catchUp(store, have) ? have.rows.length : null;
}

/** Ids of the notes holding every query term as a prefix of one of theirs, newest first. */
export async function matchingIds(store: NoteStore, terms: string[]): Promise<string[]> {
  const out: string[] = [];
  if (!terms.length) return out;
  const needles = terms.map((q) => SEP + q);
  for (const r of await termRows(store)) {
    if (needles.every((q) => r.text.includes(q))) out.push(r.id);
  }
  return out;
}
