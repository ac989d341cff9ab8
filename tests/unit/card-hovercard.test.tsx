import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { EntityCard } from '../../messaging/protocol';
import { CARD_NAME_ID, HoverCard, type CardNote, type HoverCardProps } from '../../components/card/HoverCard';
import { UNDO_MS } from '../../components/card/CardNotes';
import { formatDate } from '../../components/card/CorpusMentions';
import { STRINGS } from '../../i18n/strings';

// Logic, not pixels: happy-dom has no layout. What is checked is what the reader would read and
// that corpus and note text can never become markup.

const sentence = 'Talks in Geneva ended late on Monday, officials said.';
const card: EntityCard = {
  id: 'place/geneva',
  type: 'place',
  names: { ar: 'جنيف', en: 'Geneva' },
  gloss: { en: 'City in Switzerland, seat of UN offices.' },
  mentions: [
    { articleId: 'a1', title: 'Talks resume', date: '2024-03-05', lang: 'en', sentence, markStart: 9, markEnd: 15 },
    { articleId: 'a2', title: 'Second', date: null, lang: 'en', sentence: 'Geneva again.', markStart: 0, markEnd: 6 },
    { articleId: 'a3', title: 'Third', date: null, lang: 'en', sentence: 'x', markStart: 0, markEnd: 1 },
    { articleId: 'a4', title: 'Fourth (never shown)', date: null, lang: 'en', sentence: 'y', markStart: 0, markEnd: 1 },
  ],
  mentionCount: 12,
  articleCount: 9,
  related: Array.from({ length: 8 }, (_, i) => ({
    id: `person/p${i}`,
    type: 'person' as const,
    names: { en: `P${i}` },
  })),
};

let box: HTMLElement;
beforeEach(() => {
  box = document.createElement('div');
  document.body.append(box);
});
afterEach(() => {
  act(() => render(null, box));
  box.remove();
  vi.useRealTimers();
});

