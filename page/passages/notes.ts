// The passage notes of one page: loaded from the background, anchored in the page text and painted
// as highlights, written back when they moved, edited, deleted and undone. Design note:
// - On load, and whenever the page's text changes (the mark session's onChange → `placeAll`),
//   every note of the page is anchored again (anchoring/anchor.ts: position checked against the
//   quote, then exact and normalized quote, then fuzzy) and painted as a CSS Custom Highlight per
//   color (./highlights.ts). Notes found somewhere else than stored get their selectors updated
//   once the page settles, so the next visit takes the cheap path. Notes not found are orphans:
//   listed with their quote, never dropped.
// - Hit testing goes through caretPositionFromPoint and the ranges' own line boxes: no element is
//   added to the page.
import { sendMessage } from '../../messaging/protocol';
import { anchor as anchorPassage } from '../../anchoring/anchor';
import { describe } from '../../anchoring/selectors';
import { rangeFor, type PageText } from '../../engine/text/dom-text';
import { readPageMeta } from '../../engine/text/page-meta';
import type { NoteColor, PassageNote, PassageTarget } from '../../notes/model';
import { UNDO_MS } from '../../components/card/CardNotes';
import type { MarkSession } from '../marks/session';
import { caretAt } from '../marks/caret';
import { onRange } from '../card/anchor';
import { PassageHighlights } from './highlights';
import { passageUrl } from './offsets';

export interface PassageNotesOptions {
  doc: Document;
  /** Quiet period before re-anchored selectors are written back, ms. */
  persistMs: number;
  /** Something the layer shows changed (placements, orphans, the undo toast). */
  onChange(): void;
}

export type PassageNotes = ReturnType<typeof createPassageNotes>;

const pageHref = () => location.href;

