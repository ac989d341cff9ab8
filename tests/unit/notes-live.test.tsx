import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { mountRoot, unmountRoot, waitForIn } from './helpers/preact-root';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Note } from '../../notes/model';
import { STRINGS } from '../../i18n/strings';

// Guarantee 20 (unit half): views follow writes made elsewhere. The notes page refreshes when the
// background announces a change; an editor whose note changed or was deleted underneath it says so,
// keeps the reader's text, and Save is the last write (a deleted note comes back as a new one).
// The card's editor does the same from its notes prop. Guarantee 22: the persistence notice and
// guarantee 19's banner on the notes page.

const send = vi.hoisted(() => vi.fn());
const listeners = vi.hoisted(() => new Map<string, (m: { data: unknown }) => unknown>());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  sendMessage: send,
  onMessage: (type: string, fn: (m: { data: unknown }) => unknown) => {
    listeners.set(type, fn);
    return () => listeners.delete(type);
  },
}));
const { NotesPage } = await import('../../components/NotesPage');
const { CardNotes } = await import('../../components/card/CardNotes');
const { PersistNotice, persistNoticeItem } = await import('../../components/notes/PersistNotice');
const { watchNotesChanged, COALESCE_MS } = await import('../../components/notes/notes-changed');
const { ExportImport } = await import('../../components/notes/ExportImport');

const en = STRINGS.en;
const NOTE: Note = {
  id: '11111111-0000-4000-8000-000000000000',
  kind: 'entity',
  entityId: 'person/sergey-lavrov',
  body: 'first version',
  tags: [],
  color: 'yellow',
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
};

let store: Note[];
let health = { newerVersion: null as number | null, unreadable: 0 };
let root: HTMLElement;
const calls = (type: string) => send.mock.calls.filter(([t]) => t === type);

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  listeners.clear();
  store = [NOTE];
  health = { newerVersion: null, unreadable: 0 };
  send.mockImplementation(async (type: string, data: any) => {
    if (type === 'listNotes') return [...store];
    if (type === 'notesPage')
      return {
        notes: store.slice(0, data.limit),
        total: store.length,
        all: store.length,
        pinned: store.filter((n) => (data.ids ?? []).includes(n.id)),
      };
    if (type === 'notesFacets') return { entityIds: [], hosts: [], tags: [] };
    if (type === 'notesMeta') return { lastExport: null, tags: [] };
    if (type === 'notesHealth') return health;
    if (type === 'getEntities') return [];
    if (type === 'updateNote') {
      const i = store.findIndex((n) => n.id === data.id);
      if (i < 0) return null;
      store[i] = { ...store[i], ...data.patch, updated: '2026-01-03T00:00:00.000Z' };
      return store[i];
    }
    if (type === 'addNote') {
      const note = { ...data.note, id: '22222222-0000-4000-8000-000000000000', created: 'x', updated: 'x' };
      store.push(note);
      return note;
    }
    return undefined;
  });
  root = mountRoot();
});

afterEach(() => {
  unmountRoot(root);
  vi.useRealTimers();
});

const waitFor = <T,>(fn: () => T | Promise<T>, what?: string, timeout = 2000) => waitForIn(root, fn, what, timeout);

