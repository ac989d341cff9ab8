// A mention's Range is made when something first asks for it (page/marks/lazy-mention.ts): a mark
// session over a page whose blocks are all far from the viewport makes none, one painted later
// gets its range then, and a page change is judged by the mention's nodes until its range exists.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LazyMention } from '../../page/marks/lazy-mention';
import { createMarkSession, type MarkSession } from '../../page/marks/session';
import { painted, smallRecognizer, stubHighlightApi, stubIntersectionObserver } from './helpers/page-stubs';

let session: MarkSession | null = null;

beforeEach(() => {
  document.body.innerHTML =
    '<p id="a">قال وزير الخارجية سيرغي <b>لافروف</b> في موسكو</p><p id="b">Later, Lavrov left Moscow.</p>';
});

afterEach(() => {
  session?.stop();
  session = null;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const textOf = (id: string) => document.getElementById(id)!.firstChild as Text;

/** A mention of the second paragraph's text [from, to). */
const inB = (id: number, entityId: string, from: number, to: number) => {
  const node = textOf('b');
  return new LazyMention(id, entityId, 'person', { startNode: node, startOffset: from, endNode: node, endOffset: to });
};

describe('LazyMention', () => {
  it('makes its range on first use, over the nodes and offsets it was found at', () => {
    const m = inB(1, 'x/lavrov', 7, 13);
    const made = vi.spyOn(document, 'createRange');
    expect(made).not.toHaveBeenCalled();
    expect(m.range.toString()).toBe('Lavrov');
    expect(m.range).toBe(m.range); // one range, kept
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('keeps the range inside a node whose text shrank before it was made', () => {
    const node = textOf('b');
    const m = inB(1, 'x/moscow', 19, 25);
    node.data = 'Later.';
    expect(m.range.toString()).toBe('');
  });

  it('is stale when its node changed or left the page, made or not', () => {
    const node = textOf('b');
    const lazy = inB(1, 'x/lavrov', 7, 13);
    const made = inB(2, 'x/lavrov', 7, 13);
    void made.range;
    for (const m of [lazy, made]) {
      expect(m.stale(new Set())).toBe(false);
      expect(m.stale(new Set([node]))).toBe(true);
    }
    document.getElementById('b')!.remove();
    expect(lazy.stale(new Set())).toBe(true);
    expect(made.stale(new Set())).toBe(true);
  });

  it('a session makes no range for mentions far from the viewport, and makes one when it is painted', async () => {
    const registry = stubHighlightApi();
    const IO = stubIntersectionObserver();
    const made = vi.spyOn(document, 'createRange');
    session = createMarkSession({
      root: document.body,
      recognizer: smallRecognizer(),
      style: 'underline',
      types: new Set(['person', 'place']),
      noted: new Set(),
    });
    await session.start();
    const found = session.all().map((m) => m.entityId);
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(made).not.toHaveBeenCalled();
    IO.all[0].report([document.getElementById('b')!], true);
    expect(painted(registry)['hashiya-person-underline']).toEqual(['Lavrov']);
    expect(made).toHaveBeenCalledTimes(2); // Lavrov and Moscow of the second paragraph
  });
});
