// The mark session of a page, end to end in happy-dom: the real recognizer over a small catalog
// (alias lookups answered as the background answers them), the real text walk, slicing and mention
// index. What is checked is what a reader gets: which names are highlighted under which highlight
// name, that the page's DOM is left as the site sent it, that marks follow the page as it changes,
// and which mention is under a point. Stubs (helpers/page-stubs.ts): the CSS Highlight API, and no
// IntersectionObserver (every block counts as near the viewport: page/marks/visible-marks.ts has its own tests).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarkSession, type MarkOptions, type MarkSession } from '../../page/marks/session';
import type { EntityType } from '../../engine/types';
import type { PageMention } from '../../page/types';
import {
  painted,
  ReportingResizeObserver,
  smallRecognizer,
  stubHighlightApi,
  type FakeHighlight,
  CATALOG,
} from './helpers/page-stubs';
import { createRecognizer } from '../../page/marks/recognizer';
import { createAliasIndex } from '../../engine/match/alias-lookup';
import { buildGazetteer } from '../../engine/match/gazetteer';

const ALL: EntityType[] = ['person', 'organization', 'place', 'product', 'event', 'other'];

let registry: Map<string, FakeHighlight>;
let session: MarkSession | null = null;
let changes: PageMention[][] = [];

function start(overrides: Partial<MarkOptions> = {}): Promise<MarkSession> {
  changes = [];
  session = createMarkSession({
    root: document.body,
    recognizer: smallRecognizer(),
    style: 'underline',
    types: new Set(ALL),
    noted: new Set(),
    debounceMs: 10,
    onChange: (list) => changes.push([...list]),
    ...overrides,
  });
  return session.start().then(() => session!);
}

/** Resolves after the next scan reports (a rescan after a mutation). */
async function nextChange(): Promise<PageMention[]> {
  const seen = changes.length;
  await vi.waitFor(() => expect(changes.length).toBeGreaterThan(seen), { timeout: 5000, interval: 5 });
  return changes.at(-1)!;
}

const marked = (s: MarkSession) => s.all().map((m) => `${m.entityId}:${m.range.toString()}`);

beforeEach(() => {
  registry = stubHighlightApi();
  vi.stubGlobal('IntersectionObserver', undefined);
  document.body.innerHTML =
    '<h1>Lavrov in Geneva</h1>' +
    '<p id="ar">قال وزير الخارجية سيرغي <b>لافروف</b> في موسكو إن الكرملين</p>' +
    '<p id="en">Later, Lavrov left Moscow.</p>';
});

