// Notes storage API over the Dexie database. Framework-free: the background owns one NoteStore and
// answers messages with it; tests give each case a fresh database name.
//
// Every write is validated (NoteSchema) before it reaches IndexedDB, search terms are recomputed on
// every write, and reads return plain Notes (no `terms`). A full disk surfaces as StorageFullError and
// nothing is written, so the caller keeps its draft and can retry.
import * as v from 'valibot';
import { openNotesDb, NOTES_DB_NAME, type NoteRecord, type NotesDb } from './db';
import {
  DEFAULT_COLOR,
  hostOf,
  issueText,
  NoteSchema,
  pageUrl,
  type NewNote,
  type Note,
  type NoteFilter,
  type NotePatch,
} from './model';
import { noteTerms, queryTerms } from './search-terms';
import { matchingIds } from './term-rows';
import { changeOf, WriteLog, type NoteChange } from './write-log';
import { NewerDatabaseError, newerInstalledVersion, readNewerDatabase, type ReadableNotes } from './newer-db';

export { NewerDatabaseError };
// Here for the store's callers; pages import it from ./persist (without Dexie).
export { persist } from './persist';

/** The browser refused the write for lack of space. `cause` is the original error. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super(
      'Browser storage is full, so the note was not saved. Your text is kept: export and delete old ' +
        'notes, or free disk space, then save again.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/** A note that breaks the schema (bad color, oversized body, …). The message names the field. */
export class InvalidNoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidNoteError';
  }
}

