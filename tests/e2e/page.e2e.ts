import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import { launch, type PageHandle, type Session } from './harness/browsers';
import { describeEachBrowser } from './harness/env';
import { probe, slotOf, waitForProbe, type ProbeResult } from './harness/probe';
import { sendToTab } from './harness/tab-messages';

// What a reader sees on a news page, in each browser: marks on the right words with the right
// types, the hover card (hover, click to pin, Esc, the next-entity command), settings from the popup
// applied live, dynamic text, pages with nothing to mark, the page's DOM left alone, the same-story
// notice — and the README screenshots. The closed shadow root is read through the test-build probe.
//
// Fixtures (tests/e2e/fixtures): article-ar.html / article-en.html (an other-story article, 2024),
// dynamic-ar.html (text added, removed and edited after load), article-none.html (an article with no
// corpus entity), same-story-ar.html (a paraphrase of the corpus article of 26 January 2021).

const base = inject('fixtureBaseUrl');
const ROOT = resolve(import.meta.dirname, '../..');
// The README's images are rewritten only by `npm run screenshots` (npm test must not change tracked
// files); a plain test run still takes them, into .output/screenshots, so the flow stays tested.
const SHOTS = join(ROOT, process.env.HASHIYA_SCREENSHOTS ? 'docs/screenshots' : '.output/screenshots');

// The corpus article every fixture is compared with (seeds/articles/000_170d4d68c2385a85.txt).
const CORPUS_ARTICLE_ID = '000_170d4d68c2385a85';
const CORPUS_TITLE_START = 'ظريف بعد توقيع اتفاقية';
const CORPUS_LAVROV_SENTENCE = 'وقّع وزير الخارجية الروسي';

/** [highlight name, range text], sorted: what article-ar.html must show with default settings. */
const AR_MARKS: [string, string][] = sortPairs([
  ['hashiya-person-underline', 'سيرغي لافروف'],
  ['hashiya-place-underline', 'موسكو'],
  ['hashiya-place-underline', 'روسيا'],
  ['hashiya-place-underline', 'وإيران'],
  ['hashiya-organization-underline', 'الكرملين'],
  ['hashiya-product-underline', 'تلغرام'],
]);
const EN_MARKS: [string, string][] = sortPairs([
  ['hashiya-person-underline', 'Sergey Lavrov'],
  ['hashiya-place-underline', 'Moscow'],
  ['hashiya-place-underline', 'Iran'],
]);

function sortPairs(pairs: [string, string][]): [string, string][] {
  return [...pairs].sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every range of every `hashiya-*` highlight, as sorted [highlight name, range text] pairs. */
async function readMarks(page: PageHandle): Promise<[string, string][]> {
  const pairs = await page.evaluate(() => {
    const out: [string, string][] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!String(name).startsWith('hashiya-')) continue;
      for (const range of highlight as Iterable<AbstractRange>) out.push([String(name), (range as Range).toString()]);
    }
    return out;
  });
  return sortPairs(pairs);
}

/** Names of the registered `hashiya-*` highlights (empty or not). */
function highlightNames(page: PageHandle): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()].map(String).filter((k) => k.startsWith('hashiya-')));
}

/** Polls until the page's marks are exactly `expected`; on timeout fails with a diff of the last read. */
async function expectMarks(page: PageHandle, expected: [string, string][], timeoutMs = 15_000): Promise<void> {
  const want = JSON.stringify(sortPairs(expected));
  const deadline = Date.now() + timeoutMs;
  let last: [string, string][] = [];
  while (Date.now() < deadline) {
    last = await readMarks(page).catch(() => last);
    if (JSON.stringify(last) === want) return;
    await sleep(100);
  }
  expect(
    last,
    `marks never became the expected set${page.errors.length ? `; page errors: ${page.errors}` : ''}`,
  ).toEqual(sortPairs(expected));
}

