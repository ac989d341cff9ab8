import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { describe as describeText } from '../../anchoring/selectors';
import { isQuotaError, InvalidNoteError, NoteStore, persist, StorageFullError } from '../../notes/store';
import type { PassageNote, NewNote, PassageTarget } from '../../notes/model';

let n = 0;
const stores: NoteStore[] = [];

/** A fresh database per test, with a clock that ticks one second per call. */
function freshStore(): NoteStore {
  let t = Date.parse('2025-03-01T10:00:00.000Z');
  const store = new NoteStore(`notes-store-test-${++n}`, { now: () => new Date((t += 1000)) });
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.db.delete();
});

const PAGE = 'قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت مفيدة.';

function passageTarget(
  url = 'https://www.aljazeera.net/news/2025/3/1/lavrov',
  passage = 'سيرغي لافروف',
): PassageTarget {
  const start = PAGE.indexOf(passage);
  const { quote, position } = describeText(PAGE, start, start + passage.length);
  return { url, title: 'لافروف: المحادثات مفيدة', quote, position };
}

const entityNote = (body: string, extra: Partial<NewNote> = {}): NewNote =>
  ({ kind: 'entity', entityId: 'person/sergey-lavrov', body, ...extra }) as NewNote;

describe('NoteStore CRUD and undo', () => {
  it('adds, gets, updates, removes and restores', async () => {
    const store = freshStore();
    const note = await store.add({
      kind: 'passage',
      target: passageTarget(),
      body: 'مهم',
      tags: [' روسيا ', 'روسيا', ''],
    });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.tags).toEqual(['روسيا']);
    expect(note.color).toBe('yellow');
    expect(note.created).toBe(note.updated);
    expect(await store.get(note.id)).toEqual(note);
    expect(await store.get(note.id)).not.toHaveProperty('terms');

    const updated = await store.update(note.id, { body: 'مهم جدا', color: 'green' });
    expect(updated).toMatchObject({ id: note.id, body: 'مهم جدا', color: 'green', created: note.created });
    expect(updated!.updated > note.updated).toBe(true);
    expect(await store.get(note.id)).toEqual(updated);
    expect(await store.update('00000000-0000-4000-8000-000000000000', { body: 'x' })).toBeUndefined();

    // Re-anchoring stores moved selectors without making the note look edited.
    const original = (updated as PassageNote).target;
    const moved = {
      ...original,
      position: { ...original.position, start: original.position.start + 5, end: original.position.end + 5 },
    };
    const reanchored = (await store.update(note.id, { target: moved })) as PassageNote;
    expect(reanchored.updated).toBe(updated!.updated);
    expect(reanchored.target.position.start).toBe(moved.position.start);
    await store.update(note.id, { target: original });

    const removed = await store.remove(note.id);
    expect(removed).toEqual(updated);
    expect(await store.get(note.id)).toBeUndefined();
    expect(await store.remove(note.id)).toBeUndefined();

    await store.restore(removed!);
    expect(await store.get(note.id)).toEqual(updated);
    expect(await store.search('جدا')).toEqual([updated]); // terms restored too
  });

  it('stores the page URL without its fragment and lists per page and per entity, newest first', async () => {
    const store = freshStore();
    const a = await store.add({ kind: 'passage', target: passageTarget('https://example.com/a#comments'), body: 'a' });
    const b = await store.add({ kind: 'passage', target: passageTarget('https://example.com/a'), body: 'b' });
    await store.add({ kind: 'passage', target: passageTarget('https://example.com/b'), body: 'c' });
    const e1 = await store.add(entityNote('one'));
    const e2 = await store.add(entityNote('two'));
    await store.add({ kind: 'entity', entityId: 'person/antony-blinken', body: 'other' });
    expect(a.kind === 'passage' && a.target.url).toBe('https://example.com/a');
    expect(await store.listForUrl('https://example.com/a#top')).toEqual([b, a]);
    expect(await store.listForEntity('person/sergey-lavrov')).toEqual([e2, e1]);
    const all = await store.listAll();
    expect(all).toHaveLength(6);
    expect(all.map((x) => x.updated)).toEqual([...all.map((x) => x.updated)].sort().reverse());
    await store.update(a.id, { body: 'a2' });
    expect((await store.listAll())[0].id).toBe(a.id);
  });

  it('rejects invalid notes with a message naming the field', async () => {
    const store = freshStore();
    await expect(store.add(entityNote('x', { color: 'red' as never }))).rejects.toThrow(InvalidNoteError);
    await expect(store.add(entityNote('x', { color: 'red' as never }))).rejects.toThrow(/color must be one of/);
    await expect(
      store.add({ kind: 'passage', target: { ...passageTarget(), url: 'javascript:alert(1)' }, body: '' }),
    ).rejects.toThrow(/target\.url must be a web page URL/);
    await expect(store.add(entityNote('x'.repeat(20_001)))).rejects.toThrow(/body must be at most/);
    const e = await store.add(entityNote('ok'));
    await expect(store.update(e.id, { target: passageTarget() })).rejects.toThrow(/only passage notes/);
    expect(await store.listAll()).toEqual([e]);
  });

  it('wipe deletes everything, including the export record', async () => {
    const store = freshStore();
    await store.add(entityNote('x'));
    await store.markExported(new Date('2025-01-01T00:00:00Z'));
    expect(await store.lastExport()).toBe('2025-01-01T00:00:00.000Z');
    await store.wipe();
    expect(await store.listAll()).toEqual([]);
    expect(await store.lastExport()).toBeUndefined();
  });
});

