// The notes page at ten thousand notes: it shows the newest `limit` matches and how many there are,
// and builds its filters from the indexes' keys, so neither its first paint nor a keystroke moves
// every note through the message channel and the DOM.
//
// Order is the store's: most recently updated first (id breaks ties). Without a query the
// `updated` index gives the newest `limit` notes directly; a search matches the in-memory term rows
// (notes/term-rows.ts, newest first) and reads only the notes shown. The count comes from those rows
// once they are built (not from IndexedDB's count(), which walks the whole store). Filters (rare,
// narrow) and a newer database (read-only, no trusted indexes) go through the store's full list and
// are cut afterwards.
import { hostOf, type Note, type NoteFilter } from './model';
import { queryTerms } from './search-terms';
import type { NoteRecord } from './db';
import type { NoteStore } from './store';
import { knownCount, matchingIds, warmSearch } from './term-rows';

/** Notes the page shows at first, and the step it grows by (twice this) as the reader scrolls. */
export const PAGE_SIZE = 50;

export interface NotesPageRequest {
  query?: string;
  filter?: NoteFilter;
  limit: number;
  /** Notes open in an editor: their current versions come back in `pinned` (absent = deleted). */
  ids?: string[];
}

export interface NotesPageResult {
  /** The newest `limit` matches. */
  notes: Note[];
  /** All matches. */
  total: number;
  /** All notes. */
  all: number;
  pinned: Note[];
}

export interface NotesFacets {
  entityIds: string[];
  hosts: string[];
  tags: string[];
}

function plain(record: NoteRecord): Note {
  const note: Partial<NoteRecord> = { ...record };
  delete note.terms;
  return note as Note;
}

export async function notesPage(store: NoteStore, req: NotesPageRequest): Promise<NotesPageResult> {
  const limit = Math.max(1, Math.min(req.limit, 50_000));
  const pinnedIds = req.ids ?? [];
  const pinned = (await Promise.all(pinnedIds.map((id) => store.get(id)))).filter((n): n is Note => !!n);
  const query = req.query?.trim() ?? '';
  const filtered = req.filter && Object.keys(req.filter).length > 0;
  if (filtered || (await store.isNewer())) {
    const list = query ? await store.search(query, req.filter) : await store.list(req.filter);
    const all = (await store.isNewer()) ? (await store.list()).length : await count(store);
    return { notes: list.slice(0, limit), total: list.length, all, pinned };
  }
  const { notes } = store.db;
  const terms = queryTerms(query);
  if (!terms.length) {
    const [all, records] = await Promise.all([count(store), notes.orderBy('updated').reverse().limit(limit).toArray()]);
    warmSearch(store);
    return { notes: tieOrder(records.map(plain)), total: all, all, pinned };
  }
  const matches = await matchingIds(store, terms);
  const [all, found] = await Promise.all([count(store), notes.bulkGet(matches.slice(0, limit))]);
  const records = found.filter((r): r is NoteRecord => !!r);
  return { notes: tieOrder(records.map(plain)), total: matches.length, all, pinned };
}

/** How many notes are stored: from the search rows when they are in memory (IndexedDB's count()
 *  walks the whole store in Chromium: tens to hundreds of milliseconds at ten thousand notes). */
async function count(store: NoteStore): Promise<number> {
  return knownCount(store) ?? store.db.notes.count();
}

/** The store's order within equal `updated` times (larger id first). */
function tieOrder(list: Note[]): Note[] {
  return list.sort((a, b) =>
    a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
}

const facetCache = new WeakMap<NoteStore, { generation: number; facets: Promise<NotesFacets> }>();

/** The filters' choices, from index keys only: entities with notes, sites of passage notes, tags.
 *  Kept until the next write: every notes page asks on open, and they walk three indexes. */
export function notesFacets(store: NoteStore): Promise<NotesFacets> {
  const generation = store.writes.generation;
  const have = facetCache.get(store);
  if (have?.generation === generation) return have.facets;
  const facets = readFacets(store);
  facetCache.set(store, { generation, facets });
  facets.catch(() => facetCache.delete(store));
  return facets;
}

async function readFacets(store: NoteStore): Promise<NotesFacets> {
  if (await store.isNewer()) {
    const every = await store.list();
    return {
      entityIds: [...new Set(every.flatMap((n) => (n.kind === 'entity' ? [n.entityId] : [])))].sort(),
      hosts: [...new Set(every.flatMap((n) => (n.kind === 'passage' ? [hostOf(n.target.url)] : [])))].sort(),
      tags: await store.tags(),
    };
  }
  const { notes } = store.db;
  const [entityIds, urls, tags] = await Promise.all([
    notes.orderBy('entityId').uniqueKeys(),
    notes.orderBy('target.url').uniqueKeys(),
    store.tags(),
  ]);
  const hosts = [...new Set((urls as string[]).map(hostOf).filter(Boolean))].sort();
  return { entityIds: (entityIds as string[]).sort(), hosts, tags };
}