/** Center of the first line box of the nth (document order) marked range reading `text`. */
async function mentionPoint(page: PageHandle, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ text, nth }: { text: string; nth: number }) => {
      const found: Range[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!String(name).startsWith('hashiya-')) continue;
        for (const r of highlight as Iterable<AbstractRange>)
          if ((r as Range).toString() === text) found.push(r as Range);
      }
      found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = found[nth];
      if (!range) return null;
      const rect =
        [...range.getClientRects()].find((q) => q.width > 0 && q.height > 0) ?? range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { text, nth },
  );
  expect(point, `a marked range reading ${JSON.stringify(text)}`).toBeTruthy();
  return point!;
}

const cardOf = (r: ProbeResult | null) => slotOf(r, 'card');
const noticeOf = (r: ProbeResult | null) => slotOf(r, 'notice');
const mentionTexts = (r: ProbeResult | null) => (r?.mentions ?? []).map((m) => m.text).sort();

/** A message in the @webext-core/messaging wire format ({ id, type, data, timestamp }). */
/** Back to the default settings (the stored item removed: every tab falls back to the defaults). */
async function resetSettings(session: Session): Promise<void> {
  const ext = await session.openExtensionPage('popup.html');
  try {
    await ext.evaluate(() =>
      ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.remove('settings'),
    );
  } finally {
    await ext.close();
  }
}

/** Real mouse click on the center of the element matching `selector` in `page`. */
async function clickElement(page: PageHandle, selector: string): Promise<void> {
  const box = await page.waitFor((sel: string) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, selector);
  await page.click(box.x, box.y);
}

