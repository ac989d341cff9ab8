import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { collectText, rangeFor, type PageText } from '../../engine/text/dom-text';
import { describe as describeSelectors } from '../../anchoring/selectors';
import { offsetsOfRange, passageUrl, readableSelection } from '../../page/passages/offsets';
import type { UiHost } from '../../page/card/host';
import type { MarkSession } from '../../page/marks/session';
import type { PassageNote } from '../../notes/model';
import { STRINGS } from '../../i18n/strings';

// Passage notes on a page: the Range ↔ joined-text mapping they are stored with, placing saved notes
// again (orphans listed, never dropped; re-anchored selectors written back), and what a save sends.

const send = vi.hoisted(() => vi.fn());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  sendMessage: send,
}));
const { attachPassages } = await import('../../page/passages/attach');
const { createCardDispatcher } = await import('../../page/card/dispatch');

const dispatchers: { destroy(): void }[] = [];
/** The page's card dispatcher, as the entity card controller makes it. */
function cardsFor(host: UiHost) {
  const cards = createCardDispatcher({ host, delay: () => 300, trustedEventsOnly: false });
  dispatchers.push(cards);
  return cards;
}

// happy-dom has no CSS Custom Highlight API: a minimal stand-in that records ranges.
class FakeHighlight extends Set<Range> {
  priority = 0;
}
const registry = new Map<string, FakeHighlight>();

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** A UiHost double rendering into open elements outside <body>, so tests can read and click it. */
function openHost() {
  const slots = {
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
  return { host, slot: slots.passage };
}

function fakeSession(): MarkSession {
  return { pageText: () => collectText(document.body), at: () => null } as unknown as MarkSession;
}

function select(range: Range) {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

async function waitFor<T>(fn: () => T, what: string, timeout = 2000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const NOW = '2026-01-02T03:04:05.000Z';
function passage(
  id: string,
  page: PageText,
  exact: string,
  color: PassageNote['color'] = 'green',
  body = '',
): PassageNote {
  const start = page.text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  return {
    id,
    kind: 'passage',
    body,
    tags: [],
    color,
    created: NOW,
    updated: NOW,
    target: { url: location.href, title: 'Page', ...describeSelectors(page.text, start, start + exact.length) },
  };
}

beforeEach(() => {
  send.mockReset();
  registry.clear();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  document.getSelection()?.removeAllRanges();
});

afterEach(() => {
  dispatchers.splice(0).forEach((d) => d.destroy());
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('selection offsets', () => {
  it('round-trips every range across text nodes and blocks', () => {
    const root = body('<p>قال سيرغي <b>لافروف</b> اليوم</p><p>Second <i>pa</i>ra<span>graph</span> here</p>');
    const page = collectText(root);
    const isSpace = (i: number) => /\s/.test(page.text[i]);
    let checked = 0;
    for (let s = 0; s < page.text.length; s++) {
      for (let e = s + 1; e <= page.text.length; e++) {
        if (isSpace(s) || isSpace(e - 1)) continue; // selections are trimmed of white space
        const range = rangeFor(page.segments, s, e)!;
        expect(range.toString().replace(/\n/g, '')).toBe(page.text.slice(s, e).replace(/\n/g, ''));
        expect(offsetsOfRange(page, range)).toEqual({ start: s, end: e });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('maps element boundary points (a triple-click) to the paragraph text, trimmed', () => {
    const root = body('<p>first</p><p>Second <b>para</b> graph</p><p>third</p>');
    const page = collectText(root);
    const [, p2, p3] = root.querySelectorAll('p');
    const range = document.createRange();
    range.setStart(p2, 0);
    range.setEnd(p3, 0);
    const offsets = offsetsOfRange(page, range)!;
    expect(page.text.slice(offsets.start, offsets.end)).toBe('Second para graph');
  });

  it('accepts readable page text only: not form fields, editors or our own UI', () => {
    const root = body('<p id="p">Readable text here</p><div contenteditable="true">draft text</div>');
    const { host, slot } = openHost();
    render('inside our card', slot);
    const ours = (n: Node | null) => host.contains(n);
    const p = root.querySelector('#p')!.firstChild as Text;

    const r = document.createRange();
    r.setStart(p, 0);
    r.setEnd(p, 8);
    select(r);
    expect(readableSelection(document, root, ours)?.toString()).toBe('Readable');

    const editable = root.querySelector('[contenteditable]')!.firstChild as Text;
    r.setStart(editable, 0);
    r.setEnd(editable, 5);
    select(r);
    expect(readableSelection(document, root, ours)).toBeNull();

    const card = slot.firstChild as Text;
    r.setStart(card, 0);
    r.setEnd(card, 6);
    select(r);
    expect(readableSelection(document, root, ours)).toBeNull();

    document.getSelection()!.collapse(p, 2);
    expect(readableSelection(document, root, ours)).toBeNull();
    host.destroy();
  });

  it("prefers the canonical link, on the page's own origin only", () => {
    const here = 'https://news.example/a/1?utm_source=x#top';
    expect(passageUrl(null, here)).toBe(here);
    expect(passageUrl('/a/1', here)).toBe('https://news.example/a/1'); // relative to the page
    expect(passageUrl('https://news.example/a/1#x', here)).toBe('https://news.example/a/1');
    expect(passageUrl('https://elsewhere.example/a/1', here)).toBe(here); // another origin: not trusted
    expect(passageUrl('javascript:alert(1)', here)).toBe(here);
  });
});

describe('attachPassages', () => {
  const ARTICLE =
    '<h1>Talks resume</h1><p>Foreign ministers met in <b>Geneva</b> on Monday to discuss the ceasefire.</p>' +
    '<p>Lavrov said the talks were constructive and would continue next week.</p>';

  it('paints the notes it finds and lists the ones whose quote is gone as orphans', async () => {
    const page = collectText(body(ARTICLE));
    const found = passage('11111111-1111-4111-8111-111111111111', page, 'met in Geneva on Monday', 'green', 'where');
    const gone = { ...passage('22222222-2222-4222-8222-222222222222', page, 'Lavrov said', 'blue', 'who said it') };
    gone.target = {
      ...gone.target,
      quote: { type: 'TextQuoteSelector', exact: 'a sentence that is no longer on this page', prefix: '', suffix: '' },
    };
    send.mockImplementation(async (type: string) =>
      type === 'notesForPage' ? { entity: [], passages: [found, gone] } : undefined,
    );
    const { host, slot } = openHost();
    const handle = attachPassages(fakeSession(), {
      cards: cardsFor(host),
      host,
      lang: () => 'en',
      trustedEventsOnly: false,
    });

    await waitFor(() => handle.state().placed.length, 'placement');
    expect(send).toHaveBeenCalledWith('notesForPage', { url: location.href, canonical: location.href, entityIds: [] });
    expect(handle.state().placed).toEqual([found.id]);
    expect(handle.state().orphans.map((n) => n.id)).toEqual([gone.id]);
    const green = registry.get('hashiya-passage-green')!;
    expect([...green].map((r) => r.toString())).toEqual(['met in Geneva on Monday']);
    expect(green.priority).toBeGreaterThan(1);

    // The orphan is shown with its quote and body once expanded.
    const indicator = await waitFor(() => slot.querySelector('.hs-orphans'), 'orphan indicator');
    expect(indicator.textContent).toContain(STRINGS.en.orphansCount.replace('{n}', '1'));
    (indicator.querySelector('[aria-expanded]') as HTMLButtonElement).click();
    await waitFor(() => slot.querySelector('.hs-orphans-list'), 'orphan list');
    expect(slot.querySelector('.hs-orphans-list')!.textContent).toContain('a sentence that is no longer on this page');
    expect(slot.querySelector('.hs-orphans-list')!.textContent).toContain('who said it');
    handle.destroy();
    expect(registry.size).toBe(0);
    host.destroy();
  });

  it('places a note once its text arrives and writes the moved selectors back', async () => {
    const original = collectText(body(ARTICLE));
    const note = passage('33333333-3333-4333-8333-333333333333', original, 'would continue next week');
    body('<h1>Talks resume</h1><p>Loading…</p>'); // a dynamic page, text not there yet
    send.mockImplementation(async (type: string, data: any) => {
      if (type === 'notesForPage') return { entity: [], passages: [note] };
      if (type === 'updateNote') return { ...note, target: data.patch.target };
      return undefined;
    });
    const { host } = openHost();
    const handle = attachPassages(fakeSession(), {
      cards: cardsFor(host),
      host,
      lang: () => 'en',
      timing: { persist: 10 },
      trustedEventsOnly: false,
    });
    await waitFor(() => handle.state().orphans.length, 'orphan');

    document.body.innerHTML =
      '<h1>Talks resume</h1><aside>Breaking: markets open higher</aside>' +
      ARTICLE.replace('<h1>Talks resume</h1>', '');
    handle.refresh();
    expect(handle.state().orphans).toEqual([]);
    expect(handle.state().placed).toEqual([note.id]);
    const update = await waitFor(() => send.mock.calls.find(([t]) => t === 'updateNote'), 'updateNote');
    const target = update[1].patch.target;
    const now = collectText(document.body).text;
    expect(target.position.start).not.toBe(note.target.position.start);
    expect(now.slice(target.position.start, target.position.end)).toBe('would continue next week');
    expect(target.quote.exact).toBe('would continue next week');
    expect(update[1]).toMatchObject({ url: location.href, id: note.id });
    handle.destroy();
    host.destroy();
  });

  it('saves the selection as a passage note: selectors, page, body and color', async () => {
    const root = body(ARTICLE);
    document.title = 'Talks resume — Example News';
    const page = collectText(root);
    const saved: any[] = [];
    send.mockImplementation(async (type: string, data: any) => {
      if (type === 'notesForPage') return { entity: [], passages: [] };
      if (type === 'addNote') {
        saved.push(data);
        return { ...data.note, id: '44444444-4444-4444-8444-444444444444', tags: [], created: NOW, updated: NOW };
      }
      return undefined;
    });
    const { host, slot } = openHost();
    const handle = attachPassages(fakeSession(), {
      cards: cardsFor(host),
      host,
      lang: () => 'en',
      timing: { selection: 0 },
      trustedEventsOnly: false,
    });

    // "Geneva</b> on Monday": a selection across two text nodes.
    const start = page.text.indexOf('Geneva');
    const end = page.text.indexOf(' to discuss');
    select(rangeFor(page.segments, start, end)!);
    document.dispatchEvent(new Event('selectionchange'));
    const button = await waitFor(() => slot.querySelector<HTMLButtonElement>('.hs-pbtn'), 'Add note button');
    expect(button.textContent).toBe(STRINGS.en.addNote);
    button.click();

    const area = await waitFor(() => slot.querySelector('textarea'), 'editor');
    area.value = '  Venue confirmed  ';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    slot.querySelector<HTMLButtonElement>('[data-color="blue"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    slot.querySelector<HTMLButtonElement>('.hs-primary')!.click();

    await waitFor(() => saved.length, 'addNote');
    expect(saved[0]).toEqual({
      url: location.href,
      note: {
        kind: 'passage',
        body: 'Venue confirmed',
        color: 'blue',
        target: {
          url: location.href,
          title: 'Talks resume — Example News',
          quote: {
            type: 'TextQuoteSelector',
            exact: 'Geneva on Monday',
            prefix: page.text.slice(Math.max(0, start - 32), start),
            suffix: page.text.slice(end, end + 32),
          },
          position: { type: 'TextPositionSelector', start, end },
        },
      },
    });
    await waitFor(() => !slot.querySelector('textarea'), 'editor closed');
    expect([...registry.get('hashiya-passage-blue')!].map((r) => r.toString())).toEqual(['Geneva on Monday']);
    handle.destroy();
    host.destroy();
  });

  it('keeps the draft and says so when storage is full', async () => {
    const root = body(ARTICLE);
    const page = collectText(root);
    send.mockImplementation(async (type: string) => {
      if (type === 'notesForPage') return { entity: [], passages: [] };
      if (type === 'addNote') throw Object.assign(new Error('full'), { name: 'StorageFullError' });
      return undefined;
    });
    const { host, slot } = openHost();
    const handle = attachPassages(fakeSession(), {
      cards: cardsFor(host),
      host,
      lang: () => 'ar',
      trustedEventsOnly: false,
    });
    const start = page.text.indexOf('Lavrov said');
    select(rangeFor(page.segments, start, start + 'Lavrov said'.length)!);
    handle.noteSelection(); // the keyboard command: straight to the editor

    const area = await waitFor(() => slot.querySelector('textarea'), 'editor');
    area.value = 'مسودة لا تضيع';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    slot.querySelector<HTMLButtonElement>('.hs-primary')!.click();

    const alert = await waitFor(() => slot.querySelector('[role="alert"]'), 'error');
    expect(alert.textContent).toBe(STRINGS.ar.storageFull);
    expect(slot.querySelector('textarea')!.value).toBe('مسودة لا تضيع');
    expect(registry.size).toBe(0);
    handle.destroy();
    host.destroy();
  });
});
