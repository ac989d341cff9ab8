import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { mountRoot, unmountRoot, waitForIn } from './helpers/preact-root';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Note } from '../../notes/model';
import { updateSettings } from '../../settings/settings';
import { STRINGS } from '../../i18n/strings';

// The notes page against a mocked background: order, search, import that is refused, export that
// downloads, delete with undo, Arabic RTL. The mock keeps an in-memory store so writes have effects.

const send = vi.hoisted(() => vi.fn());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  sendMessage: send,
}));
const { NotesPage } = await import('../../components/NotesPage');

const ID = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-000000000000`;

function passage(n: number, updated: string, body: string, url = 'https://www.bbc.com/arabic/world-1'): Note {
  return {
    id: ID(n),
    kind: 'passage',
    body,
    tags: [],
    color: 'yellow',
    created: updated,
    updated,
    target: {
      url,
      title: `Article ${n}`,
      quote: { type: 'TextQuoteSelector', exact: `quoted passage ${n}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 10, end: 26 },
    },
  };
}

const ENTITY_NOTE: Note = {
  id: ID(3),
  kind: 'entity',
  entityId: 'person/sergey-lavrov',
  body: 'قال ولافروف إن المحادثات مستمرة',
  tags: ['diplomacy'],
  color: 'blue',
  created: '2026-01-03T09:00:00.000Z',
  updated: '2026-01-03T09:00:00.000Z',
};

let store: Note[];
let lastExport: string | null;
let root: HTMLElement;
const calls = (type: string) => send.mock.calls.filter(([t]) => t === type);
const WRITES = ['addNote', 'updateNote', 'deleteNote', 'restoreNote', 'wipeNotes'];

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  // Deliberately not in order: the page must show newest first.
  store = [
    passage(1, '2026-01-01T08:00:00.000Z', 'oldest note'),
    ENTITY_NOTE,
    passage(2, '2026-01-02T08:00:00.000Z', 'middle note', 'https://www.aljazeera.net/news/2'),
  ];
  lastExport = '2026-01-01T12:00:00.000Z';
  send.mockImplementation(async (type: string, data: any) => {
    switch (type) {
      case 'listNotes': {
        let list = [...store];
        if (data?.query) list = list.filter((n) => data.query === 'لافروف' && n.body.includes('لافروف'));
        if (data?.filter?.color) list = list.filter((n) => n.color === data.filter.color);
        return list;
      }
      case 'notesPage': {
        // What the background's paging does (notes/paging.ts, tested on its own): newest first, cut.
        let list = [...store].sort((a, b) => (a.updated < b.updated ? 1 : -1));
        if (data?.query) list = list.filter((n) => data.query === 'لافروف' && n.body.includes('لافروف'));
        if (data?.filter?.color) list = list.filter((n) => n.color === data.filter.color);
        const pinned = store.filter((n) => (data.ids ?? []).includes(n.id));
        return { notes: list.slice(0, data.limit), total: list.length, all: store.length, pinned };
      }
      case 'notesFacets':
        return {
          entityIds: [...new Set(store.flatMap((n) => (n.kind === 'entity' ? [n.entityId] : [])))],
          hosts: [...new Set(store.flatMap((n) => (n.kind === 'passage' ? [new URL(n.target.url).hostname] : [])))],
          tags: ['diplomacy'],
        };
      case 'notesMeta':
        return { lastExport, tags: ['diplomacy'] };
      case 'getEntities':
        return (data.ids as string[]).includes('person/sergey-lavrov')
          ? [{ id: 'person/sergey-lavrov', type: 'person', names: { en: 'Sergey Lavrov', ar: 'سيرغي لافروف' } }]
          : [];
      case 'deleteNote': {
        const note = store.find((n) => n.id === data.id) ?? null;
        store = store.filter((n) => n.id !== data.id);
        return note;
      }
      case 'restoreNote':
        store.push(data.note);
        return undefined;
      case 'exportNotes':
        lastExport = '2026-02-03T04:05:06.000Z';
        return {
          filename: 'hashiya-notes-2026-02-03.csv',
          mimeType: 'text/csv',
          text: '\uFEFFid,kind\r\nx,entity\r\n',
        };
      case 'importNotes':
        throw new Error('item 2: body[0].value must be a string.');
      default:
        return undefined;
    }
  });
  root = mountRoot();
});

afterEach(() => {
  unmountRoot(root);
  vi.restoreAllMocks();
});

const waitFor = <T,>(fn: () => T | Promise<T>, what?: string, timeout = 2000) => waitForIn(root, fn, what, timeout);

const items = () => [...root.querySelectorAll<HTMLElement>('[data-testid="note-item"]')];
const ids = () => items().map((el) => el.dataset.noteId);

async function mount() {
  act(() => render(<NotesPage />, root));
  await waitFor(() => items().length === 3, 'three notes');
}

