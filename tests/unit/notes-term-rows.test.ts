import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteStore } from '../../notes/store';
import { knownCount, matchingIds } from '../../notes/term-rows';
import { noteTerms, queryTerms } from '../../notes/search-terms';
import { generateNotes } from '../../bench/notes-fixture';

// The in-memory search rows follow the store's writes one note at a time (notes/write-log.ts): after
// any sequence of writes they answer exactly what reading every note again would, in the store's
// order, and count the notes; an import, a wipe or a failed write makes them read the database again.
let n = 0;
const stores: NoteStore[] = [];

function freshStore(): NoteStore {
  let t = Date.parse('2026-01-01T00:00:00.000Z');
  let tick = 0;
  // A clock that often repeats a time: ties on `updated` must keep the store's order (larger id first).
  const store = new NoteStore(`notes-term-rows-${++n}`, { now: () => new Date((t += tick++ % 3 ? 1000 : 0)) });
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.db.delete();
});

// `zz` is in every body the first test writes: its answer holds the notes written at the same time.
const QUERIES = ['لافروف', 'ل', 'agree', 'oil prices', 'الاتفاق', 'زنجبيل', 'a', 'zz'];

/** The rows answer what a fresh read of every note does: ids of the notes with every query term as
 *  a prefix of one of theirs, newest first; and they count the notes. */
async function expectCurrent(store: NoteStore, where: string) {
  const every = (await store.listAll()).map((note) => ({ id: note.id, terms: noteTerms(note) }));
  for (const query of QUERIES) {
    const terms = queryTerms(query);
    const expected = every.filter((x) => terms.every((q) => x.terms.some((t) => t.startsWith(q)))).map((x) => x.id);
    expect(await matchingIds(store, terms), `${where}: ${query}`).toEqual(expected);
  }
  expect(knownCount(store), where).toBe(every.length);
}

describe('search rows', () => {
  it('follow adds, edits, deletes and restores without reading every note again', async () => {
    const store = freshStore();
    await store.addMissing(generateNotes({ count: 150, busy: 15, seed: 5 }));
    await expectCurrent(store, 'built');
    const reads = vi.spyOn(store.db.notes, 'orderBy');
    let seed = 7;
    const rand = (k: number) => (seed = (seed * 48271) % 2147483647) % k;
    const bodies = ['zz الزنجبيل الطازج', 'zz we agree on oil prices', 'zz وقال لافروف', 'zz nothing here', 'zz'];
    for (let step = 0; step < 30; step++) {
      const all = await store.listAll();
      const pick = all[rand(all.length)];
      const op = rand(4);
      if (op === 0) await store.add({ kind: 'entity', entityId: 'person/x', body: bodies[rand(bodies.length)] });
      else if (op === 1) await store.update(pick.id, { body: bodies[rand(bodies.length)] });
      else if (op === 2) await store.update(pick.id, { body: 'zz', tags: ['لافروف'] });
      else {
        const removed = (await store.remove(pick.id))!;
        if (rand(2)) await store.restore(removed);
      }
      reads.mockClear();
      await expectCurrent(store, `step ${step} (op ${op})`);
      // The check reads every note once (listAll → orderBy); the rows themselves were not read again.
      expect(reads.mock.calls.length, `step ${step}`).toBe(1);
    }
  });

  it('stay right when writes land while they are being read', async () => {
    const store = freshStore();
    await store.addMissing(generateNotes({ count: 200, busy: 20, seed: 9 }));
    const victim = (await store.listAll())[3];
    const [ids] = await Promise.all([
      matchingIds(store, queryTerms('زنجبيل')),
      store.add({ kind: 'entity', entityId: 'person/x', body: 'زنجبيل أول' }),
      store.remove(victim.id),
      store.update((await store.listAll())[10].id, { body: 'زنجبيل ثان' }),
    ]);
    expect(ids.length).toBeLessThanOrEqual(2); // whichever writes the first read saw
    await expectCurrent(store, 'after the overlapping writes');
  });

  it('are read again after an import, a wipe or a failed write', async () => {
    const store = freshStore();
    await store.addMissing(generateNotes({ count: 100, busy: 10, seed: 3 }));
    await expectCurrent(store, 'built');
    await store.addMissing(generateNotes({ count: 150, busy: 10, seed: 4 }));
    await expectCurrent(store, 'after an import');
    await expect(
      store.add({ kind: 'entity', entityId: 'person/x', body: 'x', color: 'nope' as never }),
    ).rejects.toThrow();
    await expectCurrent(store, 'after a refused write');
    await store.wipe();
    await expectCurrent(store, 'after a wipe');
    expect(knownCount(store)).toBe(0);
  });
});