describe('search', () => {
  it('finds لافروف in a note saying ولافروف and in one saying لافْروف', async () => {
    const store = freshStore();
    const withClitic = await store.add(entityNote('التقى بلينكن ولافروف في جنيف'));
    const withSukun = await store.add(entityNote('تصريح لافْروف عن الممر'));
    const other = await store.add(entityNote('بلينكن وحده'));
    const hits = await store.search('لافروف');
    expect(hits.map((h) => h.id).sort()).toEqual([withClitic.id, withSukun.id].sort());
    expect(hits).not.toContainEqual(other);
    // The query is normalized too: diacritics, tatweel and alef variants in it do not matter.
    expect((await store.search('لافْــروف')).map((h) => h.id).sort()).toEqual([withClitic.id, withSukun.id].sort());
  });

  it('ANDs the query terms, each a prefix, and searches tags, quotes and titles', async () => {
    const store = freshStore();
    const p = await store.add({
      kind: 'passage',
      target: passageTarget(),
      body: 'Talks were useful',
      tags: ['Geneva'],
    });
    const q = await store.add(entityNote('Talks failed'));
    expect((await store.search('talk')).map((x) => x.id).sort()).toEqual([p.id, q.id].sort());
    expect(await store.search('talks useful')).toEqual([p]);
    expect(await store.search('talks useful nowhere')).toEqual([]);
    expect(await store.search('genev')).toEqual([p]); // tag
    expect(await store.search('سيرغي')).toEqual([p]); // the quoted passage
    expect(await store.search('المحادثات مفيدة')).toEqual([p]); // the page title
    expect(await store.search('lavrov')).toEqual([q]); // the entity id's slug
    expect(await store.search('  ')).toHaveLength(2); // empty query: everything
  });
});

describe('filters', () => {
  it('filters by entity, site host, tag and color, alone and combined', async () => {
    const store = freshStore();
    const jz = await store.add({
      kind: 'passage',
      target: passageTarget('https://www.aljazeera.net/news/1'),
      body: 'روسيا',
      tags: ['روسيا', 'دبلوماسية'],
      color: 'blue',
    });
    const bbc = await store.add({
      kind: 'passage',
      target: passageTarget('https://www.bbc.com/arabic/2'),
      body: 'روسيا أيضا',
      tags: ['روسيا'],
    });
    const ent = await store.add(entityNote('لافروف', { tags: ['دبلوماسية'], color: 'blue' }));

    expect(await store.list({ entityId: 'person/sergey-lavrov' })).toEqual([ent]);
    expect(await store.list({ host: 'aljazeera.net' })).toEqual([jz]);
    expect(await store.list({ host: 'www.BBC.com' })).toEqual([bbc]);
    expect(await store.list({ tag: 'روسيا' })).toEqual([bbc, jz]);
    expect(await store.list({ tag: 'دبلوماسية' })).toEqual([ent, jz]);
    expect(await store.list({ color: 'blue' })).toEqual([ent, jz]);
    expect(await store.list({ kind: 'passage', color: 'blue' })).toEqual([jz]);
    expect(await store.list({ tag: 'دبلوماسية', host: 'aljazeera.net' })).toEqual([jz]);
    expect(await store.search('روسيا', { host: 'bbc.com' })).toEqual([bbc]);
    expect(await store.search('روسيا', { color: 'blue' })).toEqual([jz]);
    expect(await store.tags()).toEqual(['دبلوماسية', 'روسيا'].sort());
  });
});

describe('quota', () => {
  const cases: Array<[string, () => Error]> = [
    ['Dexie.QuotaExceededError', () => new Dexie.QuotaExceededError('quota exceeded')],
    ['DOMException QuotaExceededError', () => new DOMException('quota', 'QuotaExceededError')],
    [
      'AbortError with the quota error inside',
      () => new Dexie.AbortError('aborted', new DOMException('q', 'QuotaExceededError')),
    ],
  ];

  for (const [name, make] of cases) {
    it(`surfaces ${name} as StorageFullError, stores nothing, leaves the draft alone`, async () => {
      const store = freshStore();
      const kept = await store.add(entityNote('already here'));
      vi.spyOn(store.db.notes, 'add').mockRejectedValueOnce(make());
      const draft = entityNote('my long draft', { tags: ['t'] });
      const copy = structuredClone(draft);
      const error = await store.add(draft).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageFullError);
      expect((error as Error).message).toMatch(/storage is full.*not saved/i);
      expect((error as Error).name).toBe('StorageFullError');
      expect(draft).toEqual(copy);
      expect(await store.listAll()).toEqual([kept]);
      // The caller can retry the same draft once space is free.
      const saved = await store.add(draft);
      expect(saved.body).toBe('my long draft');
    });
  }

  it('leaves other errors as they are', async () => {
    expect(isQuotaError(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError({ failures: [new DOMException('q', 'QuotaExceededError')] })).toBe(true);
  });
});

describe('persist', () => {
  it('asks navigator.storage.persist when available', async () => {
    const persistFn = vi.fn(async () => true);
    expect(await persist({ storage: { persist: persistFn, persisted: async () => false } })).toBe(true);
    expect(persistFn).toHaveBeenCalledOnce();
    expect(await persist({ storage: { persist: persistFn, persisted: async () => true } })).toBe(true);
    expect(persistFn).toHaveBeenCalledOnce();
    expect(await persist({})).toBe(false);
    expect(await persist({ storage: undefined })).toBe(false);
    expect(await persist({ storage: { persist: async () => Promise.reject(new Error('no')) } })).toBe(false);
  });
});
