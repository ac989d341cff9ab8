import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openNotesDb, type NotesDb } from '../../notes/db';
import { NoteStore } from '../../notes/store';
import type { Note } from '../../notes/model';
import { noteTerms } from '../../notes/search-terms';

// A version-1 database as the first release left it, written with raw IndexedDB (not with our Dexie
// code) so the fixture cannot drift along with the schema under test. Dexie stores version N as
// IndexedDB version N × 10 and names each index after its key path.
const V1_NOTES: Note[] = [
  {
    id: '6f1c2a3e-8b4d-4c5e-9f60-7a8b9c0d1e2f',
    kind: 'entity',
    entityId: 'person/sergey-lavrov',
    body: 'التقى بلينكن ولافروف في جنيف',
    tags: ['روسيا'],
    color: 'yellow',
    created: '2024-11-02T09:00:00.000Z',
    updated: '2024-11-02T09:00:00.000Z',
  },
  {
    id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
    kind: 'passage',
    target: {
      url: 'https://www.aljazeera.net/news/2024/11/3/geneva',
      title: 'محادثات جنيف',
      quote: { type: 'TextQuoteSelector', exact: 'قال لافْروف', prefix: 'في جنيف ', suffix: ' إن المحادثات' },
      position: { type: 'TextPositionSelector', start: 8, end: 19 },
    },
    body: 'Useful talks, no agreement',
    tags: [],
    color: 'green',
    created: '2024-11-03T09:00:00.000Z',
    updated: '2024-11-04T09:00:00.000Z',
  },
];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function createV1Fixture(name: string, notes: Note[]): Promise<void> {
  const open = indexedDB.open(name, 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    const store = db.createObjectStore('notes', { keyPath: 'id' });
    store.createIndex('kind', 'kind');
    store.createIndex('entityId', 'entityId');
    store.createIndex('target.url', 'target.url');
    store.createIndex('updated', 'updated');
    store.createIndex('tags', 'tags', { multiEntry: true });
    db.createObjectStore('meta', { keyPath: 'key' });
  };
  const db = await request(open);
  const tx = db.transaction(['notes', 'meta'], 'readwrite');
  for (const note of notes) tx.objectStore('notes').add(note);
  tx.objectStore('meta').add({ key: 'lastExport', value: '2024-12-01T00:00:00.000Z' });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const opened: NotesDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('notes schema migration', () => {
  it('upgrades a version-1 database to the current version: data intact, search terms filled (v2)', async () => {
    const name = 'notes-migration-v1';
    await createV1Fixture(name, V1_NOTES);

    const db = openNotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['entityId', 'kind', 'tags', 'target.url', 'updated'].sort(),
    );

    const records = await db.notes.orderBy('id').toArray();
    for (const record of records) {
      const { terms, ...note } = record;
      expect(note).toEqual(V1_NOTES.find((n) => n.id === record.id));
      expect(terms.length).toBeGreaterThan(0);
    }
    expect(records).toHaveLength(2);
    // Clitic-stripped, normalized terms were computed by the upgrade.
    expect(records.find((r) => r.kind === 'entity')!.terms).toEqual(expect.arrayContaining(['ولافروف', 'لافروف']));
    expect(records.find((r) => r.kind === 'passage')!.terms).toContain('لافروف');
    expect(await db.meta.get('lastExport')).toEqual({ key: 'lastExport', value: '2024-12-01T00:00:00.000Z' });

    // And the store works on the migrated data through the new index.
    const store = new NoteStore(db);
    const hits = await store.search('لافروف');
    expect(hits.map((h) => h.id).sort()).toEqual(V1_NOTES.map((n) => n.id).sort());
    expect(await store.listForEntity('person/sergey-lavrov')).toEqual([V1_NOTES[0]]);
    expect(await store.listAll()).toEqual([V1_NOTES[1], V1_NOTES[0]]);
  });

  it('upgrades a version-2 database to version 3: the terms index is dropped, records untouched', async () => {
    const name = 'notes-migration-v2';
    const rows = V1_NOTES.map((n) => ({ ...n, terms: noteTerms(n) }));
    const open = indexedDB.open(name, 20);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('notes', { keyPath: 'id' });
      for (const index of ['kind', 'entityId', 'target.url', 'updated']) store.createIndex(index, index);
      store.createIndex('tags', 'tags', { multiEntry: true });
      store.createIndex('terms', 'terms', { multiEntry: true });
      open.result.createObjectStore('meta', { keyPath: 'key' });
    };
    const raw = await request(open);
    const tx = raw.transaction('notes', 'readwrite');
    for (const row of rows) tx.objectStore('notes').add(row);
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
    raw.close();

    const db = openNotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    expect([...db.backendDB().transaction('notes').objectStore('notes').indexNames]).not.toContain('terms');
    expect(await db.notes.orderBy('id').toArray()).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const store = new NoteStore(db);
    expect((await store.search('لافروف')).map((n) => n.id).sort()).toEqual(V1_NOTES.map((n) => n.id).sort());
  });

  it('opens an empty new database straight at the current version', async () => {
    const db = openNotesDb('notes-migration-fresh');
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.notes.count()).toBe(0);
  });
});