const button = (label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!;
const type = (el: HTMLTextAreaElement, text: string) => {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const conflict = () => root.querySelector('[data-testid="note-conflict"]')?.textContent ?? null;
/** What the background does after a write made elsewhere. */
const announce = (change: string, ids: string[]) =>
  act(() => void listeners.get('notesChanged')!({ data: { change, ids } }));

async function editOnNotesPage(draft: string) {
  act(() => render(<NotesPage />, root));
  await waitFor(() => root.querySelector('[data-testid="note-item"]'), 'the note');
  act(() => button(en.edit).click());
  act(() => type(root.querySelector('textarea')!, draft));
}

describe('notes page: writes made elsewhere', () => {
  it('refreshes the list when the background announces a change', async () => {
    act(() => render(<NotesPage />, root));
    await waitFor(() => root.textContent!.includes('first version'), 'the note');
    store = [{ ...NOTE, body: 'changed in another tab', updated: '2026-01-02T00:00:00.000Z' }];
    announce('updated', [NOTE.id]);
    await waitFor(() => root.textContent!.includes('changed in another tab'), 'the new text');
    expect(root.textContent).not.toContain('first version');
  });

  it('an editor whose note changed says so, keeps the draft, and Save is the last write', async () => {
    await editOnNotesPage('my unsaved words');
    expect(conflict()).toBeNull();
    store = [{ ...NOTE, body: 'other tab wrote this', updated: '2026-01-02T00:00:00.000Z' }];
    announce('updated', [NOTE.id]);
    await waitFor(() => conflict(), 'the conflict notice');
    expect(conflict()).toBe(en.changedElsewhere);
    expect(root.querySelector('textarea')!.value).toBe('my unsaved words');
    act(() => button(en.save).click());
    await waitFor(() => !root.querySelector('textarea'), 'the editor closes');
    expect(calls('updateNote').at(-1)![1]).toMatchObject({ id: NOTE.id, patch: { body: 'my unsaved words' } });
    expect(root.textContent).toContain('my unsaved words');
    expect(conflict()).toBeNull();
  });

  it('an editor whose note was deleted elsewhere stays, says so, and Save adds the text back', async () => {
    await editOnNotesPage('keep me');
    store = [];
    announce('deleted', [NOTE.id]);
    await waitFor(() => conflict(), 'the deleted notice');
    expect(conflict()).toBe(en.deletedElsewhere);
    expect(root.querySelector('textarea')!.value).toBe('keep me');
    act(() => button(en.save).click());
    await waitFor(() => calls('addNote').length === 1, 'the note added back');
    expect(calls('addNote')[0][1].note).toMatchObject({
      kind: 'entity',
      entityId: NOTE.entityId,
      body: 'keep me',
    });
    await waitFor(() => !root.querySelector('textarea'), 'the editor closes');
    expect(root.textContent).toContain('keep me');
  });

  it('says once, at the top, that the notes come from a newer version', async () => {
    health = { newerVersion: 5, unreadable: 2 };
    act(() => render(<NotesPage />, root));
    const banner = await waitFor(() => root.querySelector('[data-testid="newer-database"]'), 'the banner');
    expect(banner.textContent).toContain(en.newerDatabase);
    expect(banner.textContent).toContain('2');
  });
});

describe('watchNotesChanged', () => {
  it('coalesces a burst into one refresh and ignores malformed announcements', async () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const stop = watchNotesChanged(refresh);
    const fire = (data: unknown) => listeners.get('notesChanged')!({ data });
    fire({ change: 'added', ids: ['a'] });
    fire({ change: 'nonsense', ids: [] });
    fire({ change: 'updated', ids: 'not a list' });
    fire({ change: 'deleted', ids: ['b'] });
    vi.advanceTimersByTime(COALESCE_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh.mock.calls[0][0]).toEqual([
      { change: 'added', ids: ['a'] },
      { change: 'deleted', ids: ['b'] },
    ]);
    stop();
    expect(listeners.has('notesChanged')).toBe(false);
  });
});

describe('card notes: writes made elsewhere', () => {
  const card = { id: NOTE.id, body: 'first version', updated: NOTE.updated };
  const props = (notes: (typeof card)[], over: Record<string, unknown> = {}) => ({
    lang: 'en' as const,
    notes,
    onAdd: vi.fn(async () => {}),
    onEdit: vi.fn(async () => {}),
    onDelete: vi.fn(async () => {}),
    onUndo: vi.fn(async () => {}),
    ...over,
  });

  it('says a note changed underneath the editor, keeps the draft; Save edits it (last write wins)', async () => {
    const p = props([card]);
    act(() => render(<CardNotes {...p} />, root));
    act(() => button(en.edit).click());
    act(() => type(root.querySelector('textarea')!, 'card draft'));
    act(() => render(<CardNotes {...p} notes={[{ ...card, body: 'other', updated: '2026-01-02' }]} />, root));
    expect(conflict()).toBe(en.changedElsewhere);
    expect(root.querySelector('textarea')!.value).toBe('card draft');
    await act(async () => button(en.save).click());
    expect(p.onEdit).toHaveBeenCalledWith(NOTE.id, 'card draft');
  });

  it('keeps the editor of a note deleted elsewhere; Save adds the draft as a new note', async () => {
    const p = props([card]);
    act(() => render(<CardNotes {...p} />, root));
    act(() => button(en.edit).click());
    act(() => type(root.querySelector('textarea')!, 'survivor'));
    act(() => render(<CardNotes {...p} notes={[]} />, root));
    expect(conflict()).toBe(en.deletedElsewhere);
    expect(root.querySelector('textarea')!.value).toBe('survivor');
    await act(async () => button(en.save).click());
    expect(p.onAdd).toHaveBeenCalledWith('survivor');
    expect(p.onEdit).not.toHaveBeenCalled();
  });
});

describe('import progress', () => {
  it('shows a bar while the background writes, with how many of how many', async () => {
    let finish!: (r: unknown) => void;
    send.mockImplementation(async (type: string) =>
      type === 'importNotes' ? new Promise((r) => (finish = r)) : undefined,
    );
    act(() => render(<ExportImport lang="en" lastExport={null} onChanged={() => {}} />, root));
    const input = root.querySelector<HTMLInputElement>('[data-testid="notes-import"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'n.jsonld')], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    const bar = await waitFor(() => root.querySelector<HTMLProgressElement>('[data-testid="import-progress"]'), 'bar');
    expect(bar.hasAttribute('max')).toBe(false); // reading and checking the file: no amount yet
    act(() => void listeners.get('importProgress')!({ data: { done: 500, total: 10000 } }));
    const counted = root.querySelector<HTMLProgressElement>('[data-testid="import-progress"]')!;
    expect([counted.getAttribute('value'), counted.getAttribute('max')]).toEqual(['500', '10000']);
    expect(root.textContent).toContain('Importing: 500 of 10000');
    await act(async () => finish({ added: 10000, skipped: 0 }));
    await waitFor(() => !root.querySelector('[data-testid="import-progress"]'), 'bar gone');
    expect(root.textContent).toContain('Imported: 10000');
  });
});

describe('card of an entity with many notes', () => {
  it('shows the newest few at once and the rest on request', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `n${i}`, body: `note ${i}`, updated: NOTE.updated }));
    act(() =>
      render(
        <CardNotes lang="en" notes={many} onAdd={vi.fn()} onEdit={vi.fn()} onDelete={vi.fn()} onUndo={vi.fn()} />,
        root,
      ),
    );
    const shown = () => [...root.querySelectorAll('.hs-note-body')].map((el) => el.textContent);
    expect(shown()).toEqual(['note 0', 'note 1', 'note 2', 'note 3', 'note 4']);
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('495'))!;
    act(() => more.click());
    expect(shown()).toHaveLength(25);
  });
});

