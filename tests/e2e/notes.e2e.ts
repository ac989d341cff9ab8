import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import type { CDPSession, Page as PwPage } from 'playwright-core';
import { GECKO_ID, launch, type PageHandle, type Session } from './harness/browsers';
import { describeEachBrowser } from './harness/env';
import { probe, slotOf, waitForProbe, type ProbeResult, type ProbeSlot } from './harness/probe';
import { deleteRoute, FIXTURES_DIR, putRoute } from './harness/server';
import { addEntityNote, listNotes, type NoteLike } from './guarantees/lib';
import { resolveLang, t, tf, type UiLang } from '../../i18n/strings';
import { sendToTab, serviceWorker } from './harness/tab-messages';

// The reader's notes end to end, in each browser, with trusted input only where the reader acts:
// 1. an entity note written on the hover card with the keyboard, shown again after a reload and on
//    another page naming the same entity (whose mark turns to the "noted" highlight);
// 2. a passage note on a selected sentence through the `noteSelection` command path;
// 3. the passage found again on edited copies of its page (moved, re-vocalized), listed as an
//    orphan with its quote when its paragraph is gone;
// 4. notes kept across an extension reload (the update path);
// 5. an old tab left over from before the reload throws nothing and marks again when reloaded;
// 6. forged page messages and events can neither read nor wipe notes.
// The tests of one browser share its session and build on each other, in order (1 → 6).
//
// Fixtures (tests/e2e/fixtures/notes): lavrov-ar.html (لافروف alone, and موسكو), lavrov-en.html
// (Sergey Lavrov), passage-ar.html (the passage is the 2nd sentence of #passage-p; served, with its
// edited copies, at one in-memory route per browser so the note's page URL stays the same).

const base = inject('fixtureBaseUrl');
const LAVROV = 'person/sergey-lavrov';

const PASSAGE = 'وأكد الجانبان أن التعاون الاقتصادي سيتوسع خلال الأشهر المقبلة رغم الصعوبات.';
/** The same passage re-typeset: shadda, damma, sukun, fatha and tatweel inside it. */
const PASSAGE_VOCALIZED = 'وأكّد الجانبـان أنّ التعاوُن الاقتصاديّ سيتوسـّع خلال الأشهُر المقبلة رغم الصعوبات.';
const PASSAGE_HTML = readFileSync(join(FIXTURES_DIR, 'notes/passage-ar.html'), 'utf8');