afterEach(() => {
  session?.stop();
  session = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('mark session', () => {
  it('marks the catalog’s names on the page, in document order, across inline elements', async () => {
    const s = await start();
    expect(marked(s)).toEqual([
      'person/sergey-lavrov:Lavrov',
      'place/geneva:Geneva',
      'person/sergey-lavrov:سيرغي لافروف',
      'place/moscow:موسكو',
      'organization/kremlin:الكرملين',
      'person/sergey-lavrov:Lavrov',
      'place/moscow:Moscow',
    ]);
    expect(painted(registry)).toEqual({
      'hashiya-person-underline': ['Lavrov', 'Lavrov', 'سيرغي لافروف'],
      'hashiya-place-underline': ['Geneva', 'Moscow', 'موسكو'],
      'hashiya-organization-underline': ['الكرملين'],
    });
    expect(changes).toHaveLength(1);
    expect(changes[0].map((m) => m.id)).toEqual(s.all().map((m) => m.id));
    expect(s.text()).toContain('سيرغي لافروف');
  });

  it('leaves the page’s DOM exactly as it was: no element, attribute or text added', async () => {
    const before = document.documentElement.outerHTML;
    const records: MutationRecord[] = [];
    const watch = new MutationObserver((r) => records.push(...r));
    watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const s = await start();
    expect(s.all().length).toBeGreaterThan(0);
    s.setStyle('background');
    s.setTypes(new Set(['place']));
    await new Promise((r) => setTimeout(r, 30));
    records.push(...watch.takeRecords());
    watch.disconnect();
    expect(records).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('does not mark text outside what it is told to read: skipped elements, editors, our own UI', async () => {
    document.body.innerHTML =
      '<p>Geneva</p><nav>Moscow</nav><div contenteditable="true">Lavrov</div><script>Kremlin</script>' +
      '<div id="ours">Kremlin</div>';
    const ours = document.getElementById('ours')!;
    const s = await start({ skip: (el) => el.localName === 'nav', exclude: () => ours });
    expect(marked(s)).toEqual(['place/geneva:Geneva']);
  });

  it('paints only the chosen types and the noted entities; setTypes, setNoted and setStyle repaint', async () => {
    const s = await start({ types: new Set(['place']) });
    expect(painted(registry)).toEqual({ 'hashiya-place-underline': ['Geneva', 'Moscow', 'موسكو'] });
    expect(s.all().map((m) => m.range.toString())).toEqual(['Geneva', 'موسكو', 'Moscow']);
    s.setNoted(new Set(['organization/kremlin']));
    expect(painted(registry)).toEqual({
      'hashiya-place-underline': ['Geneva', 'Moscow', 'موسكو'],
      'hashiya-noted-underline': ['الكرملين'],
    });
    s.setTypes(new Set(['person']));
    s.setStyle('dotted');
    expect(painted(registry)).toEqual({
      'hashiya-person-dotted': ['Lavrov', 'Lavrov', 'سيرغي لافروف'],
      'hashiya-noted-dotted': ['الكرملين'],
    });
    expect(s.within(document.getElementById('en')!).map((m) => m.range.toString())).toEqual(['Lavrov']);
  });

  it('marks text added after the scan, and unmarks text that leaves or changes', async () => {
    const s = await start();
    const en = document.getElementById('en')!;
    en.insertAdjacentHTML('afterend', '<p id="added">Talks at the <i>Kremlin</i> went on.</p>');
    let list = await nextChange();
    expect(list.map((m) => m.range.toString())).toContain('Kremlin');
    expect(painted(registry)['hashiya-organization-underline']).toEqual(['Kremlin', 'الكرملين']);
    // A paragraph leaves: its marks go, the others stay (nothing marked twice).
    en.remove();
    list = await nextChange();
    expect(marked(s)).toEqual([
      'person/sergey-lavrov:Lavrov',
      'place/geneva:Geneva',
      'person/sergey-lavrov:سيرغي لافروف',
      'place/moscow:موسكو',
      'organization/kremlin:الكرملين',
      'organization/kremlin:Kremlin',
    ]);
    expect(list.map((m) => m.id)).toEqual(s.all().map((m) => m.id));
    // A text node is edited in place: its old name goes, the new one comes.
    const heading = document.querySelector('h1')!.firstChild as Text;
    heading.data = 'Talks in Moscow';
    await nextChange();
    expect(marked(s).slice(0, 2)).toEqual(['place/moscow:Moscow', 'person/sergey-lavrov:سيرغي لافروف']);
    expect(painted(registry)).toEqual({
      'hashiya-person-underline': ['سيرغي لافروف'],
      'hashiya-place-underline': ['Moscow', 'موسكو'],
      'hashiya-organization-underline': ['Kremlin', 'الكرملين'],
    });
    expect(s.text()).toContain('Talks in Moscow');
    expect(s.text()).not.toContain('Later');
  });

  it('ignores changes inside its own UI host', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="ours"></div>');
    const ours = document.getElementById('ours')!;
    const s = await start({ exclude: () => ours });
    const count = s.all().length;
    ours.textContent = 'Kremlin';
    document.getElementById('en')!.append(' Geneva.'); // a real change, to know a rescan ran
    await nextChange();
    expect(s.all().length).toBe(count + 1);
    expect(s.all().some((m) => ours.contains(m.range.startContainer))).toBe(false);
  });

  it('after stop, unpaints everything and no longer follows the page', async () => {
    const s = await start();
    s.stop();
    expect(registry.size).toBe(0);
    expect(s.all()).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<p>Kremlin</p>');
    await new Promise((r) => setTimeout(r, 60));
    expect(changes).toHaveLength(1); // the first scan's only
    expect(registry.size).toBe(0);
  });

  describe('a page of several chunks: its requests to the background', () => {
    // Twelve 600-character paragraphs: several chunks (page/marks/chunks.ts), the first chunk's
    // names (Lavrov) not the rest's, so the rest has keys of its own to ask for.
    const longPage = () => {
      const para = (i: number) =>
        `<p>${'نص عادي بلا أسماء '.repeat(30)} ${i < 8 ? 'لافروف وLavrov' : 'الكرملين في موسكو وGeneva'} ${'word '.repeat(20)}</p>`;
      document.body.innerHTML = Array.from({ length: 12 }, (_, i) => para(i)).join('');
    };
    /** The small catalog's answers, each after `delayMs`; `failFirst` rejects the primer's request. */
    function slowRecognizer(delayMs: number, failFirst = false) {
      const index = createAliasIndex(buildGazetteer(CATALOG));
      const log: { keys: number; inFlight: number }[] = [];
      let inFlight = 0;
      let calls = 0;
      const recognizer = createRecognizer(async (keys, crowded) => {
        log.push({ keys: keys.length, inFlight });
        if (failFirst && calls++ === 0) throw new Error('background unavailable');
        inFlight++;
        await new Promise((r) => setTimeout(r, delayMs));
        inFlight--;
        return JSON.parse(JSON.stringify(index.lookup(keys, crowded)));
      });
      return { recognizer, log };
    }

    it('asks for the rest while the visible part’s answer is on its way, and marks the same', async () => {
      longPage();
      const reference = marked(await start());
      session!.stop();
      expect(reference.length).toBe(8 * 2 + 4 * 3);
      const { recognizer, log } = slowRecognizer(30);
      const s = await start({ recognizer });
      expect(marked(s)).toEqual(reference);
      // Primer, visible part, rest: the rest's request leaves before the visible part's answer.
      expect(log.map((r) => r.inFlight)).toEqual([0, 0, 1]);
    });

    it('marks the visible part in a slice of its own when its answer comes after the rest is read', async () => {
      // Merging an answer is work of the task it arrives in; the visible part's first matching
      // (cold code) used to run on in that same task: together they made slices of up to 13 ms.
      longPage();
      const events: string[] = [];
      vi.stubGlobal('scheduler', { yield: async () => void events.push('yield') });
      const { recognizer } = slowRecognizer(30);
      const learn = recognizer.learn;
      recognizer.learn = (keys, texts) => learn(keys, texts).then(() => void events.push('answer'));
      await start({ recognizer, onStep: (step) => step === 'learned' && events.push('learned') });
      const learned = events.indexOf('learned');
      // The visible part's answer, then a yield, the marking, and a yield before anything else.
      expect(events.slice(events.lastIndexOf('answer', learned), learned + 2)).toEqual([
        'answer',
        'yield',
        'learned',
        'yield',
      ]);
    });

    it('one request after the other when the primer failed (its crowded words make the rest’s keys)', async () => {
      longPage();
      const reference = marked(await start());
      session!.stop();
      const { recognizer, log } = slowRecognizer(5, true);
      const s = await start({ recognizer });
      expect(marked(s)).toEqual(reference);
      expect(log.length).toBeGreaterThanOrEqual(3);
      expect(log.every((r) => r.inFlight === 0)).toBe(true);
    });
  });

  it('stop during the first scan: nothing is painted', async () => {
    const s = createMarkSession({
      root: document.body,
      recognizer: smallRecognizer(),
      style: 'underline',
      types: new Set(ALL),
      noted: new Set(),
    });
    const started = s.start();
    s.stop();
    await started;
    expect(registry.size).toBe(0);
    expect(s.all()).toEqual([]);
  });

  describe('at(x, y): the mention under a point', () => {
    // No layout in happy-dom: the browser's hit test (caretPositionFromPoint) and each range's
    // rectangles are given. "Lavrov" of the last paragraph lies at (100..148, 200..216).
    beforeEach(() => {
      const text = () => document.getElementById('en')!.firstChild as Text;
      const at = () => text().data.indexOf('Lavrov');
      Object.assign(document, {
        caretPositionFromPoint: (x: number, y: number) =>
          // The browser snaps to the nearest caret, even for a point beside the text.
          y >= 190 && y <= 230
            ? { offsetNode: text(), offset: at() + Math.max(0, Math.min(6, Math.floor((x - 100) / 8))) }
            : null,
      });
      vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
        const onLavrov = this.startContainer === text() && this.startOffset === at();
        return (onLavrov
          ? [{ left: 100, right: 148, top: 200, bottom: 216, width: 48, height: 16 }]
          : []) as unknown as DOMRectList;
      });
    });
    afterEach(() => {
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    });

    it('finds the mention whose text is under the point, and null beside it', async () => {
      const s = await start();
      const hit = s.at(120, 208);
      expect(hit?.range.toString()).toBe('Lavrov');
      expect(hit?.range.startContainer).toBe(document.getElementById('en')!.firstChild);
      expect(s.at(120, 225)).toBeNull(); // below the line: the caret snaps to it, but the point is not on the name
      expect(s.at(20, 208)).toBeNull(); // left of the name
      expect(s.at(120, 400)).toBeNull(); // no text there
    });

    it('once the marks’ rectangles are measured (when idle), answers the same without the browser’s hit test', async () => {
      vi.stubGlobal('ResizeObserver', ReportingResizeObserver); // its first report starts the measuring
      const s = await start();
      const hits = () => [s.at(120, 208), s.at(120, 225), s.at(20, 208)].map((m) => m?.id ?? null);
      const before = hits();
      expect(s.at(120, 208)?.range.toString()).toBe('Lavrov');
      expect(before).toEqual([expect.any(Number), null, null]);
      // The grid is built in an idle period (a timer here, no requestIdleCallback in happy-dom).
      await new Promise((r) => setTimeout(r, 200));
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      expect(hits()).toEqual(before);
      s.setTypes(new Set(['place']));
      expect(s.at(120, 208)).toBeNull();
    });

    it('does not find a mention whose type is turned off', async () => {
      const s = await start({ types: new Set(['place']) });
      expect(s.at(120, 208)).toBeNull();
      s.setTypes(new Set(['person']));
      expect(s.at(120, 208)?.entityId).toBe('person/sergey-lavrov');
    });
  });
});
