// The notes page's first list, asked for as soon as the page's script runs
// (entrypoints/notes/first-request.ts is main.tsx's first import), so the background reads it while
// Preact loads and renders the shell, instead of a frame later when the list's effect runs. Taken
// once, by the list's first load (use-notes-list.ts); every later load asks anew.
//
// Until it is taken, a write announced by the background makes it stale: the list's own
// notesChanged listener starts only with its effects, so this one covers the gap.
import { onMessage, sendMessage } from '../../messaging/protocol';
import { PAGE_SIZE, type NotesPageResult } from '../../notes/paging';

/** What the early request asks: what the list's first load would. */
export const FIRST_PAGE = { limit: PAGE_SIZE, ids: [] as string[] };

let early: Promise<NotesPageResult> | null = null;
let stopWatching: (() => void) | null = null;

function release(): void {
  stopWatching?.();
  stopWatching = null;
}

export function askFirstPage(): void {
  if (early) return;
  early = sendMessage('notesPage', FIRST_PAGE);
  early.catch(() => {}); // a failure is reported by the load that takes it
  stopWatching = onMessage('notesChanged', () => {
    early = null;
    release();
  });
}

/** The early answer, once (then null); null too when not asked or made stale by a write. */
export function takeFirstPage(): Promise<NotesPageResult> | null {
  const p = early;
  early = null;
  release();
  return p;
}
