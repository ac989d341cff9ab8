// Which marks are painted: a mention's range is registered as a CSS highlight while its block is
// near the viewport, and only then. happy-dom has no layout, no Highlight API and an
// IntersectionObserver that never reports: the stubs (helpers/page-stubs.ts) let the test say
// which blocks the browser would report near, and read what is registered under each name.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectText, rangeFor } from '../../engine/text/dom-text';
import { Highlights } from '../../page/marks/highlights';
import { VisibleMarks } from '../../page/marks/visible-marks';
import type { PageMention } from '../../page/types';
import type { EntityType } from '../../engine/types';
import { painted, stubHighlightApi, stubIntersectionObserver, type FakeHighlight } from './helpers/page-stubs';

let registry: Map<string, FakeHighlight>;
let IO: ReturnType<typeof stubIntersectionObserver>;
let nextId = 1;

/** The mention of the first occurrence of `word` in the page. */
function mention(word: string, type: EntityType = 'person'): PageMention {
  const page = collectText(document.body);
  const at = page.text.indexOf(word);
  expect(at).toBeGreaterThanOrEqual(0);
  return { id: nextId++, entityId: `x/${word}`, type, range: rangeFor(page.segments, at, at + word.length)! };
}

const el = (id: string) => document.getElementById(id)!;
const near = (...ids: string[]) => IO.all[0].report(ids.map(el), true);
const far = (...ids: string[]) => IO.all[0].report(ids.map(el), false);

