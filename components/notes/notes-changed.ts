import * as v from 'valibot';
import { onMessage, type NotesChange } from '../../messaging/protocol';

// Views that show notes (the notes page, the cards of the corpus reader) follow writes made
// elsewhere: the background announces each write (background/notes-broadcast.ts) and the view asks
// it again. Announcements come only from our own contexts; a web page cannot send runtime messages
// to an extension page. The shape is still checked, and a burst (an import, a quick series of
// edits) triggers one refresh.

const Change = v.object({
  change: v.picklist(['added', 'updated', 'deleted', 'restored', 'bulk']),
  ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1000)),
});

export const COALESCE_MS = 50;

/** Calls `refresh` after notes changed elsewhere (at most once per COALESCE_MS); returns the unsubscribe. */
export function watchNotesChanged(refresh: (changes: NotesChange[]) => void): () => void {
  let pending: NotesChange[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = onMessage('notesChanged', ({ data }) => {
    const parsed = v.safeParse(Change, data);
    if (!parsed.success) return;
    pending.push(parsed.output);
    timer ??= setTimeout(() => {
      timer = null;
      const batch = pending;
      pending = [];
      refresh(batch);
    }, COALESCE_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    stop();
  };
}