describeEachBrowser('news page', (kind) => {
  let session: Session;

  beforeAll(async () => {
    session = await launch(kind);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(path: string): Promise<PageHandle> {
    return session.newPage(`${base}/${path}`);
  }

  it('marks exactly the corpus names on an Arabic article, each in its type’s highlight', async () => {
    const page = await open('article-ar.html');
    try {
      await expectMarks(page, AR_MARKS);
      // The probe's mention list agrees with the highlights, with the entity ids.
      const r = await probe(page);
      expect((r?.mentions ?? []).map((m) => `${m.type} ${m.entityId} ${m.text}`).sort()).toEqual(
        [
          'person person/sergey-lavrov سيرغي لافروف',
          'place place/moscow موسكو',
          'place place/russia روسيا',
          'place place/iran وإيران',
          'organization organization/kremlin الكرملين',
          'product product/telegram تلغرام',
        ].sort(),
      );
    } finally {
      await page.close();
    }
  });

  it('marks exactly Sergey Lavrov, Moscow and Iran on an English article', async () => {
    const page = await open('article-en.html');
    try {
      await expectMarks(page, EN_MARKS);
    } finally {
      await page.close();
    }
  });

  it('hovering a mention shows the card after the delay with its names and a corpus sentence; leaving closes it after the grace', async () => {
    const page = await open('article-ar.html');
    try {
      await expectMarks(page, AR_MARKS);
      const { x, y } = await mentionPoint(page, 'سيرغي لافروف');
      expect(cardOf(await probe(page)).role).toBeNull();

      const t0 = Date.now();
      await page.mouseMove(x, y);
      // The hover delay (500 ms by default): nothing yet right after the pointer arrives.
      const early = await probe(page);
      if (Date.now() - t0 < 350) expect(cardOf(early).role, 'card shown before the hover delay').toBeNull();
      await sleep(700 - (Date.now() - t0));
      expect(cardOf(await probe(page)).role, 'card 700 ms after hovering').toBe('tooltip');

      const shown = await waitForProbe(
        page,
        (r) => cardOf(r).text.includes(CORPUS_LAVROV_SENTENCE),
        'the card with its corpus sentence',
        5_000,
      );
      const card = cardOf(shown);
      expect(card.role).toBe('tooltip');
      expect(card.label).toBe('Sergey Lavrov');
      expect(card.text).toContain('Sergey Lavrov');
      expect(card.text).toContain('سيرغي لافروف');
      expect(card.text).toContain(CORPUS_TITLE_START);

      // Away from any text: the card stays for the 300 ms grace, then goes.
      const t1 = Date.now();
      await page.mouseMove(2, 2);
      await waitForProbe(page, (r) => cardOf(r).role === null && cardOf(r).text === '', 'the card closed', 5_000);
      expect(Date.now() - t1, 'the card closed before the 300 ms grace').toBeGreaterThanOrEqual(290);
    } finally {
      await page.close();
    }
  });

  it('clicking a mention pins the card as a dialog; Esc closes it and it stays closed', async () => {
    const page = await open('article-ar.html');
    try {
      await expectMarks(page, AR_MARKS);
      const { x, y } = await mentionPoint(page, 'موسكو');
      await page.click(x, y);
      const pinned = await waitForProbe(
        page,
        (r) => cardOf(r).role === 'dialog' && cardOf(r).text.includes('موسكو') && cardOf(r).label === 'Moscow',
        'a pinned Moscow card',
        3_000,
      );
      expect(cardOf(pinned).text).toContain('Moscow');

      await page.press('Escape');
      await waitForProbe(page, (r) => cardOf(r).role === null, 'the card closed by Esc', 3_000);
      // The pointer is still on the mention: Esc's dismissal holds past the hover delay.
      await sleep(900);
      expect(cardOf(await probe(page)).role).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('the next-entity command path (background → tab) opens the pinned card of the first mention, then the next', async () => {
    const page = await open('article-ar.html');
    try {
      await expectMarks(page, AR_MARKS);
      expect(cardOf(await probe(page)).role).toBeNull();

      const first = await sendToTab(session, page, 'nextEntity', { direction: 1 });
      expect(first.err, JSON.stringify(first)).toBeUndefined();
      const r1 = await waitForProbe(
        page,
        (r) => cardOf(r).role === 'dialog' && cardOf(r).label === 'Sergey Lavrov',
        'the pinned card of سيرغي لافروف',
        5_000,
      );
      expect(cardOf(r1).text).toContain('سيرغي لافروف');

      const second = await sendToTab(session, page, 'nextEntity', { direction: 1 });
      expect(second.err, JSON.stringify(second)).toBeUndefined();
      await waitForProbe(
        page,
        (r) => cardOf(r).role === 'dialog' && cardOf(r).label === 'Moscow',
        'the pinned card of the second mention, موسكو',
        5_000,
      );
    } finally {
      await page.close();
    }
  });

  it('popup controls apply live to an open news tab: off/on, one type off, mark style', async () => {
    const news = await open('article-ar.html');
    let popup: PageHandle | null = null;
    try {
      await expectMarks(news, AR_MARKS);
      popup = await session.openExtensionPage('popup.html');
      await popup.waitFor(() => document.querySelector<HTMLInputElement>('#enabled')?.checked === true);

      // Off everywhere: no highlight left, no mention.
      await clickElement(popup, '#enabled');
      await news.waitFor(
        () => ![...CSS.highlights.keys()].some((k) => String(k).startsWith('hashiya-')),
        undefined,
        10_000,
      );
      expect(await highlightNames(news)).toEqual([]);
      expect((await probe(news))?.mentions).toEqual([]);

      // On again: the same marks come back.
      await clickElement(popup, '#enabled');
      await expectMarks(news, AR_MARKS);

      // Places off: their highlight empties, the others stay.
      await clickElement(popup, 'input[name="types"][value="place"]');
      await expectMarks(
        news,
        AR_MARKS.filter(([name]) => name !== 'hashiya-place-underline'),
      );
      expect(mentionTexts(await probe(news))).not.toContain('موسكو');

      // Places on, dotted style: every mark under its -dotted name, none left under -underline.
      await clickElement(popup, 'input[name="types"][value="place"]');
      await expectMarks(news, AR_MARKS);
      await popup.evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('#mark-style')!;
        select.value = 'dotted';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await expectMarks(
        news,
        AR_MARKS.map(([name, text]) => [name.replace(/-underline$/, '-dotted'), text]),
      );
      expect((await highlightNames(news)).filter((n) => !n.endsWith('-dotted'))).toEqual([]);

      const stored = await popup.evaluate(() =>
        ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get('settings'),
      );
      expect(stored.settings).toMatchObject({ enabled: true, markStyle: 'dotted' });
      expect(stored.settings.types).toContain('place');
    } finally {
      await popup?.close();
      await resetSettings(session);
      await news.close();
    }
  });

  it('text added after load is marked; removed text leaves no mark; edited text is not marked twice', async () => {
    const page = await open('dynamic-ar.html');
    const initial = ['سيرغي لافروف', 'موسكو', 'إيران'];
    const marksOnly = async () => (await readMarks(page)).map(([, t]) => t).sort();
    try {
      // The page appends «وقال بوتين …» 1.5 s after load.
      await page.waitFor(
        () =>
          [...CSS.highlights]
            .filter(([k]) => String(k).startsWith('hashiya-'))
            .some(([, h]) => [...(h as Iterable<AbstractRange>)].some((r) => (r as Range).toString() === 'بوتين')),
        undefined,
        15_000,
      );
      await expectMarks(page, [
        ['hashiya-person-underline', 'سيرغي لافروف'],
        ['hashiya-person-underline', 'بوتين'],
        ['hashiya-place-underline', 'موسكو'],
        ['hashiya-place-underline', 'إيران'],
      ]);
      const withPutin = await probe(page);
      expect(withPutin?.mentions.find((m) => m.text === 'بوتين')?.entityId).toBe('person/vladimir-putin');

      // The page removes that paragraph: the mention goes from the session and from the highlights.
      expect(await page.evaluate(() => (window as any).__removeLate())).toBe(true);
      const gone = await waitForProbe(
        page,
        (r) => !r.mentions.some((m) => m.entityId === 'person/vladimir-putin'),
        'بوتين gone from the mentions',
      );
      expect(mentionTexts(gone)).toEqual([...initial].sort());
      expect(await marksOnly()).toEqual([...initial].sort());

      // The text node edited in place (characterData): إيران once, plus the new تلغرام.
      await page.evaluate(() =>
        (window as any).__editInPlace('وتشهد العلاقات مع إيران تنسيقاً متزايداً عبر تطبيق تلغرام.'),
      );
      const edited = await waitForProbe(page, (r) => mentionTexts(r).includes('تلغرام'), 'تلغرام marked');
      expect(mentionTexts(edited)).toEqual(['سيرغي لافروف', 'موسكو', 'إيران', 'تلغرام'].sort());
      expect(await marksOnly()).toEqual(['سيرغي لافروف', 'موسكو', 'إيران', 'تلغرام'].sort());

      // The paragraph's text replaced (childList): إيران once, الكرملين new, تلغرام gone.
      await page.evaluate(() => (window as any).__replaceText('وأعلن الكرملين أن العلاقات مع إيران مستمرة.'));
      const replaced = await waitForProbe(
        page,
        (r) => mentionTexts(r).includes('الكرملين') && !mentionTexts(r).includes('تلغرام'),
        'الكرملين marked and تلغرام gone',
      );
      expect(mentionTexts(replaced)).toEqual(['سيرغي لافروف', 'موسكو', 'الكرملين', 'إيران'].sort());
      expect(await marksOnly()).toEqual(['سيرغي لافروف', 'موسكو', 'الكرملين', 'إيران'].sort());
    } finally {
      await page.close();
    }
  });

  it('a long page: every name is found, only those near the viewport are painted, scrolling paints the rest', async () => {
    const page = await open('long-ar.html');
    // Where each painted range is: its paragraph's id, or the id of the element holding it.
    const painted = () =>
      page.evaluate(() => {
        const where: string[] = [];
        for (const [name, highlight] of CSS.highlights) {
          if (!String(name).startsWith('hashiya-')) continue;
          for (const r of highlight as Iterable<AbstractRange>) {
            const el = (r as Range).startContainer.parentElement!;
            where.push(el.closest('p')?.id ?? el.id);
          }
        }
        return where;
      });
    /** Polls until `accept` holds for the painted places; returns the last read either way. */
    const paintedWhen = async (accept: (where: string[]) => boolean) => {
      let where: string[] = [];
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
        where = await painted();
        if (accept(where)) break;
      }
      return where;
    };
    try {
      // 400 × (Lavrov, Moscow) and the Kremlin in the box-less wrapper.
      await waitForProbe(page, (r) => r.mentions.length === 801, 'all 801 mentions found', 20_000);
      const first = await paintedWhen((w) => w.includes('p0') && w.includes('wrapper'));
      expect(first, 'the first paragraph and the box-less wrapper are painted').toEqual(
        expect.arrayContaining(['p0', 'wrapper']),
      );
      expect(first.length, 'far fewer ranges painted than mentions found').toBeLessThan(400);
      expect(first).not.toContain('p399');

      await page.evaluate(() => document.getElementById('p399')!.scrollIntoView());
      const last = await paintedWhen((w) => w.includes('p399') && !w.includes('p0'));
      expect(last, 'after scrolling to the end: the last paragraph painted').toContain('p399');
      expect(last, 'and the first one no longer').not.toContain('p0');
      expect(
        last.filter((id) => id === 'p399'),
        'both names of the last paragraph',
      ).toHaveLength(2);
    } finally {
      await page.close();
    }
  });

  it('an article with no corpus entity gets no highlight and no mention', async () => {
    const page = await open('article-none.html');
    try {
      const first = await waitForProbe(page, () => true, 'the content script answers the probe');
      expect(first.mentions).toEqual([]);
      expect(await highlightNames(page)).toEqual([]);
      // Control: the session is live (its initial scan is done before it watches the page), so a
      // name added now is marked — and it is the only mark: the article's own text gave none.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'وفي موسكو سُجلت درجات حرارة أدنى.';
        document.getElementById('story')!.append(p);
      });
      await expectMarks(page, [['hashiya-place-underline', 'موسكو']]);
      expect((await probe(page))?.mentions.map((m) => m.entityId)).toEqual(['place/moscow']);
    } finally {
      await page.close();
    }
  });

  it('marking and a card opened and closed leave the page DOM as the site sent it (one closed host on <html>)', async () => {
    const page = await open('article-ar.html');
    try {
      await expectMarks(page, AR_MARKS);
      const { x, y } = await mentionPoint(page, 'سيرغي لافروف');
      await page.click(x, y);
      await waitForProbe(page, (r) => cardOf(r).role === 'dialog', 'a pinned card', 3_000);
      await page.press('Escape');
      await waitForProbe(page, (r) => cardOf(r).role === null && cardOf(r).text === '', 'the card closed', 3_000);

      const after = await page.evaluate(() => {
        const w = window as unknown as {
          __hashiyaBefore: { html: string; body: string };
          __hashiyaMutations: string[];
        };
        const host = document.querySelector('hashiya-ui');
        const clone = document.documentElement.cloneNode(true) as HTMLElement;
        clone.querySelector('hashiya-ui')?.remove();
        return {
          before: w.__hashiyaBefore,
          body: document.body.innerHTML,
          htmlWithoutHost: clone.outerHTML,
          children: [...document.documentElement.children].map((c) => c.nodeName),
          hosts: document.querySelectorAll('hashiya-ui').length,
          hostParent: host?.parentNode === document.documentElement,
          hostShadowRoot: host ? host.shadowRoot : 'no host',
          hostLight: host ? host.innerHTML + '|' + host.attributes.length : 'no host',
          mutations: w.__hashiyaMutations,
        };
      });
      expect(after.before?.body, 'the page captured body.innerHTML at DOMContentLoaded').toBeTruthy();
      expect(after.body === after.before.body, 'document.body.innerHTML changed').toBe(true);
      expect(after.children).toEqual(['HEAD', 'BODY', 'HASHIYA-UI']);
      expect(after.hosts).toBe(1);
      expect(after.hostParent).toBe(true);
      expect(after.hostShadowRoot, 'the host’s shadow root is closed').toBeNull();
      expect(after.hostLight, 'the host has no light DOM and no attributes').toBe('|0');
      expect(after.htmlWithoutHost === after.before.html, 'documentElement changed beyond the host').toBe(true);
      // The only mutation since DOMContentLoaded: the host appended to <html>.
      expect(after.mutations).toEqual(['childList HTML']);
    } finally {
      await page.close();
    }
  });

  it('a page telling the corpus article’s story shows the same-story notice; another story does not', async () => {
    const same = await open('same-story-ar.html');
    try {
      const r = await waitForProbe(
        same,
        (p) => noticeOf(p).text.includes(CORPUS_TITLE_START),
        'the same-story notice',
        15_000,
      );
      expect(noticeOf(r).role).toBe('status');
      const summary = await sendToTab(session, same, 'pageSummary');
      expect(summary.res).toMatchObject({ active: true, story: { articleId: CORPUS_ARTICLE_ID, sameStory: true } });
    } finally {
      await same.close();
    }

    const other = await open('article-ar.html');
    try {
      await expectMarks(other, AR_MARKS);
      // Wait until the story match is in (the background scored it), then the notice must be absent.
      let story: any = null;
      const deadline = Date.now() + 15_000;
      while (!story && Date.now() < deadline) {
        const summary = await sendToTab(session, other, 'pageSummary');
        story = (summary.res as any)?.story ?? null;
        if (!story) await sleep(200);
      }
      expect(story).toMatchObject({ articleId: CORPUS_ARTICLE_ID, sameStory: false });
      const r = await probe(other);
      expect(noticeOf(r).role).toBeNull();
      expect(noticeOf(r).text).toBe('');
    } finally {
      await other.close();
    }
  });

  it.skipIf(kind !== 'chromium')('README screenshots: hover cards (Arabic, English) and the popup', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const shoot = async (path: string, name: string, marks: [string, string][], label: string, file: string) => {
      const page = await open(path);
      try {
        await (page.raw as PwPage).setViewportSize({ width: 1000, height: 700 });
        await expectMarks(page, marks);
        const { x, y } = await mentionPoint(page, name);
        await page.mouseMove(x, y);
        await waitForProbe(
          page,
          (r) => cardOf(r).role === 'tooltip' && cardOf(r).label === label && !cardOf(r).text.includes('Loading'),
          `the ${label} card`,
          5_000,
        );
        await sleep(400); // the 200 ms fade-in
        await page.screenshot(join(SHOTS, file));
      } finally {
        await page.close();
      }
    };
    await shoot('article-ar.html', 'سيرغي لافروف', AR_MARKS, 'Sergey Lavrov', 'card-ar.png');
    await shoot('article-en.html', 'Sergey Lavrov', EN_MARKS, 'Sergey Lavrov', 'card-en.png');

    const popup = await session.openExtensionPage('popup.html');
    try {
      await (popup.raw as PwPage).setViewportSize({ width: 360, height: 600 });
      await popup.waitFor(
        () =>
          !!document.querySelector('[data-testid="corpus-status"]') &&
          !!document.querySelector('#mark-style') &&
          !!document.querySelector('[data-testid="not-active"]'),
      );
      // Headless Chromium refuses persistent storage, so the popup says so (guarantee 22): the
      // screenshot shows the popup as a reader sees it after "Got it".
      await sleep(800);
      await popup.evaluate(() =>
        (document.querySelector('[data-testid="persist-notice"] button') as HTMLButtonElement | null)?.click(),
      );
      await popup.waitFor(() => !document.querySelector('[data-testid="persist-notice"]'));
      await popup.screenshot(join(SHOTS, 'popup.png'));
    } finally {
      await popup.close();
    }
  });
});
