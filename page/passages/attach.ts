// Passage notes on a news page, in three parts drawn together in the UiHost's 'passage' slot
// (components/passage/PassageLayer.tsx):
// - ./notes.ts: the notes of the page — anchored, painted as highlights, re-anchored when the page
//   text changes, written back, orphans listed;
// - ./selection.ts: the reader's selection → the "Add note" button → the editor of a new note;
// - ./card.ts: the card of a highlighted passage, a kind of card of the page's one card dispatcher
//   (page/card/dispatch.ts): the same intent machine, hover delay, keyboard and focus as entity cards.
// Never writes the page's DOM: highlights are painted ranges, the UI lives in a closed shadow root.
import { h } from 'preact';
import type { UiLang } from '../../i18n/page-strings';
import type { PassageNote } from '../../notes/model';
import { PassageLayer } from '../../components/passage/PassageLayer';
import type { UiHost } from '../card/host';
import type { CardDispatcher } from '../card/dispatch';
import type { MarkSession } from '../marks/session';
import { createPassageNotes } from './notes';
import { createSelectionButton } from './selection';
import { createPassageCard } from './card';

export interface PassageEnv {
  lang(): UiLang;
  /** The page's UiHost, shared with the hover card (its stylesheet must include PASSAGE_CSS). */
  host: UiHost;
  /** The page's card dispatcher (the entity card controller's `cards`): passage cards are one kind. */
  cards: CardDispatcher;
  /** The element whose text the mark session reads; document.body by default. */
  root?: Element;
  /** Tests only: quiet periods, ms. */
  timing?: Partial<typeof TIMING>;
  /** Ignore synthetic page events (default true); unit tests turn it off. */
  trustedEventsOnly?: boolean;
}

export interface PassagesHandle {
  /**
   * The `note-selection` command: the editor for the current selection; with no selection but the
   * caret inside a highlighted passage (caret browsing), that passage's card, pinned.
   */
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
  /** Quiet period before re-anchored selectors are written back. */
  persist: 2000,
};

export function attachPassages(session: MarkSession, env: PassageEnv): PassagesHandle {
  const { host } = env;
  const root = env.root ?? document.body;
  const doc = root.ownerDocument ?? document;
  const timing = { ...TIMING, ...env.timing };
  let destroyed = false;
  let orphansOpen = false;
  let dismissedOrphans: string | null = null;

  const notes = createPassageNotes(session, {
    doc,
    persistMs: timing.persist,
    onChange: () => {
      card.follow();
      paint();
    },
  });
  const selection = createSelectionButton(session, {
    doc,
    root,
    host,
    settleMs: timing.selection,
    trustedEventsOnly: env.trustedEventsOnly ?? true,
    onChange: () => paint(),
    onEditor: () => card.close(),
    onSaved: (note) => !destroyed && notes.added(note),
  });
  const card = createPassageCard(env.cards, host, notes, {
    blocked: () => !!selection.editor(),
    onChange: () => paint(),
  });

  function paint() {
    if (destroyed) return;
    const orphans = notes.orphans();
    const orphanKey = orphans.map((n) => n.id).join();
    const showOrphans = orphans.length > 0 && orphanKey !== dismissedOrphans;
    const button = selection.button();
    const editor = selection.editor();
    const c = card.view();
    const note = c && notes.get(c.id);
    const deleted = notes.deleted();
    if (!button && !editor && !note && !deleted && !showOrphans) return host.render(null, 'passage');
    const layer = h(PassageLayer, {
      lang: env.lang(),
      button: button && { anchor: button.anchor, onClick: selection.press },
      editor: editor && {
        key: editor.key,
        anchor: editor.anchor,
        quote: shorten(editor.text.slice(editor.offsets.start, editor.offsets.end)),
        onSave: selection.save,
        onCancel: selection.cancel,
      },
      card:
        c && note
          ? {
              anchor: c.anchor,
              note,
              pinned: c.pinned,
              closing: c.closing,
              events: card.events,
              elRef: card.ref,
              onSave: (body, color) => notes.edit(c.id, body, color),
              onDelete: () => notes.remove(c.id),
              onClose: card.close,
              onEditing: (on) => card.editing(c.id, on),
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
            onDelete: (id) => void notes.remove(id).catch(() => {}),
          }
        : null,
      toast: deleted && { onUndo: () => void notes.undo() },
    });
    host.render(layer, 'passage');
  }

  void notes.load();

  return {
    noteSelection() {
      if (destroyed || selection.editor() || selection.noteSelection()) return;
      const sel = doc.getSelection();
      const id = sel?.isCollapsed && sel.anchorNode ? notes.containing(sel.anchorNode, sel.anchorOffset) : null;
      if (id) card.open(id);
    },
    refresh: () => notes.placeAll(false),
    state: () => ({ placed: notes.placed(), orphans: [...notes.orphans()] }),
    destroy() {
      destroyed = true;
      selection.destroy();
      card.destroy();
      notes.destroy();
      host.render(null, 'passage');
    },
  };
}

/** The quote shown above the editor: enough to recognize it. */
function shorten(s: string, max = 280): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