/**
 * QuotaExceededError as a DOMException or Dexie.QuotaExceededError, or nested: browsers may abort
 * the transaction instead, and Dexie then reports an AbortError whose `inner` is the quota error;
 * bulk writes report a BulkError with per-item `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (typeof DOMException !== 'undefined' && error instanceof DOMException && e.code === 22) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw isQuotaError(e) ? new StorageFullError(e) : e;
  }
}

function validate(note: Note): Note {
  const result = v.safeParse(NoteSchema, note, { abortEarly: true });
  if (!result.success) throw new InvalidNoteError(`Invalid note: ${issueText(result.issues[0])}`);
  return note;
}

function toRecord(note: Note): NoteRecord {
  return { ...note, terms: noteTerms(note) };
}

function toNote(record: NoteRecord): Note {
  const note: Partial<NoteRecord> = { ...record };
  delete note.terms;
  return note as Note;
}

/** Tags as the user means them: trimmed, no empties, no repeats, order kept. */
function cleanTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const t of tags ?? []) {
    const tag = typeof t === 'string' ? t.trim() : t;
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function cleanTarget<T extends { url: string }>(target: T): T {
  try {
    return { ...target, url: pageUrl(target.url) };
  } catch {
    return target; // not a URL: validation rejects it with a clear message
  }
}

function newestFirst(a: Note, b: Note): number {
  if (a.updated !== b.updated) return a.updated < b.updated ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function matches(note: Note, f: NoteFilter): boolean {
  if (f.kind && note.kind !== f.kind) return false;
  if (f.entityId && (note.kind !== 'entity' || note.entityId !== f.entityId)) return false;
  if (f.tag && !note.tags.includes(f.tag)) return false;
  if (f.color && note.color !== f.color) return false;
  if (f.host) {
    if (note.kind !== 'passage') return false;
    if (hostOf(note.target.url) !== f.host.toLowerCase().replace(/^www\./, '')) return false;
  }
  return true;
}

export interface NoteStoreOptions {
  /** Clock, for tests. */
  now?: () => Date;
  /** Id source, for tests. */
  newId?: () => string;
}

export interface ImportResult {
  added: number;
  /** Notes whose id is already stored (or repeated in the file): left as they are. */
  skipped: number;
}

/** Every query term is a prefix of one of the note's terms (the index's rule, in memory). */
function hasTerms(note: Note, terms: readonly string[]): boolean {
  const own = noteTerms(note);
  return terms.every((q) => own.some((t) => t.startsWith(q)));
}

export interface NotesHealth {
  /** Set when the database was written by a newer Hashiya: read-only, see newer-db.ts. */
  newerVersion: number | null;
  /** Rows of such a database this version cannot read (not exported, never deleted). */
  unreadable: number;
}

/** Notes per progress report of an import (all in one transaction regardless). */
const IMPORT_SLICE = 500;

const edited = (patch: NotePatch) => patch.body !== undefined || patch.tags !== undefined || patch.color !== undefined;

export class NoteStore {
  readonly db: NotesDb;
  private readonly now: () => Date;
  private readonly newId: () => string;

  /** Every settled write (committed or failed), in order: the search index follows it (term-rows.ts). */
  readonly writes = new WriteLog();

  constructor(db: NotesDb | string = NOTES_DB_NAME, options: NoteStoreOptions = {}) {
    this.db = typeof db === 'string' ? openNotesDb(db) : db;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    // Every write method, wrapped once here rather than in six places: the log moves only after the
    // write's transaction is over, so a cache built meanwhile is known to be behind.
    for (const name of ['add', 'update', 'remove', 'restore', 'addMissing', 'wipe'] as const) {
      const write = this[name].bind(this) as (...args: unknown[]) => Promise<unknown>;
      (this as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        let change: NoteChange = { reset: true };
        try {
          const result = await write(...args);
          change = changeOf(name, args, result);
          return result;
        } finally {
          this.writes.record(change);
        }
      };
    }
  }

  private newer: Promise<number | null> | null = null;

  /** The installed version when the database is newer than this code (checked once, before opening). */
  private newerVersion(): Promise<number | null> {
    if (this.db.isOpen()) return Promise.resolve(null);
    return (this.newer ??= newerInstalledVersion(this.db.name));
  }

  /** What a newer database holds that we can read; null for our own database. */
  private async older(): Promise<ReadableNotes | null> {
    return (await this.newerVersion()) === null ? null : readNewerDatabase(this.db.name);
  }

  /** Writes are refused on a newer database: it stays exactly as the newer release left it. */
  private async writable(): Promise<void> {
    const version = await this.newerVersion();
    if (version !== null) throw new NewerDatabaseError(version);
  }

  /** True when the database is a newer release's (read-only; indexes not to be relied on). */
  async isNewer(): Promise<boolean> {
    return (await this.newerVersion()) !== null;
  }

  async health(): Promise<NotesHealth> {
    const version = await this.newerVersion();
    if (version === null) return { newerVersion: null, unreadable: 0 };
    return { newerVersion: version, unreadable: (await readNewerDatabase(this.db.name)).unreadable };
  }

  /** Creates a note. Throws InvalidNoteError or StorageFullError; `input` is never modified. */
  async add(input: NewNote): Promise<Note> {
    await this.writable();
    const time = this.now().toISOString();
    const common = {
      id: this.newId(),
      body: input.body,
      tags: cleanTags(input.tags),
      color: input.color ?? DEFAULT_COLOR,
      created: time,
      updated: time,
    };
    const note: Note =
      input.kind === 'entity'
        ? { ...common, kind: 'entity', entityId: input.entityId }
        : { ...common, kind: 'passage', target: cleanTarget(input.target) };
    validate(note);
    await guardQuota(() => this.db.notes.add(toRecord(note)));
    return note;
  }

  /** Applies `patch` and bumps `updated` — unless only the target moved (re-anchoring is not an
   *  edit by the reader). Undefined when the note does not exist. */
  async update(id: string, patch: NotePatch): Promise<Note | undefined> {
    await this.writable();
    return guardQuota(() =>
      this.db.transaction('rw', this.db.notes, async () => {
        const current = await this.db.notes.get(id);
        if (!current) return undefined;
        const note = toNote(current);
        if (patch.target && note.kind !== 'passage')
          throw new InvalidNoteError('Invalid note: only passage notes have a target');
        const next: Note = {
          ...note,
          ...(patch.body !== undefined && { body: patch.body }),
          ...(patch.tags !== undefined && { tags: cleanTags(patch.tags) }),
          ...(patch.color !== undefined && { color: patch.color }),
          ...(patch.target !== undefined && { target: cleanTarget(patch.target) }),
          updated: edited(patch) ? this.now().toISOString() : note.updated,
        } as Note;
        validate(next);
        await this.db.notes.put(toRecord(next));
        return next;
      }),
    );
  }

  /** Deletes a note and returns it, so the caller can offer undo (restore). */
  async remove(id: string): Promise<Note | undefined> {
    await this.writable();
    return this.db.transaction('rw', this.db.notes, async () => {
      const current = await this.db.notes.get(id);
      if (!current) return undefined;
      await this.db.notes.delete(id);
      return toNote(current);
    });
  }

  /** Undo of remove: puts the note back exactly as it was (same id and times). */
  async restore(note: Note): Promise<void> {
    await this.writable();
    validate(note);
    await guardQuota(() => this.db.notes.put(toRecord(note)));
  }

  async get(id: string): Promise<Note | undefined> {
    const old = await this.older();
    if (old) return old.notes.find((n) => n.id === id);
    const record = await this.db.notes.get(id);
    return record && toNote(record);
  }

  /** Every note, most recently updated first. */
  listAll(): Promise<Note[]> {
    return this.list();
  }

  listForEntity(entityId: string): Promise<Note[]> {
    return this.list({ entityId });
  }

  /** Passage notes of a page; `url` as the content script reports it (canonical preferred). */
  async listForUrl(url: string): Promise<Note[]> {
    let key: string;
    try {
      key = pageUrl(url);
    } catch {
      return [];
    }
    const old = await this.older();
    if (old) return old.notes.filter((n) => n.kind === 'passage' && n.target.url === key).sort(newestFirst);
    const records = await this.db.notes.where('target.url').equals(key).toArray();
    return records.map(toNote).sort(newestFirst);
  }

  /** Notes matching every condition of `filter`, newest first. Uses the most selective index. */
  async list(filter: NoteFilter = {}): Promise<Note[]> {
    const old = await this.older();
    if (old) return old.notes.filter((n) => matches(n, filter)).sort(newestFirst);
    const { notes } = this.db;
    let records: NoteRecord[];
    if (filter.entityId) records = await notes.where('entityId').equals(filter.entityId).toArray();
    else if (filter.tag) records = await notes.where('tags').equals(filter.tag).toArray();
    else if (filter.kind) records = await notes.where('kind').equals(filter.kind).toArray();
    else records = await notes.orderBy('updated').reverse().toArray();
    return records
      .map(toNote)
      .filter((n) => matches(n, filter))
      .sort(newestFirst);
  }

  /**
   * Notes holding every term of `query` (AND), each as a prefix of one of its terms (notes/term-rows.ts), then `filter`.
   * An empty query lists by filter alone.
   */
  async search(query: string, filter: NoteFilter = {}): Promise<Note[]> {
    const terms = queryTerms(query);
    if (terms.length === 0) return this.list(filter);
    const old = await this.older();
    if (old) return old.notes.filter((n) => matches(n, filter) && hasTerms(n, terms)).sort(newestFirst);
    const ids = await matchingIds(this, terms);
    const records = await this.db.notes.bulkGet(ids);
    return records
      .filter((r): r is NoteRecord => r !== undefined)
      .map(toNote)
      .filter((n) => matches(n, filter))
      .sort(newestFirst);
  }

  /** Every tag in use, sorted (for the tag filter). */
  async tags(): Promise<string[]> {
    const old = await this.older();
    if (old) return [...new Set(old.notes.flatMap((n) => n.tags))].sort();
    return (await this.db.notes.orderBy('tags').uniqueKeys()) as string[];
  }

  /**
   * Adds the notes whose id is not stored yet, all in ONE transaction: either all new notes are
   * written or (quota, any error) none is. Callers validate first (import.ts does).
   */
  async addMissing(
    incoming: readonly Note[],
    onProgress?: (done: number, total: number) => void,
    /** Already checked against NoteSchema (parseNotesFile does): not checked twice (0.5 s at 10,000). */
    validated = false,
  ): Promise<ImportResult> {
    await this.writable();
    if (!validated) for (const note of incoming) validate(note);
    return guardQuota(() =>
      this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.bulkGet(incoming.map((n) => n.id));
        const seen = new Set<string>();
        const fresh: NoteRecord[] = [];
        incoming.forEach((note, i) => {
          if (existing[i] || seen.has(note.id)) return;
          seen.add(note.id);
          fresh.push(toRecord(note));
        });
        // Still one transaction (all or nothing); written in slices only to report progress.
        for (let i = 0; i < fresh.length; i += IMPORT_SLICE) {
          await this.db.notes.bulkAdd(fresh.slice(i, i + IMPORT_SLICE));
          onProgress?.(Math.min(i + IMPORT_SLICE, fresh.length), fresh.length);
        }
        return { added: fresh.length, skipped: incoming.length - fresh.length };
      }),
    );
  }

  /** Deletes every note and the export record. */
  async wipe(): Promise<void> {
    await this.writable();
    await this.db.transaction('rw', this.db.notes, this.db.meta, async () => {
      await this.db.notes.clear();
      await this.db.meta.clear();
    });
  }

  /** ISO time of the last export, if any. */
  async lastExport(): Promise<string | undefined> {
    const old = await this.older();
    if (old) return old.lastExport;
    return (await this.db.meta.get('lastExport'))?.value;
  }

  async markExported(at: Date = this.now()): Promise<void> {
    if ((await this.newerVersion()) !== null) return; // a newer database is only read
    await guardQuota(() => this.db.meta.put({ key: 'lastExport', value: at.toISOString() }));
  }

  close(): void {
    this.db.close();
  }
}
