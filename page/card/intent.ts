// When the hover card shows, switches and hides: a pure state machine over injected timers, so the
// timing in docs/hover-card.md (after Wikipedia Page Previews and WCAG 1.4.13) is unit-testable.
// It knows nothing of the DOM: the card dispatcher (dispatch.ts) feeds it what the pointer and
// focus are on, for entity and passage cards alike.

/** No work at all before this much dwell (a pointer crossing text must cost nothing). */
export const PREFETCH_MS = 150;
/** After the pointer leaves, the card stays this long so the pointer can travel to it. */
export const GRACE_MS = 300;

export interface IntentTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What a card is for: an entity mention or a passage note (ids unique across both kinds). */
export interface IntentTarget {
  id: number | string;
}

export interface IntentOptions<T extends IntentTarget> {
  /** Dwell before showing (the hoverDelay setting); read at each start so setting changes apply. */
  delay(): number;
  /** Dwell reached PREFETCH_MS: fetch what the card will show. */
  prefetch(target: T): void;
  /** Show (or switch to, or pin) the card for `target`. */
  show(target: T, pinned: boolean): void;
  hide(): void;
  timers?: IntentTimers;
}

export interface Intent<T extends IntentTarget> {
  /** What the pointer is on now (null: no mention). Repeats for the same mention are free. */
  pointerOn(target: T | null): void;
  /** What page focus is on now (an element containing a mention, e.g. a link), or null. */
  focusOn(target: T | null): void;
  /** The pointer entered (true) or left (false) the card. */
  cardPointer(inside: boolean): void;
  /** Focus entered (true) or left (false) the card. */
  cardFocus(inside: boolean): void;
  /** Show now, without dwell: a click/Enter/tap pins, a keyboard shortcut may open either way. */
  open(target: T, pinned: boolean): void;
  /** Esc: dismisses a pinned or unpinned card and any pending show. True if a card was visible. */
  escape(): boolean;
  /** Hide now (close button, turn-off, outside click). */
  close(): void;
  readonly current: { target: T; pinned: boolean } | null;
  dispose(): void;
}

const realTimers: IntentTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const same = (a: IntentTarget | null, b: IntentTarget | null) => !!a && !!b && a.id === b.id;

export function createIntent<T extends IntentTarget>(opts: IntentOptions<T>): Intent<T> {
  const timers = opts.timers ?? realTimers;
  let hovered: T | null = null;
  let focused: T | null = null;
  let shown: T | null = null;
  let pinned = false;
  let overCard = false;
  let inCard = false;
  let prefetchTimer: unknown = null;
  let showTimer: unknown = null;
  let hideTimer: unknown = null;
  // What Esc dismissed: not brought back by a dwell resuming; a fresh pointer or focus target clears it.
  let dismissed = new Set<number | string>();

  function clear(which: 'pending' | 'hide' | 'all') {
    if (which !== 'hide') {
      if (prefetchTimer !== null) timers.clear(prefetchTimer);
      if (showTimer !== null) timers.clear(showTimer);
      prefetchTimer = showTimer = null;
    }
    if (which !== 'pending' && hideTimer !== null) {
      timers.clear(hideTimer);
      hideTimer = null;
    }
  }

  function reveal(target: T, pin: boolean) {
    clear('all');
    shown = target;
    pinned = pin;
    opts.show(target, pin);
  }

  function hideNow() {
    clear('all');
    if (!shown) return;
    shown = null;
    pinned = false;
    opts.hide();
  }

  /** Dwell on `target`: prefetch at 150 ms, show at the delay, unless something moves first. */
  function dwell(target: T) {
    clear('pending');
    if (pinned) return; // a pinned card stays put; hovering elsewhere only previews after it closes
    if (same(target, shown)) return;
    prefetchTimer = timers.set(() => {
      prefetchTimer = null;
      opts.prefetch(target);
    }, PREFETCH_MS);
    showTimer = timers.set(
      () => {
        showTimer = null;
        reveal(target, false);
      },
      Math.max(opts.delay(), PREFETCH_MS),
    );
  }

  /** Something that held the card open went away: start the grace period unless another holds it. */
  function release() {
    if (!shown || pinned || hideTimer !== null) return;
    // The pointer on any mention keeps the current card until the switch (no flicker in between).
    if (overCard || inCard || hovered || same(focused, shown)) return;
    hideTimer = timers.set(() => {
      hideTimer = null;
      hideNow();
    }, GRACE_MS);
  }

  function hold() {
    clear('hide');
  }

  /** The pointer or focus moved to `target` (null: off any); `other` is where the other one is. */
  function moved(target: T | null, other: T | null) {
    if (target) {
      dismissed.clear();
      hold();
      dwell(target);
    } else {
      clear('pending');
      // A dwell of the other one (focus under a pointer that passed by) resumes, unless Esc dismissed it.
      if (other && !dismissed.has(other.id)) dwell(other);
      release();
    }
  }

  return {
    pointerOn(target) {
      if (target === hovered || same(target, hovered)) return;
      hovered = target;
      moved(target, focused);
    },
    focusOn(target) {
      if (target === focused || same(target, focused)) return;
      focused = target;
      moved(target, hovered);
    },
    cardPointer(inside) {
      overCard = inside;
      if (inside) hold();
      else release();
    },
    cardFocus(inside) {
      inCard = inside;
      if (inside) hold();
      else release();
    },
    open(target, pin) {
      reveal(target, pin);
    },
    escape() {
      dismissed = new Set([hovered, focused, shown].filter((x): x is T => !!x).map((x) => x.id));
      clear('pending');
      if (!shown) return false;
      hideNow();
      return true;
    },
    close: hideNow,
    get current() {
      return shown ? { target: shown, pinned } : null;
    },
    dispose() {
      clear('all');
      shown = hovered = focused = null;
      pinned = overCard = inCard = false;
    },
  };
}