describe('notes page', () => {
  it('lists all notes newest first, with entity names and the last export', async () => {
    await mount();
    expect(ids()).toEqual([ID(3), ID(2), ID(1)]);
    await waitFor(() => items()[0].textContent!.includes('Sergey Lavrov'), 'entity name');
    expect(items()[1].textContent).toContain('quoted passage 2');
    expect(items()[1].querySelector('a')!.getAttribute('href')).toBe('https://www.aljazeera.net/news/2');
    expect(root.querySelector('[data-testid="last-export"]')!.textContent).toContain('Last export:');
    expect(document.documentElement.dir).toBe('ltr');
    // Everything is text: a body that looks like markup stays text.
    expect(root.querySelector('script, img')).toBeNull();
  });

  it('sends the search query to the background and shows what it finds', async () => {
    await mount();
    const search = root.querySelector<HTMLInputElement>('[data-testid="notes-search"]')!;
    act(() => {
      search.value = 'لافروف';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor(() => calls('notesPage').some(([, d]) => d.query === 'لافروف'), 'search request');
    expect(calls('notesPage').find(([, d]) => d.query === 'لافروف')![1]).toEqual({
      query: 'لافروف',
      filter: {},
      limit: 50,
      ids: [],
    });
    await waitFor(() => items().length === 1, 'one result');
    expect(ids()).toEqual([ID(3)]);
  });

  it('a rejected import shows why and changes nothing else', async () => {
    await mount();
    const before = items().map((el) => el.textContent);
    const lastExportText = root.querySelector('[data-testid="last-export"]')!.textContent;
    const listCalls = calls('notesPage').length;
    const input = root.querySelector<HTMLInputElement>('[data-testid="notes-import"]')!;
    const file = new File(['{"type":"AnnotationCollection"}'], 'notes.jsonld', { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));

    const error = await waitFor(() => root.querySelector('[data-testid="notes-error"]'), 'import error');
    expect(error.textContent).toContain(STRINGS.en.importFailed);
    expect(error.textContent).toContain('item 2: body[0].value must be a string.');
    expect(calls('importNotes')).toEqual([['importNotes', { text: '{"type":"AnnotationCollection"}' }]]);
    expect(items().map((el) => el.textContent)).toEqual(before);
    expect(root.querySelector('[data-testid="last-export"]')!.textContent).toBe(lastExportText);
    expect(calls('notesPage').length).toBe(listCalls);
    for (const w of WRITES) expect(calls(w)).toEqual([]);
  });

  it('refuses a file over 64 MiB before reading it', async () => {
    await mount();
    const input = root.querySelector<HTMLInputElement>('[data-testid="notes-import"]')!;
    const file = new File(['{}'], 'huge.jsonld');
    Object.defineProperty(file, 'size', { value: 64 * 1024 * 1024 + 1 });
    const read = vi.spyOn(file, 'text');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    const error = await waitFor(() => root.querySelector('[data-testid="notes-error"]'), 'size error');
    expect(error.textContent).toBe(STRINGS.en.importTooLarge);
    expect(read).not.toHaveBeenCalled();
    expect(calls('importNotes')).toEqual([]);
  });

  it('export downloads the file through a Blob URL and shows the new export time', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:hashiya-test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href')! });
    });
    await mount();
    const before = root.querySelector('[data-testid="last-export"]')!.textContent;
    act(() => root.querySelector<HTMLButtonElement>('button[data-format="csv"]')!.click());

    await waitFor(() => clicked.length, 'download click');
    expect(calls('exportNotes')).toEqual([['exportNotes', { format: 'csv' }]]);
    expect(clicked).toEqual([{ download: 'hashiya-notes-2026-02-03.csv', href: 'blob:hashiya-test' }]);
    expect(blobs[0].type).toContain('text/csv');
    expect(await blobs[0].text()).toBe('\uFEFFid,kind\r\nx,entity\r\n');
    expect(root.querySelector('a[download]')).toBeNull(); // the temporary link is gone
    await waitFor(
      () => root.querySelector('[data-testid="last-export"]')!.textContent !== before,
      'last export updated',
    );
    expect(root.querySelector('[data-testid="last-export"] time')!.getAttribute('datetime')).toBe(
      '2026-02-03T04:05:06.000Z',
    );
  });

  it('deletes with undo: the very same note comes back', async () => {
    await mount();
    const target = items().find((el) => el.dataset.noteId === ID(2))!;
    const del = [...target.querySelectorAll('button')].find((b) => b.textContent === STRINGS.en.delete)!;
    act(() => del.click());
    await waitFor(() => items().length === 2, 'note removed');
    expect(calls('deleteNote')[0][1]).toEqual({ url: location.href, id: ID(2) });
    const undo = await waitFor(
      () => [...root.querySelectorAll('button')].find((b) => b.textContent === STRINGS.en.undo),
      'undo',
    );
    act(() => undo.click());
    await waitFor(() => items().length === 3, 'note restored');
    const original = passage(2, '2026-01-02T08:00:00.000Z', 'middle note', 'https://www.aljazeera.net/news/2');
    expect(calls('restoreNote')[0][1]).toEqual({ url: location.href, note: original });
    expect(ids()).toEqual([ID(3), ID(2), ID(1)]);
  });

  it('follows the language setting: Arabic, right to left', async () => {
    await updateSettings({ language: 'ar' });
    await mount();
    await waitFor(() => document.documentElement.dir === 'rtl', 'rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(root.querySelector('h1')!.textContent).toBe(STRINGS.ar.yourNotes);
    await waitFor(() => items()[0].textContent!.includes('سيرغي لافروف'), 'Arabic entity name');
  });
});
