import { h } from 'preact';
import type { VirtualElement } from '@floating-ui/dom';
import type { EntityCard } from '../../messaging/protocol';
import type { UiLang } from '../../i18n/page-strings';
import { DEFAULT_SETTINGS, HOVER_DELAY_RANGE, type Settings } from '../../settings/settings';
import { HoverCard, type CardNote } from '../../components/card/HoverCard';
import { Floating } from '../../components/card/Floating';
import type { MentionLocator, PageMention } from '../types';
import { createUiHost, type UiHost } from './host';
import type { IntentTimers } from './intent';
import { anchorFor } from './anchor';
import { cardCache } from './cache';
import { createCardDispatcher, type CardDispatcher, type CardKind } from './dispatch';
import { createCardSurface, FADE_OUT_MS } from './surface';

// The entity card: what the card of a marked mention shows and does. The page's one card dispatcher
// (dispatch.ts) decides when it shows — pointer, click/tap, keyboard and focus through the intent
// machine — and this fetches the card and its notes, renders into the UiHost's 'card' slot and
// places it next to the mention (components/card/Floating.tsx).

export type { CardNote };
export { FADE_OUT_MS };

export interface CardControllerOptions {
  locator: MentionLocator;
  fetchCard(entityId: string): Promise<EntityCard>;
  getNotes(entityId: string): Promise<CardNote[]>;
  onAddNote(entityId: string, body: string): Promise<void>;
  onEditNote(entityId: string, noteId: string, body: string): Promise<void>;
  onDeleteNote(entityId: string, noteId: string): Promise<void>;
  /** Restore `note`, the last one deleted from this entity's card. */
  onUndoDelete(entityId: string, note: CardNote): Promise<void>;
  getSettings(): Settings;
  lang(): UiLang;
  onOpenArticle(articleId: string): void;
  onOpenEntity(entityId: string): void;
  /** "Turn off on this site"; without it the card shows no such control (the corpus reader). */
  onDisableSite?(): void;
  /** Share one host with the same-story notice; without it the controller makes (and destroys) its own. */
  host?: UiHost;
  /** Ignore synthetic page events (default true); unit tests turn it off to drive the card. */
  trustedEventsOnly?: boolean;
  /** Tests only. */
  timers?: IntentTimers;
}

export interface CardController {
  /** Show the card for `mention` now (a keyboard shortcut, the popup); pinned moves focus into it. */
  open(mention: PageMention, pinned: boolean): void;
  close(): void;
  /** Notes were written elsewhere (another tab, the notes page): the open card asks for its notes again. */
  refreshNotes(): void;
  /** The page's card dispatcher: other kinds of card (passage notes) register with it. */
  readonly cards: CardDispatcher;
  destroy(): void;
}

interface View {
  mention: PageMention;
  pinned: boolean;
  card: EntityCard | null;
  failed: boolean;
  notes: CardNote[];
  anchor: VirtualElement;
  lastDeleted: CardNote | null;
}

export function createCardController(opts: CardControllerOptions): CardController {
  const host = opts.host ?? createUiHost();
  const cache = cardCache(opts.fetchCard);
  const surface = createCardSurface(host);
  const cards = createCardDispatcher({
    host,
    delay: () => hoverDelay(opts.getSettings()),
    trustedEventsOnly: opts.trustedEventsOnly,
    timers: opts.timers,
  });
  const events = cards.cardEvents(surface.element);
  let view: View | null = null;

  const kind: CardKind<PageMention> = {
    name: 'entity',
    at: (x, y) => opts.locator.at(x, y),
    within: (el) => opts.locator.within(el)[0] ?? null,
    prefetch: (m) => void cache.get(m.entityId).catch(() => {}),
    show,
    hide,
  };
  const removeKind = cards.add(kind);

  function show(m: PageMention, pinned: boolean, point: { x: number; y: number } | null) {
    surface.show(pinned && !view?.pinned);
    if (view && view.mention.id === m.id) {
      view.pinned = pinned;
      return paint(view);
    }
    view = {
      mention: m,
      pinned,
      card: cache.peek(m.entityId),
      failed: false,
      notes: [],
      anchor: anchorFor(m.range, point),
      lastDeleted: null,
    };
    paint(view);
    if (!view.card) {
      cache.get(m.entityId).then(
        (card) => update(m.entityId, (v) => (v.card = card)),
        () => update(m.entityId, (v) => (v.failed = true)),
      );
    }
    void refreshNotes(m.entityId);
  }

  function hide() {
    const v = view;
    view = null;
    if (!v) return;
    surface.hide(
      v.pinned,
      () => paint(v, true),
      () => host.render(null),
    );
  }

  function update(entityId: string, change: (v: View) => void) {
    if (view?.mention.entityId !== entityId) return;
    change(view);
    paint(view);
  }

  async function refreshNotes(entityId: string) {
    try {
      const notes = await opts.getNotes(entityId);
      update(entityId, (v) => (v.notes = notes));
    } catch {
      // Notes unavailable: the card still shows the corpus; the notes section stays empty.
    }
  }

  const notesOf = (v: View) => {
    const { entityId } = v.mention;
    const after = async (write: Promise<void>) => {
      await write;
      await refreshNotes(entityId);
    };
    return {
      onAddNote: (body: string) => after(opts.onAddNote(entityId, body)),
      onEditNote: (id: string, body: string) => after(opts.onEditNote(entityId, id, body)),
      onDeleteNote: async (id: string) => {
        const note = v.notes.find((n) => n.id === id) ?? null;
        await opts.onDeleteNote(entityId, id);
        v.lastDeleted = note;
        await refreshNotes(entityId);
      },
      onUndoDelete: async () => {
        const note = v.lastDeleted;
        if (!note) return;
        v.lastDeleted = null;
        await after(opts.onUndoDelete(entityId, note));
      },
    };
  };

  function paint(v: View, closing = false) {
    host.render(
      h(
        Floating,
        {
          anchor: v.anchor,
          closing,
          elRef: surface.ref,
          // The page removed or hid the mention's text: a preview has nothing left to point at.
          onLost: () => view === v && !v.pinned && cards.close(),
          ...events,
        },
        h(HoverCard, {
          key: v.mention.id,
          card: v.card,
          failed: v.failed,
          lang: opts.lang(),
          pinned: v.pinned,
          notes: v.notes,
          onOpenArticle: opts.onOpenArticle,
          onOpenEntity: opts.onOpenEntity,
          ...notesOf(v),
          onDisableSite: opts.onDisableSite
            ? () => {
                cards.close();
                opts.onDisableSite!();
              }
            : undefined,
          onClose: () => cards.close(),
        }),
      ),
    );
  }

  return {
    cards,
    open(mention, pinned) {
      cards.open(kind, mention, pinned);
    },
    close() {
      cards.close();
    },
    refreshNotes() {
      if (view) void refreshNotes(view.mention.entityId);
    },
    destroy() {
      removeKind();
      cards.destroy();
      surface.destroy();
      view = null;
      host.render(null); // unmounting runs Floating's autoUpdate cleanup
      if (!opts.host) host.destroy();
    },
  };
}

function hoverDelay(s: Settings): number {
  const d = Number.isFinite(s.hoverDelay) ? s.hoverDelay : DEFAULT_SETTINGS.hoverDelay;
  return Math.min(Math.max(d, HOVER_DELAY_RANGE.min), HOVER_DELAY_RANGE.max);
}
