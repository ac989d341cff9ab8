// A notes database written by a newer Hashiya (the reader went back to an older release, or a
// profile was synced from a newer browser). Design:
//
// - It is never wiped and never changed. Dexie 4, asked to open a database whose version is higher
//   than the declared one, silently "patches" it (adds the tables and indexes it misses and bumps
//   the native version), which would alter the newer release's data. So the installed version is
//   read first (indexedDB.databases(), which opens nothing), and a newer database is opened only in
//   Dexie's dynamic mode (no schema declared: nothing created, nothing upgraded) and only read.
// - Reads go through the primary key only (the newer release may have dropped or renamed indexes);
//   filters and search run in memory over the rows our own schema can read. Rows it cannot read
//   (a newer shape) are counted, not guessed at.
// - Every write is refused with NewerDatabaseError, whose message says what happened and what to
//   do: the caller keeps its draft, as with a full disk.
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { CURRENT_VERSION } from './db';
import { NoteSchema, type Note } from './model';

export class NewerDatabaseError extends Error {
  constructor(readonly version: number) {
    super(
      `Your notes were saved by a newer version of Hashiya (database version ${version}; this one knows ` +
        `${CURRENT_VERSION}). They are kept untouched: this version can show and export them but not ` +
        'change them. Update Hashiya to edit them again.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * The installed version of database `name` in Dexie's numbering (IndexedDB version ÷ 10) when it is
 * newer than ours; null when it is ours, older, absent, or the browser cannot list databases.
 */
export async function newerInstalledVersion(
  name: string,
  idb: Pick<IDBFactory, 'databases'> | undefined = globalThis.indexedDB,
): Promise<number | null> {
  if (!idb?.databases) return null;
  let list: IDBDatabaseInfo[];
  try {
    list = await idb.databases();
  } catch {
    return null;
  }
  const found = list.find((d) => d.name === name);
  const version = found?.version ? found.version / 10 : 0;
  return version > CURRENT_VERSION ? version : null;
}

export interface ReadableNotes {
  notes: Note[];
  /** Rows our schema cannot read (a shape only the newer release knows). */
  unreadable: number;
  lastExport: string | undefined;
}

type Row = Record<string, unknown>;
const isRow = (x: unknown): x is Row => !!x && typeof x === 'object' && !Array.isArray(x);

/** Only the fields this version knows, at every level: a field a newer release added is left behind. */
function pick(row: unknown, keys: readonly string[]): Row | undefined {
  if (!isRow(row)) return undefined;
  const out: Row = {};
  for (const k of keys) if (k in row) out[k] = row[k];
  return out;
}

function readable(row: unknown): Note | null {
  const note = pick(row, ['id', 'kind', 'body', 'tags', 'color', 'created', 'updated', 'entityId']);
  if (!note || !isRow(row)) return null;
  if (row.kind === 'passage') {
    const target = pick(row.target, ['url', 'title', 'quote', 'position']);
    if (target) {
      target.quote = pick(target.quote, ['type', 'exact', 'prefix', 'suffix']);
      target.position = pick(target.position, ['type', 'start', 'end']);
    }
    note.target = target;
    delete note.entityId;
  }
  return v.is(NoteSchema, note) ? (note as unknown as Note) : null;
}

/** Everything database `name` holds that this version can read, without changing anything. */
export async function readNewerDatabase(name: string): Promise<ReadableNotes> {
  const db = new Dexie(name); // dynamic mode: no version() call, so no upgrade and no patching
  try {
    await db.open();
    const tables = new Set(db.tables.map((t) => t.name));
    const rows: unknown[] = tables.has('notes') ? await db.table('notes').toArray() : [];
    const notes = rows.map(readable).filter((n): n is Note => n !== null);
    let lastExport: string | undefined;
    if (tables.has('meta')) {
      const row = (await db.table('meta').get('lastExport')) as { value?: unknown } | undefined;
      if (typeof row?.value === 'string') lastExport = row.value;
    }
    return { notes, unreadable: rows.length - notes.length, lastExport };
  } finally {
    db.close();
  }
}
