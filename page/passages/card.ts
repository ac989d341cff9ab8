// The card of a highlighted passage: a kind of card of the page's one card dispatcher
// (page/card/dispatch.ts), so it opens exactly like an entity card — after the hover delay setting
// on a dwell, at once and pinned on a click or tap, as a preview when focus lands on a link inside
// the passage, Enter pins a preview, Esc dismisses, the pointer may travel onto it during the grace
// period (Wikipedia Page Previews, WCAG 1.4.13) — and one card at a time with entity cards: where
// a passage is also an entity mention, the entity's card has the pointer. Editing the note pins the
// card and holds it open: no light dismiss, no Esc from the page, a draft is never thrown away.
import type { VirtualElement } from '@floating-ui/dom';
import type { CardDispatcher, CardKind } from '../card/dispatch';
import { anchorFor, type Point } from '../card/anchor';
import { createCardSurface } from '../card/surface';
import type { UiHost } from '../card/host';
import type { PassageNotes } from './notes';

export interface PassageTargetRef {
  /** The note's id. */
  id: string;
}

export interface PassageCardState {
  id: string;
  pinned: boolean;
  editing: boolean;
  closing: boolean;
  range: Range;
  anchor: VirtualElement;
}

export type PassageCard = ReturnType<typeof createPassageCard>;

export function createPassageCard(
  cards: CardDispatcher,
  host: UiHost,
  notes: PassageNotes,
  opts: { blocked(): boolean; onChange(): void },
) {
  const surface = createCardSurface(host);
  let card: PassageCardState | null = null;

  const kind: CardKind<PassageTargetRef> = {
    name: 'passage',
    // No card beside the new-note editor.
    at: (x, y) => (opts.blocked() ? null : ref(notes.at(x, y))),
    within: (el) => (opts.blocked() ? null : ref(notes.within(el))),
    show,
    hide,
    busy: () => !!card?.editing,
  };
  const removeKind = cards.add(kind);

  function show(t: PassageTargetRef, pinned: boolean, point: Point | null) {
    const range = notes.range(t.id);
    if (!range || !notes.get(t.id)) return;
    surface.show(pinned && !(card?.pinned && !card.closing));
    if (card && !card.closing && card.id === t.id) {
      card.pinned = pinned;
      return opts.onChange();
    }
    card = { id: t.id, pinned, editing: false, closing: false, range, anchor: anchorFor(range, point) };
    opts.onChange();
  }

  function hide() {
    const c = card;
    if (!c || c.closing) return;
    c.closing = true;
    surface.hide(c.pinned, opts.onChange, () => {
      if (card === c) card = null;
      opts.onChange();
    });
  }

  return {
    /** What to draw, with the element events that hold it open and pin it. */
    view: () => (card && notes.get(card.id) ? card : null),
    events: cards.cardEvents(surface.element),
    ref: surface.ref,
    /** Open the card of note `id` now (the keyboard command on a passage), pinned: focus moves in. */
    open(id: string) {
      cards.open(kind, { id }, true);
    },
    close() {
      if (cards.current(kind)) cards.close();
    },
    /** Editing pins the card and holds it open. */
    editing(id: string, on: boolean) {
      if (card?.id !== id) return;
      card.editing = on;
      if (on && !card.pinned) cards.open(kind, { id }, true);
    },
    /** The notes were placed again: the card follows its passage; a note that lost it closes the card. */
    follow() {
      if (!card || card.closing) return;
      const range = notes.range(card.id);
      if (!range || !notes.get(card.id)) return void cards.close();
      if (range !== card.range) Object.assign(card, { range, anchor: anchorFor(range, null) });
    },
    destroy() {
      removeKind();
      surface.destroy();
      card = null;
    },
  };
}

const ref = (id: string | null): PassageTargetRef | null => (id ? { id } : null);
