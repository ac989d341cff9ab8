import { h } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import type { EntityCard } from '../../messaging/protocol';
import type { UiLang } from '../../i18n/strings';
import { DEFAULT_SETTINGS, HOVER_DELAY_RANGE, type Settings } from '../../settings/settings';
import { HoverCard, type CardNote } from '../../components/card/HoverCard';
import type { MentionLocator, PageMention } from '../types';
import { createUiHost, type UiHost } from './host';
import { createIntent, type IntentTimers } from './intent';
import { trustedOnly } from '../trusted';

// Wires the page to the hover card: pointer, click/tap, keyboard and focus events in; the intent
// state machine decides; this module fetches, renders into the UiHost and positions with Floating
// UI. Listeners are few and cheap: one passive pointermove, throttled to one locator.at() per frame
// (never CSS.highlights.highlightsFromPoint, which is neither everywhere nor cheap).

export type { CardNote };

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
  destroy(): void;
}

export const FADE_OUT_MS = 150;
const CARD_CACHE = 64;
// Targets whose Enter is their own (activating a link, a button, typing).
const INTERACTIVE = 'a[href],area[href],button,input,select,textarea,summary,[role="button"],[role="link"]';

interface View {
  mention: PageMention;
  pinned: boolean;
  card: EntityCard | null;
  failed: boolean;
  notes: CardNote[];
  anchor: VirtualElement;
  ref: (el: HTMLElement | null) => void;
  lastDeleted: CardNote | null;
}

interface Point {
  x: number;
  y: number;
}

