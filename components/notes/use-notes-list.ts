import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/protocol';
import type { Note, NoteFilter } from '../../notes/model';
import { PAGE_SIZE, type NotesFacets } from '../../notes/paging';
import { watchNotesChanged } from './notes-changed';
import { FIRST_PAGE, takeFirstPage } from './first-page';

// What the notes page shows, asked of the background: the newest `limit` notes matching the query
// and filters with their counts (notes/paging.ts), the filters' choices and the last export.
// Ten thousand notes never cross the message channel at once: the page grows by PAGE_SIZE as the
// reader scrolls. Asked again after every write (announced by the background, wherever it was
// made) and when the page becomes visible. Notes open in an editor are asked for by id, so an
// editor keeps its note when it leaves the list and learns when it was deleted.

export { PAGE_SIZE };

export interface NotesList {
  shown: Note[] | null;
  total: number;
  all: number;
  /** Current versions of notes being edited; an edited id missing here was deleted. */
  pinned: ReadonlyMap<string, Note>;
  /** The ids `pinned` answered for (an editor opened since then is not known to be deleted). */
  asked: ReadonlySet<string>;
  facets: NotesFacets;
  lastExport: string | null;
  failed: boolean;
  /** The query the shown list answers. */
  listedQuery: string;
  reload(): Promise<void>;
  more(): void;
}

const NO_FACETS: NotesFacets = { entityIds: [], hosts: [], tags: [] };

export function useNotesList(query: string, filter: NoteFilter, editing: () => string[]): NotesList {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [shown, setShown] = useState<Note[] | null>(null);
  const [counts, setCounts] = useState({ total: 0, all: 0 });
  const [pinned, setPinned] = useState<{ map: ReadonlyMap<string, Note>; asked: ReadonlySet<string> }>({
    map: new Map(),
    asked: new Set(),
  });
  const [facets, setFacets] = useState<NotesFacets>(NO_FACETS);
  const [lastExport, setLastExport] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [listedQuery, setListedQuery] = useState('');
  const seq = useRef(0);

  // A new search or filter starts from the first page again.
  useEffect(() => setLimit(PAGE_SIZE), [query, filter]);

  const load = useCallback(async () => {
    const n = ++seq.current;
    const q = query.trim();
    const ids = editing();
    try {
      // The page's first load takes the early answer (first-page.ts), if it asked what that asked.
      const early = n === 1 ? takeFirstPage() : null;
      const same = !q && !Object.keys(filter).length && limit === FIRST_PAGE.limit && !ids.length;
      const page = await ((same && early) || sendMessage('notesPage', { query: q || undefined, filter, limit, ids }));
      if (n !== seq.current) return; // a newer request answered (or will)
      setPinned({ map: new Map(page.pinned.map((p) => [p.id, p])), asked: new Set(ids) });
      setCounts({ total: page.total, all: page.all });
      setListedQuery(q);
      setShown(page.notes);
      setFailed(false);
    } catch {
      if (n === seq.current) setFailed(true);
    }
  }, [query, filter, limit, editing]);

  // Filters' choices and the last export: on open and after writes, not on every keystroke.
  const loadMeta = useCallback(async () => {
    try {
      const [f, meta] = await Promise.all([sendMessage('notesFacets'), sendMessage('notesMeta')]);
      setFacets(f);
      setLastExport(meta.lastExport);
    } catch {
      // The list says when the background cannot answer.
    }
  }, []);

  const reload = useCallback(async () => {
    await Promise.all([load(), loadMeta()]);
  }, [load, loadMeta]);

  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    void load();
  }, [load]);

  // Only once the first list is on screen: the page's first paint waits for nothing else.
  const listed = shown !== null;
  useEffect(() => {
    if (listed) void loadMeta();
  }, [listed, loadMeta]);

  useEffect(() => watchNotesChanged(() => void reloadRef.current()), []);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reloadRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return {
    shown,
    total: counts.total,
    all: counts.all,
    pinned: pinned.map,
    asked: pinned.asked,
    facets,
    lastExport,
    failed,
    listedQuery,
    reload,
    more: () => setLimit((l) => l + PAGE_SIZE * 2),
  };
}
