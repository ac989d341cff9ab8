// Passage notes on a news page. Design note:
// - Select text → a small "Add note" button near the end of the selection (or the `note-selection`
//   command) → an editor (text + color). Saving maps the selection to offsets in the mark session's
//   joined page text and stores quote + position selectors (anchoring/selectors.ts `describe`).
// - On load, and whenever the page's text changes (the mark session's onChange → `refresh`), every
//   note of the page is anchored again (anchoring/anchor.ts: position checked against the quote,
//   then exact and normalized quote, then fuzzy) and painted as a CSS Custom Highlight per color.
//   Notes found somewhere else than stored get their selectors updated (once the page settles), so
//   the next visit takes the cheap path. Notes not found are orphans: listed with their quote.
// - Never writes the page's DOM: highlights are painted ranges, the UI lives in the UiHost's closed
//   shadow root ('passage' slot), hit testing goes through caretPositionFromPoint.
// - Where a passage is also an entity mention, the entity's hover card has the pointer: the passage
//   card opens from the rest of the passage (one card at a time).
import { h } from 'preact';
import type { VirtualElement } from '@floating-ui/dom';
import { sendMessage } from '../../messaging/protocol';
import { anchor as anchorPassage } from '../../anchoring/anchor';
import { describe } from '../../anchoring/selectors';
import { rangeFor, type PageText } from '../../engine/dom-text';
import { readPageMeta } from '../../engine/page-meta';
import { LIMITS, type NoteColor, type PassageNote, type PassageTarget } from '../../notes/model';
import type { UiLang } from '../../i18n/strings';
import { PassageLayer, type PassageLayerProps } from '../../components/passage/PassageLayer';
import { UNDO_MS } from '../../components/card/CardNotes';
import { anchorFor } from '../card/controller';
import type { UiHost } from '../card/host';
import type { MarkSession } from '../marks';
import { PassageHighlights } from './highlights';
import { offsetsOfRange, passageUrl, readableSelection, type TextOffsets } from './offsets';
import { trustedOnly } from '../trusted';
import { caretAt } from '../caret';

export interface PassageEnv {
  lang(): UiLang;
  /** The page's UiHost, shared with the hover card (its stylesheet must include PASSAGE_CSS). */
  host: UiHost;
  /** The element whose text the mark session reads; document.body by default. */
  root?: Element;
  /** Tests only: quiet periods, ms. */
  timing?: Partial<typeof TIMING>;
  /** Ignore synthetic page events (default true); unit tests turn it off. */
  trustedEventsOnly?: boolean;
}

export interface PassagesHandle {
  /** Opens the note editor for the current selection (the `note-selection` command). */
  noteSelection(): void;
  /** The page's text may have changed: anchor the notes again (cheap when nothing changed). */
  refresh(): void;
  /** Ids of the notes painted on the page, and the notes that could not be placed. */
  state(): { placed: string[]; orphans: PassageNote[] };
  destroy(): void;
}

const TIMING = {
  /** After the last selectionchange/pointerup/keyup before the button is shown or hidden. */
  selection: 200,
  /** Pointer dwell on a passage before its card previews. */
  hover: 400,
  /** Grace period before a preview closes after the pointer left. */
  close: 300,
  /** Quiet period before re-anchored selectors are written back. */
  persist: 2000,
};

/** The longest quote a note may store; longer selections are cut to it. */
const MAX_QUOTE = LIMITS.quote;

interface ButtonState {
  range: Range;
  anchor: VirtualElement;
}

interface EditorState {
  key: number;
  range: Range;
  anchor: VirtualElement;
  /** The page text the offsets refer to, as it was when the editor opened. */
  text: string;
  offsets: TextOffsets;
}

interface CardState {
  id: string;
  pinned: boolean;
  editing: boolean;
  pointerInside: boolean;
  range: Range;
  anchor: VirtualElement;
}

