import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteStore } from '../../notes/store';
import { notesFacets, notesPage } from '../../notes/paging';
import { hostOf, type Note } from '../../notes/model';
import { generateNotes } from '../../bench/notes-fixture';

// The notes page's paged list (guarantee 23's data path) gives exactly the store's full answer, cut:
// same order (newest first, ties by id), same matches, right counts; pinned notes by id; filter
// choices from index keys equal to those derived from every note.
let store: NoteStore;
let notes: Note[];

beforeAll(async () => {
  store = new NoteStore(`notes-paging-${Date.now()}`);
  notes = generateNotes({ count: 800, busy: 100, seed: 11 });
  // Ties on `updated`: the order must still be the store's.
  for (let i = 0; i < 30; i++) notes[i] = { ...notes[i], updated: '2025-06-01T00:00:00.000Z' };
  await store.addMissing(notes);
});

afterAll(async () => {
  await store.db.delete();
});

describe('notes page paging', () => {
  it('lists the newest notes first, cut at the limit, with the counts', async () => {
    const every = await store.listAll();
    for (const limit of [1, 50, 799, 800, 5000]) {
      const page = await notesPage(store, { limit });
      expect(page.notes).toEqual(every.slice(0, limit));
      expect(page.total).toBe(800);
      expect(page.all).toBe(800);
    }
  });

  it('searches (Arabic-aware) exactly as the store does, then cuts', async () => {
    for (const query of ['لافروف', 'ل', 'agree', 'oil prices', 'الاتفاق', 'nothing-matches-this']) {
      const full = await store.search(query);
      const page = await notesPage(store, { query, limit: 40 });
      expect(page.notes, query).toEqual(full.slice(0, 40));
      expect(page.total, query).toBe(full.length);
    }
    expect((await notesPage(store, { query: 'لافروف', limit: 40 })).total).toBeGreaterThan(40);
  });

  it('sees every write at the next keystroke (the in-memory term list is rebuilt)', async () => {
    const before = await notesPage(store, { query: 'زنجبيل', limit: 10 });
    expect(before.total).toBe(0);
    const added = await store.add({ kind: 'entity', entityId: 'person/x', body: 'الزنجبيل الطازج' });
    expect((await notesPage(store, { query: 'زنجبيل', limit: 10 })).notes).toEqual([added]);
    await store.update(added.id, { body: 'no longer' });
    expect((await notesPage(store, { query: 'زنجبيل', limit: 10 })).total).toBe(0);
    await store.remove(added.id);
    expect((await notesPage(store, { limit: 1 })).all).toBe(800);
  });

  it('applies filters as the store does', async () => {
    const filters = [{ color: 'blue' as const }, { kind: 'passage' as const }, { entityId: 'person/sergey-lavrov' }];
    for (const filter of filters) {
      const full = await store.search('الاتفاق', filter);
      const page = await notesPage(store, { query: 'الاتفاق', filter, limit: 10 });
      expect(page.notes).toEqual(full.slice(0, 10));
      expect(page.total).toBe(full.length);
    }
  });

  it('returns the current versions of the notes asked for by id; a missing one is absent', async () => {
    const page = await notesPage(store, { limit: 1, ids: [notes[5].id, '00000000-0000-4000-8000-000000000000'] });
    expect(page.pinned).toEqual([await store.get(notes[5].id)]);
  });

  it('gives the filter choices of every note', async () => {
    const every = await store.listAll();
    const facets = await notesFacets(store);
    expect(facets.entityIds).toEqual(
      [...new Set(every.flatMap((n) => (n.kind === 'entity' ? [n.entityId] : [])))].sort(),
    );
    expect(facets.hosts).toEqual(
      [...new Set(every.flatMap((n) => (n.kind === 'passage' ? [hostOf(n.target.url)] : [])))].sort(),
    );
    expect(facets.tags).toEqual([...new Set(every.flatMap((n) => n.tags))].sort());
  });

  it('gives filter choices that follow writes (kept only until the next one)', async () => {
    expect((await notesFacets(store)).entityIds).not.toContain('person/zz-new');
    const added = await store.add({ kind: 'entity', entityId: 'person/zz-new', body: 'x', tags: ['zz-tag'] });
    const after = await notesFacets(store);
    expect(after.entityIds).toContain('person/zz-new');
    expect(after.tags).toContain('zz-tag');
    await store.remove(added.id);
    const gone = await notesFacets(store);
    expect(gone.entityIds).not.toContain('person/zz-new');
    expect(gone.tags).not.toContain('zz-tag');
  });
});
