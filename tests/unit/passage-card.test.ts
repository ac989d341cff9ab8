import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { collectText } from '../../engine/text/dom-text';
import { describe as describeSelectors } from '../../anchoring/selectors';
import type { UiHost } from '../../page/card/host';
import type { MarkSession } from '../../page/marks/session';
import type { MentionLocator, PageMention } from '../../page/types';
import type { PassageNote } from '../../notes/model';
import { DEFAULT_SETTINGS, type Settings } from '../../settings/settings';
import { GRACE_MS } from '../../page/card/intent';
import { FADE_OUT_MS } from '../../page/card/surface';

// The passage card is a kind of card of the page's one dispatcher (page/card/dispatch.ts), wired the
// way page/start.ts wires it: the entity card controller makes the dispatcher, passage notes register
// with it. So its hover follows the hover-delay setting, focus and Enter/Esc work as on entity
// marks, and only one card shows at a time. happy-dom has no layout: the caret under the pointer
// and the line boxes of ranges are stubbed; timers and animation frames are driven by hand.

const send = vi.hoisted(() => vi.fn());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  sendMessage: send,
}));
const { attachPassages } = await import('../../page/passages/attach');
const { createCardController } = await import('../../page/card/controller');

class FakeHighlight extends Set<Range> {
  priority = 0;
}

const RECT = { x: 10, y: 10, left: 10, top: 10, right: 200, bottom: 26, width: 190, height: 16 } as DOMRect;
const ON = { x: 50, y: 20 };
const OFF = { x: 500, y: 500 };
const NOW = '2026-01-02T03:04:05.000Z';

let frames: FrameRequestCallback[] = [];
const runFrame = () => act(() => frames.splice(0).forEach((f) => f(0)));
const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

let settings: Settings;
let slots: Record<'card' | 'notice' | 'passage', HTMLElement>;
let mentionUnder: PageMention | null;
let teardown: () => void;
let passages: ReturnType<typeof attachPassages>;
let link: HTMLAnchorElement;
let text: Text;

const passageCard = () => slots.passage.querySelector('.hs-passage-card');
const entityCard = () => slots.card.querySelector('.hs-card');

function move(p: { x: number; y: number }) {
  document.body.dispatchEvent(
    new PointerEvent('pointermove', { clientX: p.x, clientY: p.y, pointerType: 'mouse', bubbles: true }),
  );
  runFrame();
}

function key(target: EventTarget, k: string) {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  act(() => void target.dispatchEvent(e));
  return e;
}

beforeEach(async () => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: new Map() });
  settings = { ...DEFAULT_SETTINGS, hoverDelay: 700 };
  document.body.innerHTML =
    '<p id="p">Foreign ministers met in Geneva on Monday <a href="#more">to discuss the ceasefire</a>.</p>' +
    '<button id="elsewhere">x</button>';
  link = document.querySelector('a')!;
  text = document.getElementById('p')!.firstChild as Text;
  // The caret under the pointer: inside "met in Geneva" when on the passage's line, nowhere else.
  const caretAt = (x: number, y: number) =>
    y >= RECT.top && y <= RECT.bottom && x >= RECT.left && x <= RECT.right ? { offsetNode: text, offset: 20 } : null;
  Object.assign(document, { caretPositionFromPoint: caretAt });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [RECT] as unknown as DOMRectList);

  const page = collectText(document.body);
  const start = page.text.indexOf('met in Geneva');
  const end = page.text.indexOf('.', start);
  const note: PassageNote = {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'passage',
    body: 'where they met',
    tags: [],
    color: 'green',
    created: NOW,
    updated: NOW,
    target: { url: location.href, title: 'Page', ...describeSelectors(page.text, start, end) },
  };
  send.mockReset();
  send.mockImplementation(async (type: string) => (type === 'notesForPage' ? { entity: [], passages: [note] } : null));

  slots = {
    card: document.createElement('div'),
    notice: document.createElement('div'),
    passage: document.createElement('div'),
  };
  document.documentElement.append(...Object.values(slots));
  const host: UiHost = {
    render: (v, slot = 'card') => render(v, slots[slot]),
    contains: (n) => !!n && Object.values(slots).some((s) => s.contains(n)),
    destroy: () => Object.values(slots).forEach((s) => (render(null, s), s.remove())),
  };
  mentionUnder = null;
  const locator: MentionLocator = { at: () => mentionUnder, all: () => [], within: () => [] };
  const ctl = createCardController({
    locator,
    host,
    fetchCard: async (id) => ({
      id,
      type: 'place',
      names: { en: 'Geneva' },
      gloss: {},
      mentions: [],
      mentionCount: 0,
      articleCount: 0,
      related: [],
    }),
    getNotes: async () => [],
    onAddNote: async () => {},
    onEditNote: async () => {},
    onDeleteNote: async () => {},
    onUndoDelete: async () => {},
    getSettings: () => settings,
    lang: () => 'en',
    onOpenArticle: () => {},
    onOpenEntity: () => {},
    trustedEventsOnly: false,
  });
  passages = attachPassages({ pageText: () => collectText(document.body) } as unknown as MarkSession, {
    host,
    lang: () => 'en',
    cards: ctl.cards,
    trustedEventsOnly: false,
  });
  await settle();
  expect(passages.state().placed).toEqual([note.id]);
  teardown = () => {
    passages.destroy();
    ctl.destroy();
    host.destroy();
  };
});

