import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIntent, GRACE_MS, PREFETCH_MS, type IntentTimers } from '../../page/card/intent';

// The hover-card timing of docs/hover-card.md, on fake timers: no work before 150 ms, show at the
// hover delay, 300 ms grace after leaving, the card holds itself open, Esc dismisses.

interface M {
  id: number;
  entityId: string;
}
const a: M = { id: 1, entityId: 'person/a' };
const b: M = { id: 2, entityId: 'place/b' };

const timers: IntentTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function setup(delay = 500) {
  const prefetch = vi.fn<(m: M) => void>();
  const show = vi.fn<(m: M, pinned: boolean) => void>();
  const hide = vi.fn<() => void>();
  const intent = createIntent<M>({ delay: () => delay, prefetch, show, hide, timers });
  return { intent, prefetch, show, hide };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('dwell', () => {
  it('does no work before 150 ms, prefetches at 150, shows at the delay', () => {
    const { intent, prefetch, show } = setup(500);
    intent.pointerOn(a);
    vi.advanceTimersByTime(PREFETCH_MS - 1);
    expect(prefetch).not.toHaveBeenCalled();
    expect(show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(prefetch).toHaveBeenCalledExactlyOnceWith(a);
    vi.advanceTimersByTime(500 - PREFETCH_MS - 1);
    expect(show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(show).toHaveBeenCalledExactlyOnceWith(a, false);
    expect(intent.current).toEqual({ target: a, pinned: false });
  });

  it('a pointer that just crosses a mention costs nothing', () => {
    const { intent, prefetch, show } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(100);
    intent.pointerOn(null);
    vi.advanceTimersByTime(2000);
    expect(prefetch).not.toHaveBeenCalled();
    expect(show).not.toHaveBeenCalled();
  });

  it('repeated moves on the same mention do not restart the delay', () => {
    const { intent, show } = setup(500);
    intent.pointerOn(a);
    vi.advanceTimersByTime(300);
    intent.pointerOn({ ...a }); // same id, new object from the locator
    vi.advanceTimersByTime(200);
    expect(show).toHaveBeenCalledOnce();
  });

  it('follows the hoverDelay setting, never earlier than the prefetch', () => {
    const { intent, show, prefetch } = setup(100);
    intent.pointerOn(a);
    vi.advanceTimersByTime(PREFETCH_MS - 1);
    expect(show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(prefetch).toHaveBeenCalledOnce();
    expect(show).toHaveBeenCalledOnce();
  });
});

describe('leaving', () => {
  it('keeps the card 300 ms after the pointer leaves, then hides', () => {
    const { intent, hide } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(hide).toHaveBeenCalledOnce();
    expect(intent.current).toBeNull();
  });

  it('entering the card cancels the hide; never auto-hides while hovered', () => {
    const { intent, hide } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(200);
    intent.cardPointer(true);
    vi.advanceTimersByTime(60_000);
    expect(hide).not.toHaveBeenCalled();
    intent.cardPointer(false);
    vi.advanceTimersByTime(GRACE_MS);
    expect(hide).toHaveBeenCalledOnce();
  });

  it('never auto-hides while the card has focus', () => {
    const { intent, hide } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.cardFocus(true);
    intent.pointerOn(null);
    vi.advanceTimersByTime(60_000);
    expect(hide).not.toHaveBeenCalled();
    intent.cardFocus(false);
    vi.advanceTimersByTime(GRACE_MS);
    expect(hide).toHaveBeenCalledOnce();
  });

  it('returning to the mention within the grace keeps the card', () => {
    const { intent, hide, show } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(200);
    intent.pointerOn(a);
    vi.advanceTimersByTime(5000);
    expect(hide).not.toHaveBeenCalled();
    expect(show).toHaveBeenCalledOnce();
  });
});

describe('switching', () => {
  it('moving to another mention switches after the delay, without hiding in between', () => {
    const { intent, show, hide } = setup(500);
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.pointerOn(b);
    vi.advanceTimersByTime(499);
    expect(show).toHaveBeenCalledTimes(1);
    expect(hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(show).toHaveBeenLastCalledWith(b, false);
    expect(hide).not.toHaveBeenCalled();
  });

  it('a pinned card stays while the pointer previews other mentions', () => {
    const { intent, show } = setup();
    intent.open(a, true);
    intent.pointerOn(b);
    intent.pointerOn(null);
    vi.advanceTimersByTime(5000);
    expect(show).toHaveBeenCalledExactlyOnceWith(a, true);
    expect(intent.current).toEqual({ target: a, pinned: true });
  });
});

describe('pin and dismiss', () => {
  it('click/Enter/tap pins at once; a pinned card never auto-hides', () => {
    const { intent, show, hide } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(100);
    intent.open(a, true);
    expect(show).toHaveBeenCalledExactlyOnceWith(a, true);
    intent.pointerOn(null);
    vi.advanceTimersByTime(60_000);
    expect(hide).not.toHaveBeenCalled();
    expect(show).toHaveBeenCalledOnce(); // the pending dwell was cancelled
  });

  it('pinning the shown preview turns it into the pinned card', () => {
    const { intent, show } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.open(a, true);
    expect(show).toHaveBeenLastCalledWith(a, true);
  });

  it('Esc dismisses an unpinned card, and it does not come back while the pointer rests', () => {
    const { intent, show, hide } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    expect(intent.escape()).toBe(true);
    expect(hide).toHaveBeenCalledOnce();
    intent.pointerOn(a);
    vi.advanceTimersByTime(5000);
    expect(show).toHaveBeenCalledOnce();
  });

  it('Esc is not undone by focus or pointer leaving the other way', () => {
    const { intent, show } = setup();
    intent.focusOn(a);
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.escape();
    intent.focusOn(null); // focus goes to the body: the hovered mention must not come back
    vi.advanceTimersByTime(5000);
    expect(show).toHaveBeenCalledOnce();
    intent.pointerOn(null);
    intent.pointerOn(a); // a fresh hover is a new request
    vi.advanceTimersByTime(500);
    expect(show).toHaveBeenCalledTimes(2);
  });

  it('Esc dismisses a pinned card', () => {
    const { intent, hide } = setup();
    intent.open(a, true);
    expect(intent.escape()).toBe(true);
    expect(hide).toHaveBeenCalledOnce();
    expect(intent.current).toBeNull();
  });

  it('Esc during the dwell cancels the pending show', () => {
    const { intent, show, prefetch } = setup();
    intent.pointerOn(a);
    vi.advanceTimersByTime(100);
    expect(intent.escape()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(prefetch).not.toHaveBeenCalled();
    expect(show).not.toHaveBeenCalled();
  });
});

describe('keyboard focus', () => {
  it('focus on an element containing a mention previews it; focus leaving hides after the grace', () => {
    const { intent, show, hide } = setup(500);
    intent.focusOn(a);
    vi.advanceTimersByTime(500);
    expect(show).toHaveBeenCalledExactlyOnceWith(a, false);
    intent.focusOn(null);
    vi.advanceTimersByTime(GRACE_MS);
    expect(hide).toHaveBeenCalledOnce();
  });

  it('the pointer leaving does not hide a card its mention still holds by focus', () => {
    const { intent, hide } = setup();
    intent.focusOn(a);
    intent.pointerOn(a);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(5000);
    expect(hide).not.toHaveBeenCalled();
  });
});
