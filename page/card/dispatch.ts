import type { JSX } from 'preact';
import { createIntent, type Intent, type IntentTimers } from './intent';
import type { UiHost } from './host';
import type { Point } from './anchor';
import { trustedOnly } from '../trusted';

// The one pointer dispatcher of the page's cards. One set of page listeners (pointer, click/tap,
// keyboard, focus) asks the registered card kinds, in order, what is under the pointer or inside
// the focused element — an entity mark first, then a passage highlight: where a passage is also an
// entity mention, the entity's card has the pointer — and feeds ONE intent machine (intent.ts), so
// both kinds share the hover delay setting, the grace period, Enter to pin, Esc to dismiss, focus
// previews, and one card at a time. Listeners are few and cheap: one passive pointermove, throttled
// to one hit test per frame (never CSS.highlights.highlightsFromPoint: neither everywhere nor cheap).

export interface CardKind<T extends { id: number | string }> {
  /** Prefix of this kind's ids in the intent machine: ids are unique across kinds. */
  name: string;
  /** The target under the viewport point, or null. Cheap: called at most once per frame. */
  at(x: number, y: number): T | null;
  /** The first target inside a focused element (a link containing a name or a passage), or null. */
  within(el: Element): T | null;
  /** The dwell reached the prefetch point. */
  prefetch?(target: T): void;
  /** Show, switch to or pin the card of `target`; `point` is where the pointer was on it, if it was. */
  show(target: T, pinned: boolean, point: Point | null): void;
  hide(): void;
  /** The shown card holds a draft: no light dismiss, no Esc, no switch by a click elsewhere. */
  busy?(): boolean;
}

// The dispatcher only routes targets: each kind reads its own.
type AnyKind = CardKind<any>;

interface Hit {
  id: string;
  kind: AnyKind;
  target: unknown;
}

export interface CardDispatcherOptions {
  host: UiHost;
  /** The hover delay setting, ms; read at each dwell so a change applies at once. */
  delay(): number;
  /** Ignore synthetic page events (default true); unit tests turn it off to drive the cards. */
  trustedEventsOnly?: boolean;
  /** Tests only. */
  timers?: IntentTimers;
}

type CardEvents = Pick<
  JSX.HTMLAttributes<HTMLDivElement>,
  'onPointerEnter' | 'onPointerLeave' | 'onFocusIn' | 'onFocusOut' | 'onPointerDown' | 'onKeyDown'
>;

export interface CardDispatcher {
  /** Registers a kind (asked after those registered before it); returns its removal. */
  add<T extends { id: number | string }>(kind: CardKind<T>): () => void;
  /** Show now, without dwell (a keyboard shortcut, a command); pinned moves focus into the card. */
  open<T extends { id: number | string }>(kind: CardKind<T>, target: T, pinned: boolean): void;
  close(): void;
  /** What `kind` shows now, if the card on screen is one of its own. */
  current<T extends { id: number | string }>(kind: CardKind<T>): { target: T; pinned: boolean } | null;
  /** The events of a card's own floating element: it holds itself open, pins on interaction, Esc. */
  cardEvents(element: () => HTMLElement | null): CardEvents;
  destroy(): void;
}

// Targets whose Enter is their own (activating a link, a button, typing).
const INTERACTIVE = 'a[href],area[href],button,input,select,textarea,summary,[role="button"],[role="link"]';

export function createCardDispatcher(opts: CardDispatcherOptions): CardDispatcher {
  const { host } = opts;
  const doc = document;
  const kinds: AnyKind[] = [];
  let shown: Hit | null = null;
  // Where the pointer last was on a target: the card anchors to that line of a wrapped text.
  let point: (Point & { id: string }) | null = null;
  let pendingMove: (Point & { overUi: boolean }) | null = null;
  let frame = 0;
  let lastPointerType = 'mouse';

  const hit = <T extends { id: number | string }>(kind: CardKind<T>, target: T | null): Hit | null =>
    target ? { id: `${kind.name}:${target.id}`, kind, target } : null;
  const first = (find: (k: AnyKind) => { id: number | string } | null): Hit | null => {
    for (const k of kinds) {
      const h = hit(k, find(k));
      if (h) return h;
    }
    return null;
  };
  const busy = () => !!shown?.kind.busy?.();

  const intent: Intent<Hit> = createIntent<Hit>({
    delay: opts.delay,
    prefetch: (h) => h.kind.prefetch?.(h.target),
    show(h, pinned) {
      if (shown && shown.kind !== h.kind) shown.kind.hide();
      shown = h;
      h.kind.show(h.target, pinned, point?.id === h.id ? point : null);
    },
    hide() {
      const was = shown;
      shown = null;
      was?.kind.hide();
    },
    timers: opts.timers,
  });

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
    // Over our own UI (events there are retargeted to the host): the text under the card doesn't count.
    const h = p.overUi ? null : first((k) => k.at(p.x, p.y));
    if (h) point = { x: p.x, y: p.y, id: h.id };
    intent.pointerOn(h);
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
    if (busy()) return; // a draft is never thrown away by a click elsewhere
    const h = first((k) => k.at(e.clientX, e.clientY));
    if (!h) {
      if (intent.current) intent.close(); // light dismiss
      return;
    }
    const el = target?.nodeType === 1 ? (target as Element) : target?.parentElement;
    // Never take a tap from a link. We never preventDefault at all: the page's click is the page's.
    if (lastPointerType === 'touch' && el?.closest('a[href],area[href]')) return;
    const sel = doc.getSelection();
    if (lastPointerType !== 'touch' && sel && !sel.isCollapsed) return; // the click ended a text selection
    point = { x: e.clientX, y: e.clientY, id: h.id };
    intent.open(h, true);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (host.contains(e.target as Node | null)) return; // keys inside the card are handled there
    if (e.key === 'Escape') {
      if (!busy()) intent.escape();
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
    intent.focusOn(first((k) => k.within(el)));
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
    add(kind) {
      kinds.push(kind);
      return () => {
        if (shown?.kind === kind) intent.close();
        const i = kinds.indexOf(kind);
        if (i >= 0) kinds.splice(i, 1);
      };
    },
    open(kind, target, pinned) {
      intent.open(hit(kind, target)!, pinned);
    },
    close() {
      intent.close();
    },
    current(kind) {
      const c = intent.current;
      return c && c.target.kind === kind ? { target: c.target.target as never, pinned: c.pinned } : null;
    },
    cardEvents(element) {
      return {
        onPointerEnter: () => intent.cardPointer(true),
        onPointerLeave: () => intent.cardPointer(false),
        onFocusIn: () => intent.cardFocus(true),
        onFocusOut: (e: FocusEvent) => {
          if (!element()?.contains(e.relatedTarget as Node | null)) intent.cardFocus(false);
        },
        // Interacting with a preview pins it: it becomes a dialog the reader can work in.
        onPointerDown: () => {
          const c = intent.current;
          if (c && !c.pinned) intent.open(c.target, true);
        },
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key !== 'Escape' || e.defaultPrevented) return;
          e.stopPropagation(); // our Esc, not also the page's (it may close its own dialog)
          if (!busy()) intent.escape();
        },
      };
    },
    destroy() {
      for (const [type, fn, o] of listeners) doc.removeEventListener(type, fn, o);
      if (frame) cancelAnimationFrame(frame);
      intent.dispose();
      shown = null;
      kinds.length = 0;
    },
  };
}