export function attachPassages(session: MarkSession, env: PassageEnv): PassagesHandle {
  const host = env.host;
  const root = env.root ?? document.body;
  const doc = root.ownerDocument ?? document;
  const timing = { ...TIMING, ...env.timing };
  const pageHref = () => location.href;

  const notes = new Map<string, PassageNote>();
  const highlights = new PassageHighlights();
  let orphans: PassageNote[] = [];
  let orphansOpen = false;
  let dismissedOrphans: string | null = null;
  let lastText: string | null = null;
  let destroyed = false;

  let button: ButtonState | null = null;
  let suppressed: Range | null = null;
  let editor: EditorState | null = null;
  let editorKey = 0;
  let card: CardState | null = null;
  let deleted: PassageNote | null = null;

  const pendingTargets = new Map<string, PassageTarget>();
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let hoverId: string | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let pendingMove: { x: number; y: number; overUi: boolean } | null = null;

  // ---- anchoring ----

  function place(note: PassageNote, page: PageText): boolean {
    const found = anchorPassage(page.text, note.target);
    const range = found && found.end > found.start && rangeFor(doc, page.segments, found.start, found.end);
    if (!found || !range) {
      highlights.remove(note.id);
      return false;
    }
    highlights.set(note.id, note.color, range);
    const { position, quote } = note.target;
    const moved = found.start !== position.start || found.end !== position.end;
    if (moved || page.text.slice(found.start, found.end) !== quote.exact) {
      const selectors = describe(page.text, found.start, found.end);
      pendingTargets.set(note.id, { ...note.target, ...selectors });
      clearTimeout(persistTimer);
      persistTimer = setTimeout(() => void persistTargets(), timing.persist);
    }
    return true;
  }

  function placeAll(force: boolean) {
    if (destroyed) return;
    if (!notes.size) {
      lastText = null;
      if (orphans.length) {
        orphans = [];
        paint();
      }
      return;
    }
    const page = session.pageText();
    if (!force && page.text === lastText && rangesConnected()) return;
    lastText = page.text;
    const lost: PassageNote[] = [];
    for (const note of notes.values()) if (!place(note, page)) lost.push(note);
    orphans = lost;
    if (card) {
      // The card follows its passage to its new range; a note that lost its passage closes it.
      const range = highlights.range(card.id);
      if (!range) card = null;
      else if (range !== card.range) Object.assign(card, { range, anchor: anchorFor(range, null) });
    }
    paint();
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

  async function load() {
    try {
      const canonical = passageUrl(readPageMeta(doc).canonical, pageHref());
      const { passages } = await sendMessage('notesForPage', { url: pageHref(), canonical, entityIds: [] });
      if (destroyed) return;
      for (const n of passages) if (n.kind === 'passage' && !notes.has(n.id)) notes.set(n.id, n);
      placeAll(true);
    } catch {
      // Notes unavailable (database blocked, extension reloading): the page works without them.
    }
  }

  // ---- selection → button → editor ----

  function sameRange(a: Range, b: Range): boolean {
    try {
      return (
        a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0
      );
    } catch {
      return false;
    }
  }

  function currentSelection(): Range | null {
    return readableSelection(doc, root, (n) => host.contains(n));
  }

  function checkSelection() {
    if (destroyed || editor) return;
    const range = currentSelection();
    if (!range || (suppressed && sameRange(suppressed, range))) {
      if (!range) suppressed = null;
      if (button) {
        button = null;
        paint();
      }
      return;
    }
    suppressed = null;
    if (button && sameRange(button.range, range)) return;
    const copy = range.cloneRange();
    button = { range: copy, anchor: endAnchor(copy) };
    paint();
  }

  function openEditor(range: Range) {
    const page = session.pageText();
    const offsets = offsetsOfRange(page, range);
    if (!offsets) return;
    if (offsets.end - offsets.start > MAX_QUOTE) {
      let end = offsets.start + MAX_QUOTE;
      const c = page.text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
      offsets.end = end;
    }
    const copy = range.cloneRange();
    clearTimeout(hoverTimer);
    editor = { key: ++editorKey, range: copy, anchor: endAnchor(copy), text: page.text, offsets };
    button = null;
    card = null;
    paint();
  }

  async function saveNew(body: string, color: NoteColor) {
    const e = editor;
    if (!e) return;
    const { quote, position } = describe(e.text, e.offsets.start, e.offsets.end);
    const target: PassageTarget = {
      url: passageUrl(readPageMeta(doc).canonical, pageHref()),
      title: doc.title.slice(0, LIMITS.title),
      quote,
      position,
    };
    // Throws StorageFullError (and others) to the editor, which keeps the draft and says why.
    const note = await sendMessage('addNote', { url: pageHref(), note: { kind: 'passage', target, body, color } });
    if (destroyed) return;
    if (note.kind === 'passage') {
      notes.set(note.id, note);
      if (!place(note, session.pageText())) orphans = [note, ...orphans];
    }
    if (editor === e) {
      suppressed = e.range;
      editor = null;
    }
    paint();
  }

  function cancelEditor() {
    if (editor) suppressed = editor.range;
    editor = null;
    paint();
  }

  // ---- the note card ----

  function openCard(id: string, pinned: boolean, point: { x: number; y: number } | null) {
    const range = highlights.range(id);
    if (!range || !notes.has(id) || editor) return;
    clearTimeout(closeTimer);
    if (card?.id === id) {
      card.pinned ||= pinned;
      return paint();
    }
    card = { id, pinned, editing: false, pointerInside: false, range, anchor: anchorFor(range, point) };
    paint();
  }

  function closeCard() {
    clearTimeout(closeTimer);
    if (!card) return;
    card = null;
    paint();
  }

  function scheduleClose() {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (card && !card.pinned && !card.editing && !card.pointerInside) closeCard();
    }, timing.close);
  }

  async function saveEdit(id: string, body: string, color: NoteColor) {
    const updated = await sendMessage('updateNote', { url: pageHref(), id, patch: { body, color } });
    if (destroyed) return;
    if (!updated) return forget(id);
    if (updated.kind !== 'passage') return;
    notes.set(id, updated);
    const range = highlights.range(id);
    if (range) highlights.set(id, updated.color, range);
    orphans = orphans.map((n) => (n.id === id ? updated : n));
    paint();
  }

  function forget(id: string) {
    notes.delete(id);
    highlights.remove(id);
    pendingTargets.delete(id);
    orphans = orphans.filter((n) => n.id !== id);
    if (card?.id === id) card = null;
    paint();
  }

  async function remove(id: string) {
    const removed = await sendMessage('deleteNote', { url: pageHref(), id });
    if (destroyed) return;
    forget(id);
    if (removed?.kind === 'passage') {
      deleted = removed;
      clearTimeout(toastTimer);
      toastTimer = setTimeout(() => {
        deleted = null;
        paint();
      }, UNDO_MS);
      paint();
    }
  }

  async function undo() {
    const note = deleted;
    deleted = null;
    clearTimeout(toastTimer);
    paint();
    if (!note) return;
    try {
      await sendMessage('restoreNote', { url: pageHref(), note });
    } catch {
      return;
    }
    if (destroyed) return;
    notes.set(note.id, note);
    if (!place(note, session.pageText())) orphans = [note, ...orphans];
    paint();
  }

  // ---- hit testing ----

  function at(x: number, y: number): string | null {
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
      if (!inside) continue;
      // caretPositionFromPoint snaps to the nearest caret even beside the text: confirm the point is on it.
      for (const r of range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) {
          // An entity mention under the pointer has its own card: one card at a time.
          return session.at(x, y) ? null : id;
        }
      }
    }
    return null;
  }

  // ---- page events ----

  function onSelectionEvent(e: Event) {
    if (e.type !== 'selectionchange' && host.contains(e.target as Node | null)) return;
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(checkSelection, timing.selection);
  }

  function onPointerMove(e: PointerEvent) {
    if (e.pointerType === 'touch') return;
    pendingMove = { x: e.clientX, y: e.clientY, overUi: host.contains(e.target as Node | null) };
    if (!frame) frame = requestAnimationFrame(onFrame);
  }

  function onFrame() {
    frame = 0;
    const p = pendingMove;
    pendingMove = null;
    if (!p || destroyed) return;
    if (p.overUi) return clearTimeout(closeTimer);
    const id = at(p.x, p.y);
    if (id) {
      clearTimeout(closeTimer);
      if (card?.id === id || card?.pinned || card?.editing || editor) return;
      if (hoverId === id) return; // already counting down
      clearTimeout(hoverTimer);
      hoverId = id;
      hoverTimer = setTimeout(() => {
        hoverId = null;
        openCard(id, false, p);
      }, timing.hover);
    } else {
      clearTimeout(hoverTimer);
      hoverId = null;
      if (card && !card.pinned && !card.editing && !card.pointerInside) scheduleClose();
    }
  }

  function onClick(e: MouseEvent) {
    if (host.contains(e.target as Node | null) || e.detail === 0) return;
    const sel = doc.getSelection();
    if (sel && !sel.isCollapsed) return; // the click ended a text selection
    const id = at(e.clientX, e.clientY);
    if (id) {
      clearTimeout(hoverTimer);
      hoverId = null;
      return openCard(id, true, { x: e.clientX, y: e.clientY });
    }
    if (card && !card.editing) closeCard(); // light dismiss; a draft is never thrown away
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || host.contains(e.target as Node | null)) return;
    if (card && !card.editing) closeCard();
    if (button) {
      suppressed = button.range;
      button = null;
      paint();
    }
  }

  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['selectionchange', onSelectionEvent, { passive: true }],
    ['pointerup', onSelectionEvent, { capture: true, passive: true }],
    ['keyup', onSelectionEvent, { capture: true, passive: true }],
    ['pointermove', onPointerMove as EventListener, { passive: true }],
    ['click', onClick as EventListener, { capture: true, passive: true }],
    ['keydown', onKeyDown as EventListener, { capture: true }],
  ];
  for (const l of listeners) l[1] = trustedOnly(l[1], env.trustedEventsOnly ?? true);
  for (const [type, fn, o] of listeners) doc.addEventListener(type, fn, o);

  // ---- drawing ----

  function paint() {
    if (destroyed) return;
    const orphanKey = orphans.map((n) => n.id).join();
    const showOrphans = orphans.length > 0 && orphanKey !== dismissedOrphans;
    if (!button && !editor && !card && !deleted && !showOrphans) return host.render(null, 'passage');
    const c = card;
    const cardNote = c ? notes.get(c.id) : undefined;
    const props: PassageLayerProps = {
      lang: env.lang(),
      button: button && { anchor: button.anchor, onClick: () => button && openEditor(button.range) },
      editor: editor && {
        key: editor.key,
        anchor: editor.anchor,
        quote: shorten(editor.text.slice(editor.offsets.start, editor.offsets.end)),
        onSave: saveNew,
        onCancel: cancelEditor,
      },
      card:
        c && cardNote
          ? {
              anchor: c.anchor,
              note: cardNote,
              onSave: (body, color) => saveEdit(c.id, body, color),
              onDelete: () => remove(c.id),
              onClose: closeCard,
              onEditing: (editing) => {
                c.editing = editing;
                if (editing) c.pinned = true;
              },
              onPointer: (inside) => {
                c.pointerInside = inside;
                if (inside) clearTimeout(closeTimer);
                else if (!c.pinned && !c.editing) scheduleClose();
              },
              onPin: () => {
                c.pinned = true;
              },
            }
          : null,
      orphans: showOrphans
        ? {
            list: [...orphans].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0)),
            open: orphansOpen,
            onToggle: () => {
              orphansOpen = !orphansOpen;
              paint();
            },
            onDismiss: () => {
              dismissedOrphans = orphanKey;
              orphansOpen = false;
              paint();
            },
            onDelete: (id) => void remove(id).catch(() => {}),
          }
        : null,
      toast: deleted && { onUndo: () => void undo() },
      onEscape: () => {
        if (card && !card.editing) closeCard();
      },
    };
    host.render(h(PassageLayer, props), 'passage');
  }

  void load();

  return {
    noteSelection() {
      if (destroyed || editor) return;
      const range = currentSelection();
      if (range) openEditor(range);
    },
    refresh() {
      placeAll(false);
    },
    state: () => ({ placed: highlights.entries().map(([id]) => id), orphans: [...orphans] }),
    destroy() {
      destroyed = true;
      for (const [type, fn, o] of listeners) doc.removeEventListener(type, fn, o);
      for (const t of [selectionTimer, hoverTimer, closeTimer, persistTimer, toastTimer]) clearTimeout(t);
      if (frame) cancelAnimationFrame(frame);
      highlights.clear();
      notes.clear();
      host.render(null, 'passage');
    },
  };
}

/** The quote shown above the editor: enough to recognize it. */
function shorten(s: string, max = 280): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Floating UI reference at the end of a selection: a zero-width rect at the end edge of its last
 * line (right in left-to-right text, left in right-to-left text).
 */
function endAnchor(range: Range): VirtualElement {
  const endEl = range.endContainer.nodeType === 1 ? (range.endContainer as Element) : range.endContainer.parentElement;
  const rtl = !!endEl && getComputedStyle(endEl).direction === 'rtl';
  const rect = () => {
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const x = rtl ? last.left : last.right;
    return { x, y: last.top, left: x, right: x, top: last.top, bottom: last.bottom, width: 0, height: last.height };
  };
  const ctx = range.commonAncestorContainer;
  return {
    getBoundingClientRect: rect,
    getClientRects: () => [rect()],
    contextElement: (ctx.nodeType === 1 ? (ctx as Element) : ctx.parentElement) ?? undefined,
  };
}