describe('persistence notice', () => {
  const nav = (granted: boolean) => ({
    storage: { persisted: vi.fn(async () => false), persist: vi.fn(async () => granted) },
  });

  it('says once what a refusal means; "Got it" is remembered', async () => {
    const refused = nav(false);
    act(() => render(<PersistNotice lang="en" className="x" nav={refused} />, root));
    const notice = await waitFor(() => root.querySelector('[data-testid="persist-notice"]'), 'the notice');
    expect(refused.storage.persist).toHaveBeenCalled();
    expect(notice.textContent).toContain(en.notPersisted);
    act(() => button(en.notedDismiss).click());
    expect(root.querySelector('[data-testid="persist-notice"]')).toBeNull();
    await waitFor(() => persistNoticeItem.getValue(), 'dismissal stored');
    act(() => render(null, root));
    act(() => render(<PersistNotice lang="ar" className="x" nav={nav(false)} />, root));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(root.querySelector('[data-testid="persist-notice"]')).toBeNull();
  });

  it('says nothing when the browser grants persistence', async () => {
    const granted = nav(true);
    act(() => render(<PersistNotice lang="en" className="x" nav={granted} />, root));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(granted.storage.persist).toHaveBeenCalled();
    expect(root.querySelector('[data-testid="persist-notice"]')).toBeNull();
  });
});