const AR_MARKS: [string, string][] = [
  ['hashiya-person-underline', 'لافروف'],
  ['hashiya-place-underline', 'موسكو'],
];
const AR_MARKS_NOTED: [string, string][] = [
  ['hashiya-noted-underline', 'لافروف'],
  ['hashiya-place-underline', 'موسكو'],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sortPairs(pairs: [string, string][]): [string, string][] {
  return [...pairs].sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
}

/** `html` with `from` replaced by `to`; throws when `from` is not in it (a fixture edit that did nothing). */
function edit(html: string, from: string, to: string): string {
  if (!html.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from.slice(0, 60))} not found`);
  return html.replace(from, to);
}

/** Every range of the `hashiya-*` highlights whose name starts with `prefix`, as sorted [name, text]. */
async function readHighlights(page: PageHandle, prefix = 'hashiya-'): Promise<[string, string][]> {
  const pairs = await page.evaluate((prefix: string) => {
    const out: [string, string][] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!String(name).startsWith(prefix)) continue;
      for (const r of highlight as Iterable<AbstractRange>) out.push([String(name), (r as Range).toString()]);
    }
    return out;
  }, prefix);
  return sortPairs(pairs);
}

/** Entity marks only (passage highlights are another feature). */
async function readEntityMarks(page: PageHandle): Promise<[string, string][]> {
  return (await readHighlights(page)).filter(([name]) => !name.startsWith('hashiya-passage-'));
}

async function expectExactly(
  read: () => Promise<[string, string][]>,
  page: PageHandle,
  expected: [string, string][],
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const want = JSON.stringify(sortPairs(expected));
  const deadline = Date.now() + timeoutMs;
  let last: [string, string][] = [];
  while (Date.now() < deadline) {
    last = await read().catch(() => last);
    if (JSON.stringify(last) === want) return;
    await sleep(100);
  }
  expect(
    last,
    `${what} never became the expected set${page.errors.length ? `; page errors: ${page.errors}` : ''}`,
  ).toEqual(sortPairs(expected));
}

const expectMarks = (page: PageHandle, expected: [string, string][]) =>
  expectExactly(() => readEntityMarks(page), page, expected, 'entity marks');
const expectPassages = (page: PageHandle, expected: [string, string][]) =>
  expectExactly(() => readHighlights(page, 'hashiya-passage-'), page, expected, 'passage highlights');

/** Center of the first line box of the first marked range reading `text`. */
async function markPoint(page: PageHandle, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((text: string) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!String(name).startsWith('hashiya-')) continue;
      for (const r of highlight as Iterable<AbstractRange>) {
        const range = r as Range;
        if (range.toString() !== text) continue;
        const rect = [...range.getClientRects()].find((q) => q.width > 0 && q.height > 0);
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  expect(point, `a visible mark reading ${JSON.stringify(text)}`).toBeTruthy();
  return point!;
}

const cardOf = (r: ProbeResult | null) => slotOf(r, 'card');
const noticeOf = (r: ProbeResult | null) => slotOf(r, 'notice');
const passageOf = (r: ProbeResult | null): ProbeSlot =>
  r?.ui.find((s) => s.slot === 'passage') ?? { slot: 'passage', role: null, label: null, text: '' };

/** Focus is inside our closed shadow root (the page sees the host as its active element). */
const focusInUi = (page: PageHandle) =>
  page.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'hashiya-ui');

async function typeText(page: PageHandle, text: string): Promise<void> {
  await (page.raw as PwPage).keyboard.type(text, { delay: 10 });
}

async function bringToFront(page: PageHandle): Promise<void> {
  await (page.raw as PwPage).bringToFront();
}

async function notesNow(session: Session): Promise<NoteLike[]> {
  const ext = await session.openExtensionPage('notes.html');
  try {
    return await listNotes(ext);
  } finally {
    await ext.close();
  }
}

/** What survives or not, compared exactly: id, kind, body, sorted by id. */
const summary = (notes: NoteLike[]) =>
  notes.map((n) => ({ id: n.id, kind: n.kind, body: n.body })).sort((a, b) => (a.id < b.id ? -1 : 1));

/** Page-side errors beyond PageHandle.errors: console errors, and in Chromium every world's exceptions (CDP). */
interface ErrorWatch {
  console: string[];
  exceptions: string[];
  stop(): Promise<void>;
}

async function watchErrors(kind: string, page: PageHandle): Promise<ErrorWatch> {
  const consoleErrors: string[] = [];
  const exceptions: string[] = [];
  const onConsole = (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  };
  (page.raw as PwPage).on('console', onConsole as never);
  let cdp: CDPSession | null = null;
  if (kind === 'chromium') {
    const raw = page.raw as PwPage;
    cdp = await raw.context().newCDPSession(raw);
    // Runtime reports exceptions of every execution context of the tab, content-script worlds included.
    cdp.on('Runtime.exceptionThrown', (e) =>
      exceptions.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text),
    );
    cdp.on('Runtime.consoleAPICalled', (e) => {
      if (e.type === 'error' || e.type === 'assert') {
        consoleErrors.push(e.args.map((a) => a.description ?? String(a.value)).join(' '));
      }
    });
    await cdp.send('Runtime.enable');
  }
  return {
    console: consoleErrors,
    exceptions,
    async stop() {
      (page.raw as PwPage).off('console', onConsole as never);
      await cdp?.detach().catch(() => {});
    },
  };
}

describeEachBrowser('reader notes', (kind) => {
  let session: Session;
  let lang: UiLang = 'en';
  const S = (key: Parameters<typeof t>[1]) => t(lang, key);
  /** One route per browser: the two browsers' notes never share a page URL. */
  const PASSAGE_PATH = `/notes-live/${kind}/passage-ar.html`;
  const LISTENING_PATH = `/notes-live/${kind}/lavrov-ar-listening.html`;
  const passageUrl = `${base}${PASSAGE_PATH}`;
  const ENTITY_BODY = `Lavrov: grain talks next month — ملاحظة ${kind}`;
  const PASSAGE_BODY = `passage note — ملاحظة المقطع ${kind}`;
  const known: { entity?: NoteLike; passage?: NoteLike; seeded?: NoteLike; beforeReload?: NoteLike[] } = {};
  /** Test 4 → 5: a news tab opened before the extension reload, never reloaded since. */
  let oldTab: PageHandle | null = null;
  let oldWatch: ErrorWatch | null = null;
  let oldMarkPoints: { x: number; y: number }[] = [];

  beforeAll(async () => {
    await putRoute(base, PASSAGE_PATH, PASSAGE_HTML);
    session = await launch(kind);
  });

  afterAll(async () => {
    await oldWatch?.stop();
    await session?.close();
    await deleteRoute(base, PASSAGE_PATH);
    await deleteRoute(base, LISTENING_PATH);
  });

  // A keyboard walk gone wrong could press "Turn off on this site": never let it leak into the next test.
  beforeEach(async () => {
    const popup = await session.openExtensionPage('popup.html');
    try {
      await popup.evaluate(() =>
        ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.remove('settings'),
      );
    } finally {
      await popup.close();
    }
  });

  async function open(path: string): Promise<PageHandle> {
    return session.newPage(`${base}/${path}`);
  }

  /** Clicks the mark reading `text` and waits for the pinned card `label` with its notes loaded. */
  async function pinCard(page: PageHandle, text: string, label: string, accept: (card: ProbeSlot) => boolean) {
    const { x, y } = await markPoint(page, text);
    await page.mouseMove(2, 2);
    await page.click(x, y);
    return waitForProbe(
      page,
      (r) => cardOf(r).role === 'dialog' && cardOf(r).label === label && accept(cardOf(r)),
      `the pinned ${label} card`,
      10_000,
    );
  }

  it('1. an entity note written on the card with the keyboard shows after a reload and on another page naming the entity', async () => {
    const page = await open('notes/lavrov-ar.html');
    try {
      await expectMarks(page, AR_MARKS);
      lang = resolveLang('auto', await page.evaluate(() => navigator.language));

      await pinCard(
        page,
        'لافروف',
        'Sergey Lavrov',
        (c) => c.text.includes(S('noNotes')) && c.text.includes(S('addNote')),
      );
      // The focus order below relies on the card being the only UI shown (no same-story notice).
      expect(noticeOf(await probe(page)).text).toBe('');
      // Pinning moved focus into the card (the page sees our host as its active element).
      await page.waitFor(() => document.activeElement?.localName === 'hashiya-ui', undefined, 5_000);

      // Keyboard only. First count the card's controls: Tab from the card until focus leaves it.
      // The last control is "Turn off on this site"; the one before it is "Add a note".
      let controls = 0;
      while (controls < 60) {
        await page.press('Tab');
        if (!(await focusInUi(page))) break;
        controls++;
      }
      expect(controls, 'Tab leaves the card after its last control').toBeLessThan(60);
      expect(controls, 'close, …, Add a note, Turn off on this site').toBeGreaterThanOrEqual(3);
      // Back into the card (Firefox returns to the control focused last, Chromium passes the page's
      // links first), Esc closes it, a click pins it again: focus is on the card itself once more.
      let back = false;
      for (let i = 0; i < 20 && !back; i++) {
        await page.press('Tab');
        back = await focusInUi(page);
      }
      expect(back, 'Tab comes back round into the card').toBe(true);
      await page.press('Escape');
      await waitForProbe(page, (r) => cardOf(r).role === null, 'the card closed by Esc', 5_000);
      await pinCard(page, 'لافروف', 'Sergey Lavrov', (c) => c.text.includes(S('addNote')));
      await page.waitFor(
        () => document.hasFocus() && document.activeElement?.localName === 'hashiya-ui',
        undefined,
        5_000,
      );
      // From the card itself: Tab × (controls − 1) is "Add a note".
      for (let i = 0; i < controls - 1; i++) await page.press('Tab');
      expect(await focusInUi(page)).toBe(true);
      expect(cardOf(await probe(page)).role, 'the card stays pinned while focus travels').toBe('dialog');
      await page.press('Enter');
      await waitForProbe(
        page,
        (r) =>
          cardOf(r).text.includes(S('save')) &&
          cardOf(r).text.includes(S('cancel')) &&
          !cardOf(r).text.includes(S('addNote')),
        'the note editor open in the card (Save, Cancel; no "Add a note")',
        5_000,
      );
      // The editor focused its textarea: type, Tab to Save, Enter.
      await page.waitFor(
        () => document.hasFocus() && document.activeElement?.localName === 'hashiya-ui',
        undefined,
        5_000,
      );
      await typeText(page, ENTITY_BODY);
      await page.press('Tab');
      await page.press('Enter');
      const saved = await waitForProbe(
        page,
        (r) => cardOf(r).text.includes(ENTITY_BODY) && cardOf(r).text.includes(S('addNote')),
        'the saved note on the card, the editor closed',
        10_000,
      );
      expect(cardOf(saved).text).not.toContain(S('noNotes'));
      // The entity now has a note: its mark moves to the "noted" highlight on this page at once.
      await expectMarks(page, AR_MARKS_NOTED);

      const entityNotes = (await notesNow(session)).filter((n) => n.kind === 'entity');
      expect(entityNotes.map((n) => ({ kind: n.kind, entityId: n.entityId, body: n.body }))).toEqual([
        { kind: 'entity', entityId: LAVROV, body: ENTITY_BODY },
      ]);
      known.entity = entityNotes[0];

      // Reload: the mark is "noted" from the start and the card shows the note.
      await page.press('Escape');
      await page.reload();
      await expectMarks(page, AR_MARKS_NOTED);
      await pinCard(page, 'لافروف', 'Sergey Lavrov', (c) => c.text.includes(ENTITY_BODY));
    } finally {
      await page.close();
    }

    // Another page naming the same entity in English.
    const en = await open('notes/lavrov-en.html');
    try {
      await expectMarks(en, [['hashiya-noted-underline', 'Sergey Lavrov']]);
      const r = await pinCard(en, 'Sergey Lavrov', 'Sergey Lavrov', (c) => c.text.includes(ENTITY_BODY));
      expect(cardOf(r).text).not.toContain(S('noNotes'));
    } finally {
      await en.close();
    }
  });

  it('2. a passage note on a selected sentence (noteSelection command path) is highlighted in its colour after a reload', async () => {
    const page = await session.newPage(passageUrl);
    try {
      await expectMarks(page, [['hashiya-noted-underline', 'لافروف']]);
      expect(await readHighlights(page, 'hashiya-passage-')).toEqual([]);
      const selected = await page.evaluate((passage: string) => {
        const text = document.getElementById('passage-p')!.firstChild as Text;
        const start = text.data.indexOf(passage);
        if (start < 0) return null;
        getSelection()!.setBaseAndExtent(text, start, text, start + passage.length);
        return getSelection()!.toString();
      }, PASSAGE);
      expect(selected).toBe(PASSAGE);
      // The (trusted) selectionchange reached the content script: its "Add a note" button shows.
      await waitForProbe(page, (r) => passageOf(r).text.includes(S('addNote')), 'the selection button', 5_000);

      const sent = await sendToTab(session, page, 'noteSelection');
      expect(sent.err, JSON.stringify(sent)).toBeUndefined();
      const editor = await waitForProbe(
        page,
        (r) => passageOf(r).text.includes(S('passageNote')) && passageOf(r).text.includes(S('save')),
        'the passage-note editor',
        5_000,
      );
      // The editor quotes exactly the selected sentence.
      expect(passageOf(editor).text).toContain(PASSAGE);
      expect(passageOf(editor).role).toBe('dialog');

      await bringToFront(page);
      await page.waitFor(() => document.activeElement?.localName === 'hashiya-ui', undefined, 5_000);
      await typeText(page, PASSAGE_BODY);
      // Textarea → yellow → green (pressed with Enter) → blue, pink, purple, gray → Save.
      await page.press('Tab');
      await page.press('Tab');
      await page.press('Enter');
      for (let i = 0; i < 5; i++) await page.press('Tab');
      await page.press('Enter');
      await waitForProbe(page, (r) => passageOf(r).text === '', 'the editor closed after saving', 10_000);
      await expectPassages(page, [['hashiya-passage-green', PASSAGE]]);

      const passages = (await notesNow(session)).filter((n) => n.kind === 'passage') as (NoteLike & {
        color?: string;
        target?: { url: string; quote: { exact: string } };
      })[];
      expect(
        passages.map((n) => ({ body: n.body, color: n.color, url: n.target?.url, quote: n.target?.quote.exact })),
      ).toEqual([{ body: PASSAGE_BODY, color: 'green', url: passageUrl, quote: PASSAGE }]);
      known.passage = passages[0];

      await page.reload();
      await expectPassages(page, [['hashiya-passage-green', PASSAGE]]);
      expect(passageOf(await probe(page)).text, 'no orphan on the unchanged page').toBe('');

      // Its card opens the way an entity card does (the page's one card dispatcher): a preview after
      // the hover delay on a dwell, pinned by Enter, closed by Esc.
      const onPassage = await markPoint(page, PASSAGE);
      await bringToFront(page);
      await page.mouseMove(2, 2);
      await page.mouseMove(onPassage.x, onPassage.y);
      await waitForProbe(
        page,
        (r) => passageOf(r).role === 'tooltip' && passageOf(r).text.includes(PASSAGE_BODY),
        'the passage card previewed on hover',
        5_000,
      );
      await page.press('Enter');
      await waitForProbe(page, (r) => passageOf(r).role === 'dialog', 'the passage card pinned by Enter', 5_000);
      await page.press('Escape');
      await waitForProbe(page, (r) => passageOf(r).text === '', 'the passage card closed by Esc', 5_000);
    } finally {
      await page.close();
    }
  });

  it('3. the passage is found again when moved or re-vocalized, and listed as an orphan with its quote when deleted', async () => {
    expect(known.passage, 'the passage note of test 2').toBeTruthy();
    const page = await session.newPage(`${base}/notes/lavrov-en.html`);
    try {
      // a) A paragraph inserted before the passage, and a word changed in another paragraph.
      const inserted =
        '<p id="inserted">وفي سياق متصل، عقدت لجنة مشتركة اجتماعاً تمهيدياً ناقشت فيه جدول الأعمال وآليات المتابعة بين الوزارات المعنية.</p>\n    ';
      let html = edit(PASSAGE_HTML, '<p id="passage-p">', `${inserted}<p id="passage-p">`);
      html = edit(html, 'والموانئ التجارية', 'والمطارات التجارية');
      await putRoute(base, PASSAGE_PATH, html);
      await page.goto(passageUrl);
      expect(
        await page.evaluate(
          () => !!document.getElementById('inserted') && document.body.textContent!.includes('والمطارات'),
        ),
        'the edited page is served',
      ).toBe(true);
      await expectPassages(page, [['hashiya-passage-green', PASSAGE]]);
      expect(passageOf(await probe(page)).text, 'no orphan').toBe('');

      // b) Diacritics and tatweel added inside the passage (Arabic re-typesetting).
      html = edit(PASSAGE_HTML, PASSAGE, PASSAGE_VOCALIZED);
      await putRoute(base, PASSAGE_PATH, html);
      await page.goto(passageUrl);
      expect(await page.evaluate(() => document.getElementById('passage-p')!.textContent)).toContain(PASSAGE_VOCALIZED);
      await expectPassages(page, [['hashiya-passage-green', PASSAGE_VOCALIZED]]);
      expect(passageOf(await probe(page)).text, 'no orphan').toBe('');

      // c) The passage's paragraph deleted: no highlight, the note listed as an orphan.
      html = edit(PASSAGE_HTML, /<p id="passage-p">[^\n]*\n/.exec(PASSAGE_HTML)![0], '');
      expect(html).not.toContain('وأكد الجانبان');
      await putRoute(base, PASSAGE_PATH, html);
      await page.goto(passageUrl);
      const orphanHead = tf(lang, 'orphansCount', { n: 1 });
      const listed = await waitForProbe(
        page,
        (r) => passageOf(r).text.includes(orphanHead),
        'the orphan indicator',
        10_000,
      );
      expect(passageOf(listed).role).toBe('status');
      // Collapsed: the count and a Show button; the quote only once expanded.
      expect(passageOf(listed).text).toContain(S('show'));
      expect(passageOf(listed).text).not.toContain(PASSAGE);
      expect(await readHighlights(page, 'hashiya-passage-')).toEqual([]);
      await expectMarks(page, [['hashiya-noted-underline', 'لافروف']]);

      // Expand it with the keyboard: the first control in our UI is the list's dismiss (×), then Show.
      // Focus on the page itself (a click beside the text), then Tab into our UI.
      await bringToFront(page);
      await page.click(2, 2);
      let inUi = false;
      for (let i = 0; i < 20 && !inUi; i++) {
        await page.press('Tab');
        inUi = await focusInUi(page);
      }
      expect(inUi, 'Tab reaches the orphan list').toBe(true);
      await page.press('Tab');
      await page.press('Enter');
      const open = await waitForProbe(
        page,
        (r) => passageOf(r).text.includes(PASSAGE),
        'the orphan quote listed',
        5_000,
      );
      expect(passageOf(open).text).toContain(PASSAGE_BODY);
      expect(passageOf(open).text).toContain(S('hide'));
      expect(await readHighlights(page, 'hashiya-passage-')).toEqual([]);
    } finally {
      await putRoute(base, PASSAGE_PATH, PASSAGE_HTML);
      await page.close();
    }
    // The note itself is untouched by its page changing.
    const stored = (await notesNow(session)).find((n) => n.id === known.passage!.id);
    expect(stored?.body).toBe(PASSAGE_BODY);
  });

  it('4. notes survive an extension reload', async () => {
    // A note of this test's own, so the check never rests on earlier tests alone.
    const ext = await session.openExtensionPage('notes.html');
    let extOpen = true;
    try {
      known.seeded = await addEntityNote(ext, 'product/telegram', 'seeded before the reload');
      expect(known.seeded).toMatchObject({ kind: 'entity', body: 'seeded before the reload' });
      const before = await listNotes(ext);
      expect(before.map((n) => n.id)).toEqual(
        expect.arrayContaining([known.entity?.id, known.passage?.id, known.seeded!.id].filter(Boolean)),
      );
      expect(before.length).toBe(3);
      known.beforeReload = before;

      // The news tab test 5 comes back to: opened now, never reloaded.
      oldTab = await open('notes/lavrov-ar.html');
      await expectMarks(oldTab, AR_MARKS_NOTED);
      oldMarkPoints = [await markPoint(oldTab, 'لافروف'), await markPoint(oldTab, 'موسكو')];
      oldWatch = await watchErrors(kind, oldTab);
      // The watcher sees errors at all: one of the page's own, then forgotten.
      await oldTab.evaluate(
        () =>
          void setTimeout(() => {
            throw new Error('watch-check');
          }),
      );
      await oldTab.waitFor(() => true);
      await sleep(300);
      expect(oldTab.errors.join(), 'PageHandle.errors reports a page error').toContain('watch-check');
      if (kind === 'chromium') expect(oldWatch.exceptions.join()).toContain('watch-check');
      oldTab.errors.length = 0;
      oldWatch.exceptions.length = 0;
      oldWatch.console.length = 0;

      // Proof the reload happens: storage.session is in memory and emptied by it.
      await ext.evaluate(() =>
        ((globalThis as any).browser ?? (globalThis as any).chrome).storage.session.set({ notesE2E: 'before reload' }),
      );
      expect(
        await ext.evaluate(
          async () =>
            (await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.session.get('notesE2E'))
              .notesE2E,
        ),
      ).toBe('before reload');

      if (kind === 'chromium') {
        const ctx = (oldTab.raw as PwPage).context();
        // Developer mode on, as wherever an unpacked extension is reloaded: with it off, Chromium
        // reloads a --load-extension extension into the disabled state (unsupportedDeveloperExtension).
        const settingsPage = await ctx.newPage();
        try {
          await settingsPage.goto('chrome://extensions');
          const dev = await settingsPage.evaluate(async () => {
            const api = (globalThis as any).chrome.developerPrivate;
            await api.updateProfileConfiguration({ inDeveloperMode: true });
            return (await api.getProfileConfiguration()).inDeveloperMode;
          });
          expect(dev, 'developer mode on').toBe(true);
        } finally {
          await settingsPage.close();
        }
        const worker = await serviceWorker(session, ctx);
        const gone = new Promise<void>((resolve) => worker.once('close', () => resolve()));
        const next = ctx.waitForEvent('serviceworker', {
          timeout: 30_000,
          predicate: (w) => w !== worker && w.url().startsWith(session.extensionOrigin),
        });
        await worker.evaluate(() => void setTimeout(() => (globalThis as any).chrome.runtime.reload(), 100));
        await gone;
        await next;
      } else {
        // Firefox MV2: runtime.reload() from an extension page reloads the (temporary) add-on in
        // place, as about:debugging's Reload does; that page is closed by it, so stay until it goes.
        await ext.evaluate(() => void setTimeout(() => (globalThis as any).browser.runtime.reload(), 100));
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline && (await ext.evaluate(() => true).catch(() => false))) await sleep(200);
      }
      extOpen = false;
      await ext.close().catch(() => {});

      // The reloaded extension: storage.session emptied, notes all there.
      const deadline = Date.now() + 30_000;
      let marker: unknown = 'before reload';
      let after: NoteLike[] = [];
      let lastError: unknown = null;
      while (Date.now() < deadline) {
        try {
          const page = await session.openExtensionPage('notes.html');
          try {
            marker = await page.evaluate(
              async () =>
                (await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.session.get('notesE2E'))
                  .notesE2E ?? null,
            );
            if (marker === null) after = await listNotes(page);
          } finally {
            await page.close().catch(() => {});
          }
          if (marker === null) break;
        } catch (e) {
          lastError = e;
        }
        await sleep(500);
      }
      expect(
        marker,
        `storage.session emptied: the extension was reloaded (last error: ${String(lastError)})`,
      ).toBeNull();
      expect(summary(after)).toEqual(summary(before));
    } finally {
      if (extOpen) await ext.close().catch(() => {});
    }
  }, 120_000);

  // Firefox tears the old content script down itself; Chromium leaves it running on a dead extension.
  it('5a. an old tab from before the reload throws nothing on interaction', async () => {
    expect(oldTab, 'the news tab opened before the reload in test 4').toBeTruthy();
    const page = oldTab!;
    // Wait until the old content script has learnt its extension is gone.
    await sleep(1500);
    for (const p of oldMarkPoints) {
      await page.mouseMove(2, 2);
      await page.mouseMove(p.x, p.y);
      await sleep(900); // past the hover delay
      await page.mouseMove(p.x + 3, p.y + 1);
    }
    await page.press('j');
    await page.press('Escape');
    await page.click(oldMarkPoints[0].x, oldMarkPoints[0].y);
    await sleep(1500);
    const seen = { errors: [...page.errors], exceptions: [...oldWatch!.exceptions], console: [...oldWatch!.console] };
    expect(seen).toEqual({ errors: [], exceptions: [], console: [] });
  }, 60_000);

  it('5b. reloading the old tab marks it again and its card shows the note', async () => {
    expect(oldTab, 'the news tab opened before the reload in test 4').toBeTruthy();
    const page = oldTab!;
    page.errors.length = 0;
    oldWatch!.exceptions.length = 0;
    await page.reload();
    await expectMarks(page, AR_MARKS_NOTED);
    // The new content script talks to the reloaded background: the card shows the note.
    await pinCard(page, 'لافروف', 'Sergey Lavrov', (c) => c.text.includes(ENTITY_BODY));
    expect(await page.evaluate(() => document.querySelectorAll('hashiya-ui').length)).toBe(1);
    expect(page.errors).toEqual([]);
    expect(oldWatch!.exceptions).toEqual([]);
    await oldWatch!.stop();
    oldWatch = null;
    await page.close();
    oldTab = null;
  }, 60_000);

  it('6. forged page messages and events named like listNotes/wipeNotes/exportNotes neither read nor wipe notes', async () => {
    const before = await notesNow(session);
    expect(before.length, 'notes to protect').toBeGreaterThanOrEqual(1);
    const bodies = before.map((n) => n.body);

    // The page records every window message from its first script on.
    const html = edit(
      readFileSync(join(FIXTURES_DIR, 'notes/lavrov-ar.html'), 'utf8'),
      '<head>',
      '<head><script>window.__seen = []; addEventListener("message", function (e) { try { __seen.push(JSON.stringify(e.data)); } catch (x) { __seen.push(String(e.data)); } });</script>',
    );
    await putRoute(base, LISTENING_PATH, html);
    const page = await session.newPage(`${base}${LISTENING_PATH}`);
    try {
      await expectMarks(page, AR_MARKS_NOTED);
      // The card (with the note) open on this page: note data is in our UI, the page must not get it.
      await pinCard(page, 'لافروف', 'Sergey Lavrov', (c) => c.text.includes(ENTITY_BODY));
      const forged = await page.evaluate(
        ({ gecko }: { gecko: string }) => {
          const now = Date.now();
          const wire = [
            { id: 9001, type: 'listNotes', data: {}, timestamp: now, forged: true },
            { id: 9002, type: 'listNotes', data: { query: 'لافروف' }, timestamp: now, forged: true },
            { id: 9003, type: 'exportNotes', data: { format: 'jsonld' }, timestamp: now, forged: true },
            { id: 9004, type: 'exportNotes', data: { format: 'markdown' }, timestamp: now, forged: true },
            { id: 9005, type: 'wipeNotes', timestamp: now, forged: true },
            { id: 9006, type: 'wipeNotes', data: undefined, timestamp: now, forged: true },
          ];
          const posted: string[] = [];
          for (const m of wire) {
            window.postMessage(m, '*');
            posted.push(JSON.stringify(m));
            // The shape of @webext-core's window messaging, and a bare extension-id-addressed variant.
            const wrapped = { namespace: 'hashiya', instanceId: 'forged', message: m, forged: true };
            window.postMessage(wrapped, '*');
            posted.push(JSON.stringify(wrapped));
            const addressed = { ...m, extensionId: gecko, to: 'background' };
            window.postMessage(addressed, '*');
            posted.push(JSON.stringify(addressed));
          }
          const targets: EventTarget[] = [window, document, document.documentElement, document.body];
          const host = document.querySelector('hashiya-ui');
          if (host) targets.push(host);
          for (const name of [
            'listNotes',
            'wipeNotes',
            'exportNotes',
            'hashiya:listNotes',
            'hashiya:wipeNotes',
            'hashiya:exportNotes',
          ]) {
            const m = wire.find((w) => name.endsWith(w.type))!;
            for (const target of targets) {
              target.dispatchEvent(new CustomEvent(name, { detail: m, bubbles: true, composed: true }));
              target.dispatchEvent(new CustomEvent(name, { detail: JSON.stringify(m), bubbles: true, composed: true }));
            }
          }
          return posted;
        },
        { gecko: GECKO_ID },
      );
      await sleep(2000);
      const seen: string[] = await page.evaluate(() => (window as any).__seen);
      // Everything the page received is what it posted itself, in order: no answer, no note.
      expect(seen).toEqual(forged);
      for (const body of bodies) {
        expect(
          seen.filter((s) => s.includes(body)),
          `a message carrying the note ${JSON.stringify(body)}`,
        ).toEqual([]);
      }
      // The page still works and the card still shows the note.
      expect(cardOf(await probe(page)).text).toContain(ENTITY_BODY);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
    const after = await notesNow(session);
    expect(summary(after)).toEqual(summary(before));
  });
});