export function createCardController(opts: CardControllerOptions): CardController {
  const host = opts.host ?? createUiHost();
  const doc = document;
  const cards = cardCache(opts.fetchCard);
  let view: View | null = null;
  let floating: HTMLElement | null = null;
  let unmountTimer: ReturnType<typeof setTimeout> | null = null;
  let returnFocus: HTMLElement | null = null;
  // Where the pointer last was on a mention: the card anchors to that line of a wrapped name.
  let point: (Point & { mention: number }) | null = null;
  let pendingMove: (Point & { overUi: boolean }) | null = null;
  let frame = 0;
  let lastPointerType = 'mouse';

  const intent = createIntent<PageMention>({
    delay: () => hoverDelay(opts.getSettings()),
    prefetch: (id) => void cards.get(id).catch(() => {}),
    show,
    hide,
    timers: opts.timers,
  });

  function show(m: PageMention, pinned: boolean) {
    if (unmountTimer) clearTimeout(unmountTimer);
    unmountTimer = null;
    if (pinned && !view?.pinned) returnFocus = focusedOnPage();
    if (view && view.mention.id === m.id) {
      view.pinned = pinned;
      return paint();
    }
    const anchor = anchorFor(m.range, point?.mention === m.id ? point : null);
    view = {
      mention: m,
      pinned,
      card: cards.peek(m.entityId),
      failed: false,
      notes: [],
      anchor,
      ref: floatRef(anchor),
      lastDeleted: null,
    };
    paint();
    if (!view.card) {
      cards.get(m.entityId).then(
        (card) => update(m.entityId, (v) => (v.card = card)),
        () => update(m.entityId, (v) => (v.failed = true)),
      );
    }
    void refreshNotes(m.entityId);
  }

  function hide() {
    const wasPinned = view?.pinned;
    view = null;
    if (wasPinned) giveFocusBack();
    returnFocus = null;
    const el = floating;
    if (el && !reducedMotion()) {
      el.dataset.state = 'closing';
      unmountTimer = setTimeout(() => {
        unmountTimer = null;
        if (!view) host.render(null);
      }, FADE_OUT_MS);
    } else {
      host.render(null);
    }
  }

  /** Esc/close return focus to where it was before the pin, if it is still in the card now. */
  function giveFocusBack() {
    const inner = (floating?.getRootNode() as ShadowRoot | undefined)?.activeElement as HTMLElement | null | undefined;
    if (!inner || !floating?.contains(inner)) return;
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    else inner.blur();
  }

  function update(entityId: string, change: (v: View) => void) {
    if (view?.mention.entityId !== entityId) return;
    change(view);
    paint();
  }

  async function refreshNotes(entityId: string) {
    try {
      const notes = await opts.getNotes(entityId);
      update(entityId, (v) => (v.notes = notes));
    } catch {
      // Notes unavailable: the card still shows the corpus; the notes section stays empty.
    }
  }

  function paint() {
    if (!view) return;
    const v = view;
    const { entityId } = v.mention;
    host.render(
      h(
        'div',
        {
          class: 'hs-float',
          ref: v.ref,
          onPointerEnter: () => intent.cardPointer(true),
          onPointerLeave: () => intent.cardPointer(false),
          onFocusIn: () => intent.cardFocus(true),
          onFocusOut: (e: FocusEvent) => {
            if (!floating?.contains(e.relatedTarget as Node | null)) intent.cardFocus(false);
          },
          // Interacting with a preview pins it: it becomes a dialog the reader can work in.
          onPointerDown: () => {
            if (!v.pinned) intent.open(v.mention, true);
          },
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation(); // our Esc, not also the page's (it may close its own dialog)
            intent.escape();
          },
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
          onAddNote: async (body) => {
            await opts.onAddNote(entityId, body);
            await refreshNotes(entityId);
          },
          onEditNote: async (id, body) => {
            await opts.onEditNote(entityId, id, body);
            await refreshNotes(entityId);
          },
          onDeleteNote: async (id) => {
            const note = v.notes.find((n) => n.id === id) ?? null;
            await opts.onDeleteNote(entityId, id);
            v.lastDeleted = note;
            await refreshNotes(entityId);
          },
          onUndoDelete: async () => {
            const note = v.lastDeleted;
            if (!note) return;
            v.lastDeleted = null;
            await opts.onUndoDelete(entityId, note);
            await refreshNotes(entityId);
          },
          onDisableSite: opts.onDisableSite
            ? () => {
                intent.close();
                opts.onDisableSite!();
              }
            : undefined,
          onClose: () => intent.close(),
        }),
      ),
    );
  }

  /** One ref per view: starts Floating UI's autoUpdate when the card mounts, cleans it up on unmount. */
  function floatRef(anchor: VirtualElement) {
    let stop: (() => void) | null = null;
    let mine: HTMLElement | null = null;
    return (el: HTMLElement | null) => {
      stop?.();
      stop = null;
      if (el) {
        mine = floating = el;
        // Hidden until placed, unless it is already showing (switching mentions: no fade between).
        if (el.dataset.state !== 'open') el.dataset.state = 'placing';
        stop = autoUpdate(anchor, el, () => place(anchor, el));
      } else {
        if (floating === mine) floating = null;
        mine = null;
      }
    };
  }

  function place(anchor: VirtualElement, el: HTMLElement) {
    if (view?.anchor !== anchor) return;
    if (!anchor.getClientRects!().length) {
      // The page removed or hid the mention's text: a preview has nothing left to point at.
      if (!view.pinned) intent.close();
      return;
    }
    computePosition(anchor, el, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(8), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      if (view?.anchor !== anchor || floating !== el) return; // a newer card took over
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
      if (el.dataset.state === 'placing') el.dataset.state = 'open';
    });
  }

  function focusedOnPage(): HTMLElement | null {
    const a = doc.activeElement as HTMLElement | null;
    return a && a !== doc.body && !host.contains(a) ? a : null;
  }

  // ---- page events ----

  function onPointerMove(e: PointerEvent) {
    if (e.pointerType === 'touch') return; // touch has no hover: a tap pins instead
    pendingMove = { x: e.clientX, y: e.clientY, overUi: host.contains(e.target as Node | null) };
    if (!frame) frame = requestAnimationFrame(onFrame);
  }

  function onFrame() {
    frame = 0;
    const p = pendingMove;
    pendingMove = null;
    if (!p) return;
    // Over our own UI (events there are retargeted to the host): the mention under the card doesn't count.
    const m = p.overUi ? null : opts.locator.at(p.x, p.y);
    if (m) point = { x: p.x, y: p.y, mention: m.id };
    intent.pointerOn(m);
  }

  function onPointerOut(e: PointerEvent) {
    if (e.relatedTarget || e.pointerType === 'touch') return;
    pendingMove = null; // left the window: nothing is under the pointer any more
    intent.pointerOn(null);
  }

  function onPointerDown(e: PointerEvent) {
    lastPointerType = e.pointerType;
  }

  function onClick(e: MouseEvent) {
    const target = e.target as Node | null;
    if (host.contains(target)) return; // the card's own clicks
    if (e.detail === 0) return; // keyboard-made click (Enter on a link): no position, not ours
    const m = opts.locator.at(e.clientX, e.clientY);
    if (!m) {
      if (intent.current) intent.close(); // light dismiss
      return;
    }
    const el = target?.nodeType === 1 ? (target as Element) : target?.parentElement;
    // Never take a tap from a link. We never preventDefault at all: the page's click is the page's.
    if (lastPointerType === 'touch' && el?.closest('a[href],area[href]')) return;
    const sel = doc.getSelection();
    if (lastPointerType !== 'touch' && sel && !sel.isCollapsed) return; // the click ended a text selection
    point = { x: e.clientX, y: e.clientY, mention: m.id };
    intent.open(m, true);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (host.contains(e.target as Node | null)) return; // keys inside the card are handled there
    if (e.key === 'Escape') {
      intent.escape();
    } else if (e.key === 'Enter' && !e.repeat && !e.defaultPrevented) {
      const cur = intent.current;
      const el = e.target as Element | null;
      const own = el?.nodeType === 1 && ((el as HTMLElement).isContentEditable || el.closest(INTERACTIVE));
      if (!cur || cur.pinned || own) return;
      e.preventDefault();
      intent.open(cur.target, true);
    }
  }

  function onFocusIn(e: FocusEvent) {
    const el = e.target as Element | null;
    if (!el || el.nodeType !== 1 || host.contains(el)) return;
    if (el === doc.body || el === doc.documentElement) return intent.focusOn(null);
    intent.focusOn(opts.locator.within(el)[0] ?? null);
  }

  function onFocusOut(e: FocusEvent) {
    if (!e.relatedTarget) intent.focusOn(null);
  }

  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['pointermove', onPointerMove as EventListener, { passive: true }],
    ['pointerout', onPointerOut as EventListener, { passive: true }],
    // Capture: a page that stops propagation of its own clicks must not break the card.
    ['pointerdown', onPointerDown as EventListener, { capture: true, passive: true }],
    ['click', onClick as EventListener, { capture: true, passive: true }],
    ['keydown', onKeyDown as EventListener, { capture: true }],
    ['focusin', onFocusIn as EventListener, { capture: true }],
    ['focusout', onFocusOut as EventListener, { capture: true }],
  ];
  for (const l of listeners) l[1] = trustedOnly(l[1], opts.trustedEventsOnly ?? true);
  for (const [type, fn, o] of listeners) doc.addEventListener(type, fn, o);

  return {
    open(mention, pinned) {
      intent.open(mention, pinned);
    },
    close() {
      intent.close();
    },
    refreshNotes() {
      if (view) void refreshNotes(view.mention.entityId);
    },
    destroy() {
      for (const [type, fn, o] of listeners) doc.removeEventListener(type, fn, o);
      if (frame) cancelAnimationFrame(frame);
      if (unmountTimer) clearTimeout(unmountTimer);
      intent.dispose();
      view = null;
      host.render(null); // unmounting runs the ref's autoUpdate cleanup
      if (!opts.host) host.destroy();
    },
  };
}