afterEach(() => {
  act(() => teardown());
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
});

describe('hover', () => {
  it('previews after the hover-delay setting, not before, and follows a change of the setting', () => {
    move(ON);
    advance(699);
    expect(passageCard()).toBeNull();
    advance(1);
    expect(passageCard()?.getAttribute('role')).toBe('tooltip');
    expect(passageCard()?.textContent).toContain('where they met');

    move(OFF);
    advance(GRACE_MS + FADE_OUT_MS);
    expect(passageCard()).toBeNull();
    settings = { ...settings, hoverDelay: 200 };
    move(ON);
    advance(200);
    expect(passageCard()).not.toBeNull();
  });

  it('keeps the preview through the grace period and while the pointer is on the card', () => {
    move(ON);
    advance(700);
    move(OFF);
    advance(GRACE_MS - 1);
    expect(passageCard()).not.toBeNull();
    act(() => void slots.passage.querySelector('.hs-float')!.dispatchEvent(new PointerEvent('pointerenter')));
    advance(GRACE_MS * 3);
    expect(passageCard()).not.toBeNull();
    act(() => void slots.passage.querySelector('.hs-float')!.dispatchEvent(new PointerEvent('pointerleave')));
    advance(GRACE_MS);
    expect(slots.passage.querySelector('.hs-float')?.getAttribute('data-state')).toBe('closing');
    advance(FADE_OUT_MS);
    expect(passageCard()).toBeNull();
  });

  it('gives the pointer to an entity mark inside the passage: one card at a time', async () => {
    move(ON);
    advance(700);
    expect(passageCard()).not.toBeNull();
    const range = document.createRange();
    range.selectNodeContents(text);
    mentionUnder = { id: 1, entityId: 'place/geneva', type: 'place', range };
    move({ x: ON.x + 5, y: ON.y });
    advance(700);
    await settle();
    expect(entityCard()?.textContent).toContain('Geneva');
    advance(FADE_OUT_MS);
    expect(passageCard()).toBeNull();
  });
});

describe('keyboard', () => {
  it('focus on a link inside the passage previews it; Enter pins it and moves focus in; Esc gives focus back', () => {
    act(() => link.focus());
    advance(699);
    expect(passageCard()).toBeNull();
    advance(1);
    expect(passageCard()?.getAttribute('role')).toBe('tooltip');

    const enter = key(document.body, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    const card = passageCard() as HTMLElement;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(card);

    key(card, 'Escape');
    expect(document.activeElement).toBe(link);
    advance(FADE_OUT_MS);
    expect(passageCard()).toBeNull();
  });

  it('the note-selection command with the caret inside a passage opens its card pinned', () => {
    document.getSelection()!.collapse(text, 22);
    act(() => passages.noteSelection());
    const card = passageCard() as HTMLElement;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(card);
    expect(slots.passage.querySelector('textarea')).toBeNull(); // no new-note editor for a caret
  });

  it('a card with a draft stays: Esc on the page and a click elsewhere leave it', () => {
    move(ON);
    advance(700);
    const edit = [...slots.passage.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!;
    act(() => edit.click());
    expect(passageCard()?.getAttribute('role')).toBe('dialog'); // editing pinned it
    key(document.body, 'Escape');
    const click = new MouseEvent('click', { clientX: OFF.x, clientY: OFF.y, detail: 1, bubbles: true });
    act(() => void document.getElementById('elsewhere')!.dispatchEvent(click));
    advance(GRACE_MS + FADE_OUT_MS);
    expect(slots.passage.querySelector('textarea')).not.toBeNull();
  });
});
