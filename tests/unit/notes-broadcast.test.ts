// Guarantee 20 (background half): every notes write is announced to the open views — extension
// pages through runtime messaging and every tab's content script — and nothing is announced for a
// read or a refused write. Views that are not listening never make a write fail.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoteStore } from '../../notes/store';
import { toWebAnnotation } from '../../notes/export';
import type { Note } from '../../notes/model';
import { handlers } from './helpers/protocol-mock';

const send = vi.hoisted(() => vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined));
vi.mock('../../messaging/protocol', async () =>
  (await import('./helpers/protocol-mock')).protocolMock({ sendMessage: send, MAX_ENTITY_IDS: 5000 }),
);

const ID = 'test-extension-id';
const PAGE = `chrome-extension://${ID}/notes.html`;
const sender = { id: ID, url: PAGE };
const call = (type: string, data: unknown) => Promise.resolve().then(() => handlers.get(type)!({ data, sender }));
const announced = () => send.mock.calls.filter(([type]) => type === 'notesChanged');
/** Announcements are sent without waiting for the views: let them go out. */
const settle = () => new Promise((r) => setTimeout(r, 20));

let tabIds: number[];

beforeAll(async () => {
  const { registerNoteHandlers } = await import('../../background/notes-handlers');
  registerNoteHandlers();
});

beforeEach(async () => {
  fakeBrowser.reset();
  await new NoteStore().wipe();
  for (const url of ['https://a.example/', 'https://b.example/']) await fakeBrowser.tabs.create({ url });
  tabIds = (await fakeBrowser.tabs.query({})).map((t) => t.id!);
  expect(tabIds.length).toBeGreaterThanOrEqual(2);
  send.mockReset();
  // No view listening anywhere: the extension pages' message and the tabs' messages all fail.
  send.mockImplementation(async (type: unknown) => {
    if (type === 'notesChanged') throw new Error('Could not establish connection. Receiving end does not exist.');
  });
});

describe('notes write announcements', () => {
  it('announce each write, to extension pages and to every tab, even with nobody listening', async () => {
    const note = (await call('addNote', {
      url: PAGE,
      note: { kind: 'entity', entityId: 'person/sergey-lavrov', body: 'one' },
    })) as Note;
    await settle();
    const change = { change: 'added', ids: [note.id] };
    expect(announced()).toEqual([['notesChanged', change], ...tabIds.map((id) => ['notesChanged', change, id])]);

    const steps: [string, unknown, unknown][] = [
      ['updateNote', { url: PAGE, id: note.id, patch: { body: 'two' } }, { change: 'updated', ids: [note.id] }],
      ['deleteNote', { url: PAGE, id: note.id }, { change: 'deleted', ids: [note.id] }],
      ['restoreNote', { url: PAGE, note }, { change: 'restored', ids: [note.id] }],
      ['wipeNotes', undefined, { change: 'bulk', ids: [] }],
      [
        'importNotes',
        { text: JSON.stringify(toWebAnnotation([note], '2026-01-01T00:00:00.000Z')) },
        { change: 'bulk', ids: [] },
      ],
    ];
    for (const [type, data, expected] of steps) {
      send.mockClear();
      await call(type, data);
      await settle();
      expect(announced()[0], type).toEqual(['notesChanged', expected]);
      expect(announced(), type).toHaveLength(1 + tabIds.length);
    }
  });

  it('announce nothing for reads and refused or empty writes', async () => {
    await call('listNotes', {});
    await call('notesMeta', undefined);
    await expect(call('addNote', { url: PAGE, note: { kind: 'entity', entityId: '', body: 1 } })).rejects.toThrow();
    await expect(call('updateNote', { url: PAGE, id: 'missing', patch: { body: 'x' } })).rejects.toThrow();
    expect(await call('deleteNote', { url: PAGE, id: 'missing' })).toBeNull();
    expect(await call('importNotes', { text: '[]' })).toEqual({ added: 0, skipped: 0 });
    await settle();
    expect(announced()).toEqual([]);
  });
});
