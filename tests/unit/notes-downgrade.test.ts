import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../notes/db';
import { NewerDatabaseError, NoteStore } from '../../notes/store';
import { exportNotes } from '../../notes/export';
import { importNotes } from '../../notes/import';
import type { Note } from '../../notes/model';

// Guarantee 19: a notes database written by a newer Hashiya (Dexie version 5 = IndexedDB 50) is
// opened by this version without being wiped or changed; it can be listed, searched and exported,
// and every write is refused with a message that says why. The fixture is written with raw
// IndexedDB, with a store, an index and note fields this version has never heard of.

const NEWER = 5;
const ENTITY: Note = {
  id: '11111111-2222-4333-8444-555555555555',
  kind: 'entity',
  entityId: 'person/sergey-lavrov',
  body: 'ولافروف في جنيف',
  tags: ['روسيا'],
  color: 'blue',
  created: '2030-01-01T00:00:00.000Z',
  updated: '2030-01-02T00:00:00.000Z',
};
const PASSAGE: Note = {
  id: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  kind: 'passage',
  target: {
    url: 'https://example.com/geneva',
    title: 'Geneva talks',
    quote: { type: 'TextQuoteSelector', exact: 'talks ended', prefix: 'the ', suffix: ' late' },
    position: { type: 'TextPositionSelector', start: 4, end: 15 },
  },
  body: 'No agreement yet',
  tags: [],
  color: 'green',
  created: '2030-01-03T00:00:00.000Z',
  updated: '2030-01-03T00:00:00.000Z',
};
// What the newer release stores: extra fields on known notes, and a kind this version cannot read.
const ROWS = [
  { ...ENTITY, folderId: 'f1', terms: ['x'], revision: 3 },
  { ...PASSAGE, target: { ...PASSAGE.target, frame: 'main' }, folderId: 'f1', revision: 1 },
  { id: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff', kind: 'drawing', strokes: [[1, 2]], updated: '2030-01-04T00:00:00Z' },
];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function createNewerFixture(name: string): Promise<void> {
  const open = indexedDB.open(name, NEWER * 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('updated', 'updated');
    notes.createIndex('folderId', 'folderId'); // no `terms`, `kind`, `tags` indexes any more
    db.createObjectStore('folders', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  };
  const db = await request(open);
  const tx = db.transaction(['notes', 'folders', 'meta'], 'readwrite');
  for (const row of ROWS) tx.objectStore('notes').add(row);
  tx.objectStore('folders').add({ id: 'f1', name: 'Geneva' });
  tx.objectStore('meta').add({ key: 'lastExport', value: '2030-01-05T00:00:00.000Z' });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** The whole database, read raw: version, stores, indexes and rows. */
async function snapshot(name: string) {
  const db = await request(indexedDB.open(name));
  const stores = [...db.objectStoreNames].sort();
  const tx = db.transaction(stores, 'readonly');
  const out: Record<string, unknown> = { version: db.version, stores };
  for (const s of stores) {
    out[`${s}.indexes`] = [...tx.objectStore(s).indexNames].sort();
    out[`${s}.rows`] = await request(tx.objectStore(s).getAll());
  }
  db.close();
  return out;
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await request(indexedDB.deleteDatabase(name) as unknown as IDBRequest<unknown>);
});

async function newerStore(): Promise<{ store: NoteStore; name: string }> {
  const name = `notes-newer-${names.length}-${Date.now()}`;
  names.push(name);
  await createNewerFixture(name);
  return { store: new NoteStore(name), name };
}

describe('a database from a newer version (downgrade)', () => {
  it('reports the newer version and how many rows it cannot read', async () => {
    const { store } = await newerStore();
    expect(NEWER).toBeGreaterThan(CURRENT_VERSION);
    expect(await store.health()).toEqual({ newerVersion: NEWER, unreadable: 1 });
  });

  it('lists, filters and searches what it can read (Arabic-aware), newest first', async () => {
    const { store } = await newerStore();
    expect(await store.listAll()).toEqual([PASSAGE, ENTITY]);
    expect(await store.list({ kind: 'entity' })).toEqual([ENTITY]);
    expect(await store.listForEntity('person/sergey-lavrov')).toEqual([ENTITY]);
    expect(await store.listForUrl('https://example.com/geneva#top')).toEqual([PASSAGE]);
    expect(await store.search('لافروف')).toEqual([ENTITY]);
    expect(await store.search('agree')).toEqual([PASSAGE]);
    expect(await store.get(ENTITY.id)).toEqual(ENTITY);
    expect(await store.tags()).toEqual(['روسيا']);
    expect(await store.lastExport()).toBe('2030-01-05T00:00:00.000Z');
  });

  it('exports what it can read, and the export imports losslessly elsewhere', async () => {
    const { store } = await newerStore();
    const file = await exportNotes(store, 'jsonld');
    const fresh = new NoteStore(`notes-newer-import-${Date.now()}`);
    names.push(fresh.db.name);
    expect(await importNotes(fresh, file.text)).toEqual({ added: 2, skipped: 0 });
    expect(await fresh.listAll()).toEqual([PASSAGE, ENTITY]);
    fresh.close();
    expect((await exportNotes(store, 'csv')).text).toContain('No agreement yet');
  });

  it('refuses every write with a clear message, and leaves the database exactly as it was', async () => {
    const { store, name } = await newerStore();
    const before = await snapshot(name);
    const writes: Array<() => Promise<unknown>> = [
      () => store.add({ kind: 'entity', entityId: 'person/x', body: 'new' }),
      () => store.update(ENTITY.id, { body: 'changed' }),
      () => store.remove(ENTITY.id),
      () => store.restore(ENTITY),
      () => store.addMissing([{ ...ENTITY, id: '12345678-1234-4234-8234-123456789012' }]),
      () => store.wipe(),
    ];
    for (const write of writes) {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NewerDatabaseError);
      expect((error as Error).name).toBe('NewerDatabaseError');
      expect((error as Error).message).toMatch(/newer version of Hashiya.*export/);
    }
    await exportNotes(store, 'markdown'); // would record the export time in a database of ours
    store.close();
    expect(await snapshot(name)).toEqual(before);
    expect(before.version).toBe(NEWER * 10);
    expect((before['notes.rows'] as unknown[]).length).toBe(3);
  });

  it('a database of our own version is not treated as newer', async () => {
    const store = new NoteStore(`notes-not-newer-${Date.now()}`);
    names.push(store.db.name);
    const note = await store.add({ kind: 'entity', entityId: 'person/x', body: 'mine' });
    store.close();
    const again = new NoteStore(store.db.name);
    expect(await again.health()).toEqual({ newerVersion: null, unreadable: 0 });
    expect(await again.update(note.id, { body: 'edited' })).toMatchObject({ body: 'edited' });
    again.close();
  });
});