beforeEach(() => {
  registry = stubHighlightApi();
  IO = stubIntersectionObserver();
  document.body.innerHTML =
    '<h1 id="head">Lavrov in Geneva</h1>' +
    '<p id="top">Talks with <b>Zarif</b> began.</p>' +
    '<p id="bottom">Later, in Moscow, Kremlin aides spoke.</p>';
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('VisibleMarks', () => {
  it('paints a mention only while its block is near the viewport', () => {
    const marks = new VisibleMarks(new Highlights('underline'));
    const lavrov = mention('Lavrov');
    const moscow = mention('Moscow', 'place');
    marks.show(lavrov, 'person');
    marks.show(moscow, 'place');
    expect(painted(registry)).toEqual({}); // nothing reported yet: nothing registered
    near('head');
    expect(painted(registry)).toEqual({ 'hashiya-person-underline': ['Lavrov'] });
    near('bottom');
    expect(painted(registry)).toEqual({
      'hashiya-person-underline': ['Lavrov'],
      'hashiya-place-underline': ['Moscow'],
    });
    far('head');
    expect(painted(registry)).toEqual({ 'hashiya-place-underline': ['Moscow'] });
  });

  it('paints at once a mention added to a block already near, found through inline elements', () => {
    const marks = new VisibleMarks(new Highlights('dotted'));
    marks.show(mention('Talks'), 'organization');
    near('top');
    marks.show(mention('Zarif'), 'person'); // inside <b>: its block is the paragraph
    expect(painted(registry)).toEqual({
      'hashiya-organization-dotted': ['Talks'],
      'hashiya-person-dotted': ['Zarif'],
    });
  });

  it('keeps a mention of no group unpainted, and paints it in its new group after a regroup', () => {
    const marks = new VisibleMarks(new Highlights('underline'));
    const lavrov = mention('Lavrov');
    const moscow = mention('Moscow', 'place');
    marks.show(lavrov, null); // e.g. its type is turned off
    marks.show(moscow, null);
    near('head');
    expect(painted(registry)).toEqual({});
    // A note on Lavrov (near): painted now, as noted. Moscow gets its type back, but is far: not yet.
    marks.regroup((m) => (m === lavrov ? 'noted' : 'place'));
    expect(painted(registry)).toEqual({ 'hashiya-noted-underline': ['Lavrov'] });
    expect(registry.get('hashiya-noted-underline')!.priority).toBeGreaterThan(0); // notes outrank type colours
    near('bottom');
    expect(painted(registry)).toEqual({ 'hashiya-noted-underline': ['Lavrov'], 'hashiya-place-underline': ['Moscow'] });
    marks.regroup((m) => (m === moscow ? 'place' : null));
    expect(painted(registry)).toEqual({ 'hashiya-place-underline': ['Moscow'] });
  });

  it('forgets a hidden mention: unpainted now and when its block comes near again', () => {
    const marks = new VisibleMarks(new Highlights('underline'));
    const moscow = mention('Moscow', 'place');
    const kremlin = mention('Kremlin', 'organization');
    marks.show(moscow, 'place');
    marks.show(kremlin, 'organization');
    near('bottom');
    marks.hide(moscow);
    expect(painted(registry)).toEqual({ 'hashiya-organization-underline': ['Kremlin'] });
    far('bottom');
    near('bottom');
    expect(painted(registry)).toEqual({ 'hashiya-organization-underline': ['Kremlin'] });
    marks.hide(kremlin);
    near('bottom');
    expect(painted(registry)).toEqual({});
  });

  it('moves the mentions of a box-less block to the block above it, which is watched instead', () => {
    document.body.innerHTML =
      '<section id="outer"><div id="contents" style="display: contents"><p id="inner">Lavrov spoke</p></div></section>';
    const marks = new VisibleMarks(new Highlights('underline'));
    marks.show(mention('Lavrov'), 'person');
    // The browser reports a block without a box as never intersecting, with an empty box.
    IO.all[0].report([el('inner')], false, true);
    expect(painted(registry)).toEqual({});
    IO.all[0].report([el('contents')], false, true); // the wrapper it moved to has no box either
    near('outer');
    expect(painted(registry)).toEqual({ 'hashiya-person-underline': ['Lavrov'] });
    // Later mentions of the same text go straight to the block that stands for it.
    marks.show(mention('spoke', 'other'), 'other');
    expect(painted(registry)).toEqual({ 'hashiya-person-underline': ['Lavrov'], 'hashiya-other-underline': ['spoke'] });
  });

  it('clear unregisters every highlight and forgets every mention', () => {
    const marks = new VisibleMarks(new Highlights('background'));
    marks.show(mention('Lavrov'), 'person');
    marks.show(mention('Moscow', 'place'), 'place');
    near('head', 'bottom');
    expect(Object.keys(painted(registry))).toHaveLength(2);
    marks.clear();
    expect(registry.size).toBe(0);
    near('head', 'bottom');
    expect(registry.size).toBe(0);
  });

  it('without IntersectionObserver, paints every mention at once', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const marks = new VisibleMarks(new Highlights('underline'));
    marks.show(mention('Lavrov'), 'person');
    marks.show(mention('Moscow', 'place'), 'place');
    expect(painted(registry)).toEqual({
      'hashiya-person-underline': ['Lavrov'],
      'hashiya-place-underline': ['Moscow'],
    });
  });

  it('applies a report of many blocks in slices, the page getting its turn between them, and the last report for a block wins', async () => {
    const count = 400;
    document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">Name${i} spoke</p>`).join('');
    const marks = new VisibleMarks(new Highlights('underline'));
    for (let i = 0; i < count; i++) marks.show(mention(`Name${i} `), 'person');
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.05)); // each read: 50 µs of work
    const all = Array.from({ length: count }, (_, i) => `p${i}`);
    near(...all);
    const first = painted(registry)['hashiya-person-underline'] ?? [];
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(count); // the rest waits for the next slice
    far('p0', `p${count - 1}`); // a later report, queued behind the first
    await vi.waitFor(() => expect(painted(registry)['hashiya-person-underline']).toHaveLength(count - 2));
    const names = painted(registry)['hashiya-person-underline'];
    expect(names).not.toContain('Name0 ');
    expect(names).not.toContain(`Name${count - 1} `);
    vi.restoreAllMocks();
  });
});
