// The notes page's first list, asked for as soon as the page's script runs
// (entrypoints/notes/first-request.ts is main.tsx's first import), so the background reads it while
// Preact loads and renders the shell, instead of a frame later when the list's effect runs. Used
// once, by the first load of an unfiltered list (use-notes-list.ts); every later load asks anew.
import { sendMessage } from '../../messaging/protocol';
import { PAGE_SIZE, type NotesPageResult } from '../../notes/paging';

let early: Promise<NotesPageResult> | null = null;

export function askFirstPage(): void {
  early ??= sendMessage('notesPage', { limit: PAGE_SIZE, ids: [] });
  early.catch(() => {}); // a failure is reported by the load that takes it
}

/** The early answer for `{ limit: PAGE_SIZE, ids: [] }`, once; null when not asked or already taken. */
export function takeFirstPage(): Promise<NotesPageResult> | null {
  const p = early;
  early = null;
  return p;
}