export function createPassageNotes(session: Pick<MarkSession, 'pageText'>, opts: PassageNotesOptions) {
  const { doc } = opts;
  const notes = new Map<string, PassageNote>();
  const highlights = new PassageHighlights();
  const pendingTargets = new Map<string, PassageTarget>();
  let orphans: PassageNote[] = [];
  let lastText: string | null = null;
  let deleted: PassageNote | null = null;
  let destroyed = false;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  function place(note: PassageNote, page: PageText): boolean {
    const found = anchorPassage(page.text, note.target);
    const range = found && found.end > found.start && rangeFor(page.segments, found.start, found.end);
    if (!found || !range) {
      highlights.remove(note.id);
      return false;
    }
    highlights.set(note.id, note.color, range);
    const { position, quote } = note.target;
    const moved = found.start !== position.start || found.end !== position.end;
    if (moved || page.text.slice(found.start, found.end) !== quote.exact) {
      pendingTargets.set(note.id, { ...note.target, ...describe(page.text, found.start, found.end) });
      clearTimeout(persistTimer);
      persistTimer = setTimeout(() => void persistTargets(), opts.persistMs);
    }
    return true;
  }

  /** Placed, or listed first among the orphans. */
  function placeOne(note: PassageNote) {
    notes.set(note.id, note);
    if (!place(note, session.pageText())) orphans = [note, ...orphans];
    opts.onChange();
  }

  function rangesConnected(): boolean {
    return highlights
      .entries()
      .every(([, r]) => r.startContainer.isConnected && r.endContainer.isConnected && !r.collapsed);
  }

  async function persistTargets() {
    const batch = [...pendingTargets];
    pendingTargets.clear();
    for (const [id, target] of batch) {
      if (destroyed || !notes.has(id)) continue;
      try {
        const updated = await sendMessage('updateNote', { url: pageHref(), id, patch: { target } });
        if (updated?.kind === 'passage' && notes.has(id)) notes.set(id, updated);
      } catch {
        // Kept as it was: the next visit re-anchors through the quote again.
      }
    }
  }

  function forget(id: string) {
    notes.delete(id);
    highlights.remove(id);
    pendingTargets.delete(id);
    orphans = orphans.filter((n) => n.id !== id);
    opts.onChange();
  }

  const api = {
    async load() {
      try {
        const canonical = passageUrl(readPageMeta(doc).canonical, pageHref());
        const { passages } = await sendMessage('notesForPage', { url: pageHref(), canonical, entityIds: [] });
        if (destroyed) return;
        for (const n of passages) if (n.kind === 'passage' && !notes.has(n.id)) notes.set(n.id, n);
        api.placeAll(true);
      } catch {
        // Notes unavailable (database blocked, extension reloading): the page works without them.
      }
    },
    /** Anchors every note again; cheap when the page text is unchanged and every range still holds. */
    placeAll(force: boolean) {
      if (destroyed) return;
      if (!notes.size) {
        lastText = null;
        if (orphans.length) {
          orphans = [];
          opts.onChange();
        }
        return;
      }
      const page = session.pageText();
      if (!force && page.text === lastText && rangesConnected()) return;
      lastText = page.text;
      orphans = [...notes.values()].filter((note) => !place(note, page));
      opts.onChange();
    },
    get: (id: string) => notes.get(id),
    range: (id: string) => highlights.range(id),
    orphans: () => orphans,
    deleted: () => deleted,
    placed: () => highlights.entries().map(([id]) => id),
    /** The note whose highlight is under the viewport point. */
    at(x: number, y: number): string | null {
      const entries = highlights.entries();
      if (!entries.length) return null;
      const caret = caretAt(doc, x, y);
      if (!caret) return null;
      for (const [id, range] of entries) {
        let inside = false;
        try {
          inside = range.isPointInRange(caret.node, caret.offset);
        } catch {
          inside = false;
        }
        // caretPositionFromPoint snaps to the nearest caret even beside the text: confirm the point is on it.
        if (inside && onRange(range, x, y)) return id;
      }
      return null;
    },
    /** The first note whose passage overlaps `el` (a focused link inside the passage, or around it). */
    within(el: Element): string | null {
      const overlaps = (r: Range) => {
        try {
          return r.intersectsNode(el);
        } catch {
          return false;
        }
      };
      return highlights.entries().find(([, r]) => overlaps(r))?.[0] ?? null;
    },
    /** The note whose passage holds the DOM point (the caret). */
    containing(node: Node, offset: number): string | null {
      for (const [id, r] of highlights.entries()) {
        try {
          if (r.isPointInRange(node, offset)) return id;
        } catch {
          // another document or a detached node
        }
      }
      return null;
    },
    /** A note the selection editor just saved. */
    added: placeOne,
    async edit(id: string, body: string, color: NoteColor) {
      const updated = await sendMessage('updateNote', { url: pageHref(), id, patch: { body, color } });
      if (destroyed) return;
      if (!updated) return forget(id);
      if (updated.kind !== 'passage') return;
      notes.set(id, updated);
      const range = highlights.range(id);
      if (range) highlights.set(id, updated.color, range);
      orphans = orphans.map((n) => (n.id === id ? updated : n));
      opts.onChange();
    },
    async remove(id: string) {
      const removed = await sendMessage('deleteNote', { url: pageHref(), id });
      if (destroyed) return;
      forget(id);
      if (removed?.kind !== 'passage') return;
      deleted = removed;
      clearTimeout(toastTimer);
      toastTimer = setTimeout(() => {
        deleted = null;
        opts.onChange();
      }, UNDO_MS);
      opts.onChange();
    },
    async undo() {
      const note = deleted;
      deleted = null;
      clearTimeout(toastTimer);
      opts.onChange();
      if (!note) return;
      try {
        await sendMessage('restoreNote', { url: pageHref(), note });
      } catch {
        return;
      }
      if (!destroyed) placeOne(note);
    },
    destroy() {
      destroyed = true;
      clearTimeout(persistTimer);
      clearTimeout(toastTimer);
      highlights.clear();
      notes.clear();
    },
  };
  return api;
}
