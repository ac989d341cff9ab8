import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { EntityCard } from '../../messaging/protocol';
import type { MentionLocator, PageMention } from '../../page/types';
import type { UiHost } from '../../page/card/host';
import { createCardController, FADE_OUT_MS, type CardController } from '../../page/card/controller';
import { DEFAULT_SETTINGS } from '../../settings/settings';

// Count Floating UI's autoUpdate subscriptions and cleanups; positioning itself is real.
const floating = vi.hoisted(() => ({ started: 0, stopped: 0 }));
vi.mock('@floating-ui/dom', async (orig) => {
  const real = await orig<typeof import('@floating-ui/dom')>();
  return {
    ...real,
    autoUpdate: (...args: Parameters<typeof real.autoUpdate>) => {
      floating.started++;
      const stop = real.autoUpdate(...args);
      return () => {
        floating.stopped++;
        stop();
      };
    },
  };
});

// Wiring, not layout: happy-dom has no layout and no Highlight API, so mentions are stubs with a
// fixed rect and the host is an open double the test can read. Animation frames are driven by hand.

const rect = { x: 10, y: 10, left: 10, top: 10, right: 60, bottom: 26, width: 50, height: 16 } as DOMRect;

function mention(id: number, entityId: string, container: Element): PageMention {
  const range = {
    getClientRects: () => [rect],
    getBoundingClientRect: () => rect,
    commonAncestorContainer: container,
  } as unknown as Range;
  return { id, entityId, type: 'place', range };
}

const card = (id: string): EntityCard => ({
  id,
  type: 'place',
  names: { en: 'Geneva', ar: 'جنيف' },
  gloss: { en: 'City' },
  mentions: [],
  mentionCount: 0,
  articleCount: 0,
  related: [],
});

let frames: FrameRequestCallback[] = [];
const runFrame = () => act(() => frames.splice(0).forEach((f) => f(0)));

let slot: HTMLElement;
let ctl: CardController;
let para: HTMLElement;
let link: HTMLAnchorElement;
let m1: PageMention;
let m2: PageMention;
let under: PageMention | null;
let locator: MentionLocator;
let opts: Parameters<typeof createCardController>[0];

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  document.body.innerHTML = '<p>Talks in Geneva.</p><p><a href="#x">Bern</a></p><button id="before">x</button>';
  para = document.querySelector('p')!;
  link = document.querySelector('a')!;
  m1 = mention(1, 'place/geneva', para);
  m2 = mention(2, 'place/bern', link);
  under = null;
  locator = { at: vi.fn(() => under), all: () => [m1, m2], within: (el) => (el === link ? [m2] : []) };
  slot = document.createElement('div');
  document.body.append(slot);
  const host: UiHost = {
    render: (v) => render(v, slot),
    contains: (n) => !!n && slot.contains(n),
    destroy: () => render(null, slot),
  };
  opts = {
    locator,
    host,
    fetchCard: vi.fn(async (id: string) => card(id)),
    getNotes: vi.fn(async () => []),
    onAddNote: vi.fn(async () => {}),
    onEditNote: vi.fn(async () => {}),
    onDeleteNote: vi.fn(async () => {}),
    onUndoDelete: vi.fn(async () => {}),
    getSettings: () => DEFAULT_SETTINGS,
    lang: () => 'en',
    onOpenArticle: vi.fn(),
    onOpenEntity: vi.fn(),
    onDisableSite: vi.fn(),
    trustedEventsOnly: false, // happy-dom can only dispatch synthetic events
  };
  ctl = createCardController(opts);
});

afterEach(() => {
  act(() => ctl.destroy());
  slot.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function move(x: number, y: number, target: Element = para, pointerType = 'mouse') {
  target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType, bubbles: true }));
}

function tap(target: Element, pointerType: string) {
  target.dispatchEvent(new PointerEvent('pointerdown', { clientX: 20, clientY: 20, pointerType, bubbles: true }));
  const click = new MouseEvent('click', { clientX: 20, clientY: 20, detail: 1, bubbles: true, cancelable: true });
  act(() => void target.dispatchEvent(click));
  return click;
}

const cardEl = () => slot.querySelector('.hs-card');
const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

