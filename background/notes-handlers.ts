// Notes live in one Dexie database in the extension's origin, written by the background only.
// A content script may read the notes of the entities on its page and add, edit or delete single
// notes — passage notes only for its own page. Listing everything, export, import and wipe are
// for extension pages. Every payload is validated (the store validates notes again on write).
import { onMessage, sendMessage } from '../messaging/protocol';
import { NoteStore } from '../notes/store';
import { pageUrl, type Note } from '../notes/model';
import { exportNotes } from '../notes/export';
import { importNotes } from '../notes/import';
import { assertContentScriptFor, assertExtensionPage, isExtensionPage, SenderError } from './senders';
import type { Browser } from 'wxt/browser';
import { announceNotesChanged } from './notes-broadcast';
import { notesFacets, notesPage } from '../notes/paging';
import { parseRequest } from './validate';

let store: NoteStore | null = null;
const notes = () => (store ??= new NoteStore());

type Sender = Browser.runtime.MessageSender;

/** The same page under its canonical link: only an address on the page's own origin counts. */
function samePage(pageHref: string, target: string): boolean {
  try {
    return pageUrl(target) === pageUrl(pageHref) || new URL(target).origin === new URL(pageHref).origin;
  } catch {
    return false;
  }
}

/** A content script may touch entity notes, and passage notes of its own page (or its canonical link). */
function assertMayTouch(sender: Sender, url: string, note: Pick<Note, 'kind'> & { target?: { url?: string } }) {
  assertContentScriptFor(sender, url);
  if (isExtensionPage(sender) || note.kind === 'entity') return;
  if (!note.target?.url || !samePage(url, note.target.url)) {
    throw new SenderError('a page may only write passage notes for itself');
  }
}

export function registerNoteHandlers(): void {
  onMessage('notesForPage', async ({ data, sender }) => {
    const req = parseRequest('notesForPage', data);
    assertContentScriptFor(sender, req.url);
    const wanted = new Set(req.entityIds);
    const urls = new Set([pageUrl(req.url)]);
    if (req.canonical && samePage(req.url, req.canonical)) urls.add(pageUrl(req.canonical));
    const [forUrls, entityNotes] = await Promise.all([
      Promise.all([...urls].map((u) => notes().listForUrl(u))),
      Promise.all([...wanted].map((id) => notes().listForEntity(id))),
    ]);
    return {
      entity: entityNotes.flat(),
      passages: forUrls.flat().filter((n) => n.kind === 'passage'),
    };
  });

  onMessage('addNote', async ({ data, sender }) => {
    const req = parseRequest('addNote', data);
    assertMayTouch(sender, req.url, req.note);
    const note = await notes().add(req.note);
    void announceNotesChanged({ change: 'added', ids: [note.id] });
    return note;
  });

  onMessage('updateNote', async ({ data, sender }) => {
    const req = parseRequest('updateNote', data);
    const current = await notes().get(req.id);
    if (!current) throw new Error('that note no longer exists');
    assertMayTouch(sender, req.url, current);
    const note = (await notes().update(req.id, req.patch)) ?? null;
    if (note) void announceNotesChanged({ change: 'updated', ids: [note.id] });
    return note;
  });

  onMessage('deleteNote', async ({ data, sender }) => {
    const req = parseRequest('deleteNote', data);
    const current = await notes().get(req.id);
    if (!current) return null;
    assertMayTouch(sender, req.url, current);
    const removed = (await notes().remove(req.id)) ?? null;
    if (removed) void announceNotesChanged({ change: 'deleted', ids: [removed.id] });
    return removed;
  });

  onMessage('restoreNote', async ({ data, sender }) => {
    const req = parseRequest('restoreNote', data);
    assertMayTouch(sender, req.url, req.note);
    await notes().restore(req.note);
    void announceNotesChanged({ change: 'restored', ids: [req.note.id] });
  });

  // ---- extension pages only ----
  onMessage('listNotes', async ({ data, sender }) => {
    assertExtensionPage(sender);
    const req = parseRequest('listNotes', data ?? {});
    return req.query?.trim() ? notes().search(req.query, req.filter) : notes().list(req.filter);
  });

  onMessage('exportNotes', async ({ data, sender }) => {
    assertExtensionPage(sender);
    return exportNotes(notes(), parseRequest('exportNotes', data).format);
  });

  onMessage('importNotes', async ({ data, sender }) => {
    assertExtensionPage(sender);
    // Progress goes to the extension pages (the notes page shows a bar); nobody listening is fine.
    const progress = (done: number, total: number) =>
      void sendMessage('importProgress', { done, total }).catch(() => {});
    const result = await importNotes(notes(), parseRequest('importNotes', data).text, progress);
    if (result.added) void announceNotesChanged({ change: 'bulk', ids: [] });
    return result;
  });

  onMessage('wipeNotes', async ({ sender }) => {
    assertExtensionPage(sender);
    await notes().wipe();
    void announceNotesChanged({ change: 'bulk', ids: [] });
  });

  onMessage('notesPage', async ({ data, sender }) => {
    assertExtensionPage(sender);
    return notesPage(notes(), parseRequest('notesPage', data));
  });

  onMessage('notesFacets', async ({ sender }) => {
    assertExtensionPage(sender);
    return notesFacets(notes());
  });

  onMessage('notesHealth', async ({ sender }) => {
    assertExtensionPage(sender);
    return notes().health();
  });

  onMessage('notesMeta', async ({ sender }) => {
    assertExtensionPage(sender);
    return { lastExport: (await notes().lastExport()) ?? null, tags: await notes().tags() };
  });
}