function props(over: Partial<HoverCardProps> = {}): HoverCardProps {
  return {
    card,
    lang: 'en',
    pinned: false,
    notes: [],
    onOpenArticle: vi.fn(),
    onOpenEntity: vi.fn(),
    onAddNote: vi.fn(async () => {}),
    onEditNote: vi.fn(async () => {}),
    onDeleteNote: vi.fn(async () => {}),
    onUndoDelete: vi.fn(async () => {}),
    onDisableSite: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
}

function show(p: HoverCardProps) {
  act(() => render(<HoverCard {...p} />, box));
  return box.querySelector('.hs-card') as HTMLElement;
}

const button = (text: string) =>
  [...box.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;

/** Clicks and lets the async handler (await → catch → finally) run to the end. */
async function clickAndSettle(text: string) {
  await act(async () => {
    button(text).click();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

function type(el: HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('content', () => {
  it('shows both names, the type, the gloss and the corpus sentence with the mention marked', () => {
    const el = show(props());
    expect(el.querySelector('h2')!.textContent).toBe('Geneva');
    expect(el.querySelector('.hs-alt')!.textContent).toBe('جنيف');
    expect(el.querySelector('.hs-type')!.textContent).toBe('Place');
    expect(el.querySelector('.hs-gloss')!.textContent).toBe('City in Switzerland, seat of UN offices.');
    const first = el.querySelector('.hs-sentence')!;
    expect(first.textContent).toBe(sentence);
    const marks = first.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('Geneva');
  });

  it('Arabic UI: rtl, Arabic name first, gloss falls back to the other language', () => {
    const el = show(props({ lang: 'ar' }));
    expect(el.getAttribute('dir')).toBe('rtl');
    expect(el.getAttribute('lang')).toBe('ar');
    expect(el.querySelector('h2')!.textContent).toBe('جنيف');
    expect(el.querySelector('.hs-type')!.textContent).toBe(STRINGS.ar.type_place);
    expect(el.querySelector('.hs-gloss')!.getAttribute('lang')).toBe('en');
  });

  it('at most 3 corpus mentions and 6 related entities, wired to their callbacks', () => {
    const p = props();
    const el = show(p);
    expect(el.querySelectorAll('.hs-mention')).toHaveLength(3);
    expect(el.querySelectorAll('.hs-chip')).toHaveLength(6);
    act(() => button('Talks resume').click());
    expect(p.onOpenArticle).toHaveBeenCalledWith('a1');
    act(() => button('P2').click());
    expect(p.onOpenEntity).toHaveBeenCalledWith('person/p2');
    act(() => button(STRINGS.en.turnOffSite).click());
    expect(p.onDisableSite).toHaveBeenCalledOnce();
  });

  it('dates are formatted in the UI language; a missing date shows nothing', () => {
    const el = show(props());
    const times = el.querySelectorAll('.hs-mention time');
    expect(times).toHaveLength(1);
    expect(times[0].textContent).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2024, 2, 5)),
    );
    expect(formatDate('2024-03-05', 'ar')).not.toBe(formatDate('2024-03-05', 'en'));
    expect(formatDate(null, 'en')).toBeNull();
  });

  it('shows a loading state while the card is null', () => {
    const el = show(props({ card: null }));
    expect(el.textContent).toContain(STRINGS.en.loading);
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(el.querySelector('h2')).toBeNull();
  });
});

describe('text only', () => {
  const evil = '<img src=x onerror=alert(1)>';

  it('a note body renders as literal text, no element is created', () => {
    const notes: CardNote[] = [{ id: 'n1', body: evil, updated: '2024-03-05T10:00:00Z' }];
    const el = show(props({ notes }));
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.hs-note-body')!.textContent).toBe(evil);
  });

  it('corpus titles and sentences render as literal text too', () => {
    const bad: EntityCard = {
      ...card,
      mentions: [
        {
          articleId: 'a',
          title: evil,
          date: null,
          lang: 'en',
          sentence: `x ${evil} y`,
          markStart: 2,
          markEnd: 2 + evil.length,
        },
      ],
    };
    const el = show(props({ card: bad }));
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('mark')!.textContent).toBe(evil);
  });
});

describe('roles', () => {
  it('unpinned: a tooltip that does not take focus', () => {
    const el = show(props());
    expect(el.getAttribute('role')).toBe('tooltip');
    expect(el.hasAttribute('tabindex')).toBe(false);
    expect(document.activeElement).not.toBe(el);
    expect(el.querySelector('.hs-close')).toBeNull();
  });

  it('pinned: a non-modal dialog labelled by the name heading, focused, with a close button', () => {
    const p = props({ pinned: true });
    const el = show(p);
    expect(el.getAttribute('role')).toBe('dialog');
    expect(el.getAttribute('aria-modal')).toBe('false');
    expect(el.getAttribute('aria-labelledby')).toBe(CARD_NAME_ID);
    expect(el.querySelector(`#${CARD_NAME_ID}`)!.textContent).toBe('Geneva');
    expect(document.activeElement).toBe(el);
    act(() => (el.querySelector('.hs-close') as HTMLButtonElement).click());
    expect(p.onClose).toHaveBeenCalledOnce();
  });
});

describe('notes', () => {
  it('adds a note', async () => {
    const p = props();
    const el = show(p);
    act(() => button(STRINGS.en.addNote).click());
    const area = el.querySelector('textarea')!;
    act(() => type(area, '  Met the envoy here.  '));
    await clickAndSettle(STRINGS.en.save);
    expect(p.onAddNote).toHaveBeenCalledWith('Met the envoy here.');
    expect(el.querySelector('textarea')).toBeNull();
  });

  it('storage full: shows the message and keeps the draft', async () => {
    const full = Object.assign(new Error('quota'), { name: 'StorageFullError' });
    const p = props({ onAddNote: vi.fn(async () => Promise.reject(full)) });
    const el = show(p);
    act(() => button(STRINGS.en.addNote).click());
    act(() => type(el.querySelector('textarea')!, 'my precious draft'));
    await clickAndSettle(STRINGS.en.save);
    expect(el.textContent).toContain(STRINGS.en.storageFull);
    expect(el.querySelector('[role="alert"]')!.textContent).toBe(STRINGS.en.storageFull);
    expect(el.querySelector('textarea')!.value).toBe('my precious draft');
  });

  it('other failures keep the draft too, with a generic message', async () => {
    const p = props({ onAddNote: vi.fn(async () => Promise.reject(new Error('boom'))) });
    const el = show(p);
    act(() => button(STRINGS.en.addNote).click());
    act(() => type(el.querySelector('textarea')!, 'draft'));
    await clickAndSettle(STRINGS.en.save);
    expect(el.textContent).toContain(STRINGS.en.noteFailed);
    expect(el.querySelector('textarea')!.value).toBe('draft');
  });

  it('edits a note in place', async () => {
    const p = props({ notes: [{ id: 'n1', body: 'old', updated: '2024-01-01' }] });
    const el = show(p);
    act(() => button(STRINGS.en.edit).click());
    const area = el.querySelector('textarea')!;
    expect(area.value).toBe('old');
    act(() => type(area, 'new'));
    await clickAndSettle(STRINGS.en.save);
    expect(p.onEditNote).toHaveBeenCalledWith('n1', 'new');
  });

  it('delete offers Undo for about 6 s', async () => {
    vi.useFakeTimers();
    const p = props({ notes: [{ id: 'n1', body: 'gone soon', updated: '2024-01-01' }] });
    show(p);
    await clickAndSettle(STRINGS.en.delete);
    expect(p.onDeleteNote).toHaveBeenCalledWith('n1');
    expect(button(STRINGS.en.undo)).toBeTruthy();
    act(() => void vi.advanceTimersByTime(UNDO_MS - 100));
    expect(button(STRINGS.en.undo)).toBeTruthy();
    act(() => void vi.advanceTimersByTime(100));
    expect(button(STRINGS.en.undo)).toBeUndefined();
  });

  it('Undo calls onUndoDelete and goes away', async () => {
    const p = props({ notes: [{ id: 'n1', body: 'oops', updated: '2024-01-01' }] });
    show(p);
    await clickAndSettle(STRINGS.en.delete);
    await clickAndSettle(STRINGS.en.undo);
    expect(p.onUndoDelete).toHaveBeenCalledOnce();
    expect(button(STRINGS.en.undo)).toBeUndefined();
  });

  it('Esc in a written draft does not reach the page (the card must not close over it)', () => {
    const el = show(props({ pinned: true }));
    const outer = vi.fn();
    box.addEventListener('keydown', outer);
    act(() => button(STRINGS.en.addNote).click());
    const area = el.querySelector('textarea')!;
    act(() => type(area, 'keep me'));
    act(() => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(outer).not.toHaveBeenCalled();
    expect(el.querySelector('textarea')!.value).toBe('keep me');
  });
});

describe('hover card at scale', () => {
  it('shows a few lines and counts the other articles, in both languages', () => {
    const many: EntityCard = { ...card, articleCount: 2317 };
    let el = show(props({ card: many }));
    expect(el.querySelectorAll('.hs-sentence')).toHaveLength(3);
    expect(el.querySelector('.hs-more')!.textContent).toBe('and 2,314 more articles');
    el = show(props({ card: many, lang: 'ar' }));
    expect(el.querySelector('.hs-more')!.textContent).toBe(`و${new Intl.NumberFormat('ar').format(2314)} مقالًا آخر`);
    el = show(props({ card: { ...card, articleCount: 3 } }));
    expect(el.querySelector('.hs-more')).toBeNull(); // every article is on the card
  });

  it('lists the outlets of a wire copy under its one line, counting the copies as shown', () => {
    const outlets = ['SPA', 'Okaz', 'Al Riyadh', 'Sabq', 'Al Yaum', 'Al Weeam'];
    const copies = outlets.map((source, i) => ({ articleId: `c${i}`, title: `T${i}`, date: null, source }));
    const wired: EntityCard = { ...card, articleCount: 20, mentions: [{ ...card.mentions[0], copies }] };
    const el = show(props({ card: wired }));
    expect(el.querySelectorAll('.hs-sentence')).toHaveLength(1);
    expect(el.querySelector('.hs-copies')!.textContent).toBe('Also in: SPA, Okaz, Al Riyadh, Sabq +2');
    expect(el.querySelector('.hs-more')!.textContent).toBe('and 13 more articles');
  });
});