describe('pointer', () => {
  it('asks the locator at most once per animation frame', () => {
    under = m1;
    move(20, 20);
    move(21, 20);
    move(22, 20);
    expect(locator.at).not.toHaveBeenCalled();
    runFrame();
    expect(locator.at).toHaveBeenCalledExactlyOnceWith(22, 20);
  });

  it('ignores touch moves (touch has no hover)', () => {
    under = m1;
    move(20, 20, para, 'touch');
    runFrame();
    expect(locator.at).not.toHaveBeenCalled();
  });

  it('hover: one fetch at 150 ms, the tooltip at the delay', async () => {
    under = m1;
    move(20, 20);
    runFrame();
    advance(149);
    expect(opts.fetchCard).not.toHaveBeenCalled();
    advance(1);
    expect(opts.fetchCard).toHaveBeenCalledExactlyOnceWith('place/geneva');
    advance(350);
    await settle();
    expect(cardEl()?.getAttribute('role')).toBe('tooltip');
    expect(cardEl()?.querySelector('h2')?.textContent).toBe('Geneva');
    expect(opts.fetchCard).toHaveBeenCalledOnce();
    expect(opts.getNotes).toHaveBeenCalledWith('place/geneva');
  });

  it('leaving hides after the grace and the fade, and unmounts (autoUpdate cleaned up)', async () => {
    const started = floating.started;
    const stopped = floating.stopped;
    under = m1;
    move(20, 20);
    runFrame();
    advance(500);
    await settle();
    expect(floating.started).toBe(started + 1);
    const float = slot.querySelector('.hs-float') as HTMLElement;
    expect(float.getAttribute('data-state')).toBe('open'); // placed by computePosition
    expect(float.style.left).toMatch(/px$/);
    under = null;
    move(300, 300);
    runFrame();
    advance(300);
    expect(slot.querySelector('.hs-float')?.getAttribute('data-state')).toBe('closing');
    advance(FADE_OUT_MS);
    expect(cardEl()).toBeNull();
    expect(floating.stopped).toBe(stopped + 1);
  });
});

describe('click and tap', () => {
  it('a click on a mention pins the card (dialog) without preventing the default', async () => {
    under = m1;
    const click = tap(para, 'mouse');
    await settle();
    expect(cardEl()?.getAttribute('role')).toBe('dialog');
    expect(click.defaultPrevented).toBe(false);
  });

  it('a tap on a mention inside a link is the link’s: no pin, no preventDefault', () => {
    under = m2;
    const click = tap(link, 'touch');
    expect(cardEl()).toBeNull();
    expect(click.defaultPrevented).toBe(false);
  });

  it('a tap on a plain-text mention pins', async () => {
    under = m1;
    tap(para, 'touch');
    await settle();
    expect(cardEl()?.getAttribute('role')).toBe('dialog');
  });

  it('a click elsewhere closes the card', async () => {
    under = m1;
    tap(para, 'mouse');
    under = null;
    tap(document.body, 'mouse');
    advance(FADE_OUT_MS);
    expect(cardEl()).toBeNull();
  });
});

describe('keyboard and focus', () => {
  it('open(pinned) moves focus in; Esc closes and returns focus', async () => {
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    act(() => ctl.open(m1, true));
    await settle();
    const el = cardEl() as HTMLElement;
    expect(document.activeElement).toBe(el);
    act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.activeElement).toBe(before);
    advance(FADE_OUT_MS);
    expect(cardEl()).toBeNull();
  });

  it('Esc on the page dismisses an unpinned card', async () => {
    act(() => ctl.open(m1, false));
    await settle();
    act(() => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    advance(FADE_OUT_MS);
    expect(cardEl()).toBeNull();
  });

  it('Enter on a shown preview (focus on the page body) pins it', async () => {
    act(() => ctl.open(m1, false));
    await settle();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    act(() => void document.body.dispatchEvent(enter));
    expect(enter.defaultPrevented).toBe(true);
    expect(cardEl()?.getAttribute('role')).toBe('dialog');
  });

  it('focus on a link containing a mention previews its first mention', async () => {
    act(() => link.focus());
    advance(500);
    await settle();
    expect(cardEl()?.getAttribute('role')).toBe('tooltip');
    expect(opts.fetchCard).toHaveBeenCalledWith('place/bern');
  });

  it('turn off on this site closes the card and calls back', async () => {
    act(() => ctl.open(m1, true));
    await settle();
    const off = [...slot.querySelectorAll('button')].find((b) => b.textContent === 'Turn off on this site')!;
    act(() => off.click());
    expect(opts.onDisableSite).toHaveBeenCalledOnce();
    advance(FADE_OUT_MS);
    expect(cardEl()).toBeNull();
  });
});

it('destroy() removes every listener', () => {
  act(() => ctl.destroy());
  under = m1;
  move(20, 20);
  runFrame();
  expect(locator.at).not.toHaveBeenCalled();
  ctl = createCardController(opts); // for afterEach
});

it('ignores synthetic events the page dispatches', () => {
  act(() => ctl.destroy());
  ctl = createCardController({ ...opts, trustedEventsOnly: true });
  under = m1;
  move(20, 20);
  runFrame();
  expect(locator.at).not.toHaveBeenCalled();
});