function hoverDelay(s: Settings): number {
  const d = Number.isFinite(s.hoverDelay) ? s.hoverDelay : DEFAULT_SETTINGS.hoverDelay;
  return Math.min(Math.max(d, HOVER_DELAY_RANGE.min), HOVER_DELAY_RANGE.max);
}

function reducedMotion(): boolean {
  return !!globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Floating UI reference for a mention. A name wrapped over two lines has two client rects; the
 * card anchors to the line the pointer was on (else the first line), not to the box around both.
 */
export function anchorFor(range: Range, at: Point | null): VirtualElement {
  const rects = () => Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const initial = rects();
  const found = at
    ? initial.findIndex((r) => at.x >= r.left && at.x <= r.right && at.y >= r.top && at.y <= r.bottom)
    : -1;
  const line = Math.max(0, found);
  const ctx = range.commonAncestorContainer;
  return {
    getBoundingClientRect() {
      const rs = rects();
      return rs[line] ?? rs[0] ?? range.getBoundingClientRect();
    },
    getClientRects: rects,
    // Lets autoUpdate find the scroll containers the mention is in.
    contextElement: (ctx.nodeType === 1 ? (ctx as Element) : ctx.parentElement) ?? undefined,
  };
}

/** Cards by entity id: one request per entity in flight, recent ones kept for an instant re-show. */
function cardCache(fetch: (id: string) => Promise<EntityCard>) {
  const inflight = new Map<string, Promise<EntityCard>>();
  const ready = new Map<string, EntityCard>();
  return {
    peek: (id: string) => ready.get(id) ?? null,
    get(id: string): Promise<EntityCard> {
      const have = ready.get(id);
      if (have) return Promise.resolve(have);
      let p = inflight.get(id);
      if (!p) {
        p = fetch(id).then((card) => {
          ready.set(id, card);
          if (ready.size > CARD_CACHE) ready.delete(ready.keys().next().value!);
          return card;
        });
        inflight.set(id, p);
        // Settled either way: a failure may be retried on the next hover.
        p.finally(() => inflight.delete(id)).catch(() => {});
      }
      return p;
    },
  };
}
