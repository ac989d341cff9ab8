// The notes database: one Dexie database `hashiya-notes` in the extension's origin.
//
// Every schema version stays declared here forever, with its upgrade function: a user may skip any
// number of releases, and Dexie runs the upgrades in order from whatever version is installed.
// Only queried fields are indexed (IndexedDB stores the rest anyway):
//   kind, entityId, target.url — list per kind / entity / page;  updated — newest first;
//   *tags — tag filter (multiEntry);  *terms (v2 only) — search (multiEntry, see search-terms.ts).
// v3 drops the `terms` index and keeps the field: search reads the terms into memory instead
// (notes/term-rows.ts), because indexing ~35 terms a note made writes six times slower.
// Dexie stores version N as IndexedDB version N × 10.
import { Dexie, type Table } from 'dexie';
import type { Note } from './model';
import { noteTerms, type TermSource } from './search-terms';

export const NOTES_DB_NAME = 'hashiya-notes';

/** A stored note: the note plus its derived search terms (never exported; recomputed on write). */
export type NoteRecord = Note & { terms: string[] };

/** Tiny key/value table: `lastExport` (ISO time of the last export). */
export interface MetaRow {
  key: string;
  value: string;
}

export type NotesDb = Dexie & {
  notes: Table<NoteRecord, string>;
  meta: Table<MetaRow, string>;
};

export const SCHEMA_V1 = {
  notes: 'id, kind, entityId, target.url, updated, *tags',
  meta: 'key',
};

export const SCHEMA_V2 = {
  notes: 'id, kind, entityId, target.url, updated, *tags, *terms',
};

/** v3: the `terms` field stays on every record (recomputed on each write) but is not indexed. */
export const SCHEMA_V3 = {
  notes: 'id, kind, entityId, target.url, updated, *tags',
};

export const CURRENT_VERSION = 3;

export function openNotesDb(name: string = NOTES_DB_NAME): NotesDb {
  const db = new Dexie(name) as NotesDb;
  db.version(1).stores(SCHEMA_V1);
  // v2: Arabic-aware search. Terms are computed for every existing note inside the upgrade
  // transaction, so search works on old notes the moment the new version opens.
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table('notes')
        .toCollection()
        .modify((note: TermSource & { terms?: string[] }) => {
          note.terms = noteTerms(note);
        }),
    );
  // v3: only an index is dropped (Dexie deletes it); records are unchanged.
  db.version(3).stores(SCHEMA_V3);
  return db;
}
