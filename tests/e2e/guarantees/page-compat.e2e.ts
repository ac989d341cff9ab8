import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch, type PageHandle, type Session } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import { FIXTURES_DIR, putRoute } from '../harness/server';
import {
  cardOpen,
  addEntityNote,
  hoverMention,
  markStats,
  mentionKeys,
  probe,
  readMarks,
  sleep,
  slotOf,
  typeText,
  waitForMarks,
  waitForProbe,
} from './lib';

// Hashiya must not break the pages it runs on.
// G11: a React 18 app hydrating server-rendered markup after the marks are on: no hydration errors,
//      no removeChild errors, zero DOM mutations of ours; a React update over marked text afterwards
//      is clean too and the marks follow it.
// G12: typing into an input, a textarea and a contenteditable editor that hold entity names gives
//      exactly what was typed, and nothing inside them is marked.
// G14: a page replacing its <body>, and SPA navigation (history.pushState + new content), get
//      fresh marks with no duplicates and no page errors.

const base = inject('fixtureBaseUrl');
const REACT_DIR = join(FIXTURES_DIR, 'guarantees/react');

const reactPage = (ssr: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lavrov visits Tehran | React</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-12T09:30:00+03:00">
</head>
<body>
<script>
  // Before any content script (document_idle): every mutation inside #root after parsing, and every error.
  window.__errors = window.__errors || [];
  window.__mutations = [];
  addEventListener('error', function (e) { __errors.push('error: ' + e.message); });
  var parsed = false;
  new MutationObserver(function (records) {
    if (!parsed) return;
    var root = document.getElementById('root');
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (!root || !root.contains(r.target)) continue;
      __mutations.push(r.type + ' ' + r.target.nodeName + (r.attributeName ? ' @' + r.attributeName : ''));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', function () { parsed = true; });
</script>
<div id="root">${ssr}</div>
<script src="/guarantees/react/hydrate.js"></script>
</body>
</html>
`;

/** A news page shell; `main` is the article's HTML. */
const shell = (main: string, title = 'World news') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-12T09:30:00+03:00">
</head>
<body>
<header><nav><a href="#">Home</a> · <a href="#">World</a></nav></header>
<main>${main}</main>
<footer><p>© 2024 The Test Gazette.</p></footer>
</body>
</html>
`;

const STORY_A = `<article><h1>Lavrov visits Tehran</h1><p>Russian Foreign Minister Sergey Lavrov arrived in Tehran on Tuesday. Moscow sees dialogue with Iran as the way forward, Lavrov said.</p></article>`;
const STORY_B = `<article><h1>Putin and Biden to meet</h1><p>Vladimir Putin and Joe Biden will meet in Germany next month. Officials in Beijing said China would watch closely, and Putin said he was ready.</p></article>`;
const STORY_C = `<article><h1>Durov on Telegram</h1><p>Pavel Durov said Telegram would not hand data to Roskomnadzor. Alexei Navalny's team used Telegram for years, Durov added, and Egypt followed the dispute.</p></article>`;

describeEachBrowser('G11/G12/G14 page compatibility', (kind) => {
  let session: Session;
  /** Mentions of each story on a page that is just that story, loaded fresh: the reference. */
  const reference: Record<string, string[]> = {};

  beforeAll(async () => {
    // G11: server markup from react-dom/server, client bundle from esbuild (development React: it reports most).
    const ssrModule = join(REACT_DIR, 'ssr.mjs');
    const { renderArticle } = (await import(ssrModule)) as { renderArticle(): string };
    await putRoute(base, '/guarantees/react/article.html', reactPage(renderArticle()));
    const bundle = await build({
      entryPoints: [join(REACT_DIR, 'hydrate.mjs')],
      bundle: true,
      format: 'iife',
      write: false,
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    await putRoute(base, '/guarantees/react/hydrate.js', bundle.outputFiles[0].text, 'text/javascript; charset=utf-8');
    // G14 pages.
    await putRoute(base, '/guarantees/spa.html', shell(STORY_A));
    for (const [name, story] of Object.entries({ A: STORY_A, B: STORY_B, C: STORY_C })) {
      await putRoute(base, `/guarantees/ref-${name}.html`, shell(story));
    }
    session = await launch(kind);
    for (const name of ['A', 'B', 'C']) {
      const page = await session.newPage(`${base}/guarantees/ref-${name}.html`);
      await waitForMarks(page);
      await sleep(500);
      reference[name] = await mentionKeys(page);
      await page.close();
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  it('G11: React 18 hydrates the marked article with no errors and no mutations; a later update stays clean', async () => {
    const page = await session.newPage(`${base}/guarantees/react/article.html`);
    try {
      await waitForMarks(page);
      await page.waitFor(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true, undefined, 20_000);
      await sleep(1000); // let any late work of ours (rescans, story matching) happen
      const before = await mentionKeys(page);
      expect(before).toContain('person/sergey-lavrov|Sergey Lavrov');
      expect(before).toContain('person/mohammad-javad-zarif|Mohammad Javad Zarif');
      const hydrated = await page.evaluate(() => {
        const w = window as unknown as {
          __errors: string[];
          __mutations: string[];
          __hydrationStartedWithMarks: boolean;
        };
        return { withMarks: w.__hydrationStartedWithMarks, errors: w.__errors, mutations: w.__mutations };
      });
      expect(hydrated).toEqual({ withMarks: true, errors: [], mutations: [] });

      // A React update over marked text: the Zarif paragraph goes, a Putin one arrives.
      const button = await page.evaluate(() => {
        const r = document.getElementById('update')!.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.click(button.x, button.y);
      const after = await waitForProbe(
        page,
        (r) => r.mentions.some((m) => m.entityId === 'person/vladimir-putin'),
        'marks follow the React update',
      );
      const keys = after.mentions.map((m) => `${m.entityId}|${m.text}`);
      expect(keys).toContain('person/vladimir-putin|Vladimir Putin');
      expect(keys).toContain('person/hassan-rouhani|Hassan Rouhani');
      expect(keys).not.toContain('person/mohammad-javad-zarif|Mohammad Javad Zarif');
      const updated = await page.evaluate(() => {
        const w = window as unknown as { __errors: string[]; __mutations: string[] };
        return { errors: w.__errors, reactMutations: w.__mutations.length };
      });
      expect(updated.errors).toEqual([]);
      expect(updated.reactMutations, 'the observer sees React’s own update (it could see ours)').toBeGreaterThan(0);
      expect(await markStats(page)).toEqual({ total: after.mentions.length, detached: 0, duplicates: 0 });
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  /** Centers of the page's three editors (the editor's first paragraph). */
  function editorPoints(page: PageHandle) {
    return page.evaluate(
      () =>
        Object.fromEntries(
          ['input', 'textarea', 'editor'].map((id) => {
            const el = id === 'editor' ? document.querySelector('#editor p')! : document.getElementById(id)!;
            const r = el.getBoundingClientRect();
            return [id, { x: r.x + 10, y: r.y + r.height / 2 }];
          }),
        ) as Record<'input' | 'textarea' | 'editor', { x: number; y: number }>,
    );
  }

  /** Highlight ranges with an end inside element #id, and the texts the probe reports there. */
  function marksInside(page: PageHandle, id: string) {
    return page.evaluate((id: string) => {
      const field = document.getElementById(id)!;
      const texts: string[] = [];
      for (const [name, h] of CSS.highlights) {
        if (!String(name).startsWith('hashiya-')) continue;
        for (const r of h as Iterable<AbstractRange>) {
          if (field.contains(r.startContainer) || field.contains(r.endContainer)) texts.push((r as Range).toString());
        }
      }
      return texts;
    }, id);
  }

  async function openTyping(): Promise<PageHandle> {
    const page = await session.newPage(`${base}/guarantees/typing.html`);
    await waitForMarks(page);
    await waitForProbe(page, (r) => r.mentions.length > 0, 'article marked');
    return page;
  }

  it('G12: typing into an input and a textarea holding entity names gives exactly what was typed, unmarked', async () => {
    const page = await openTyping();
    try {
      const at = await editorPoints(page);
      await page.click(at.input.x, at.input.y);
      await page.press('End');
      await typeText(page, ' visited Tehran and Moscow');
      await page.click(at.textarea.x, at.textarea.y);
      await page.press('End');
      await typeText(page, ' Putin and Lavrov in Tehran.');
      await sleep(1500); // past the rescan debounce: anything we would mark is marked by now
      const seen = await page.evaluate(() => ({
        input: (document.getElementById('input') as HTMLInputElement).value,
        textarea: (document.getElementById('textarea') as HTMLTextAreaElement).value,
        focused: document.activeElement?.id,
      }));
      expect(seen).toEqual({
        input: 'Sergey Lavrov visited Tehran and Moscow',
        textarea: 'Lavrov in Moscow. Putin and Lavrov in Tehran.',
        focused: 'textarea',
      });
      expect({ input: await marksInside(page, 'input'), textarea: await marksInside(page, 'textarea') }).toEqual({
        input: [],
        textarea: [],
      });
      const r = await probe(page);
      expect(r?.mentions.length, 'the article is still marked').toBeGreaterThan(0);
      expect(
        r?.mentions.some((m) => m.entityId === 'person/vladimir-putin'),
        'typed Putin marked somewhere',
      ).toBe(false);
      expect(cardOpen(r)).toBe(false);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('G12: typing into a contenteditable editor holding entity names gives exactly what was typed, unmarked', async () => {
    const page = await openTyping();
    try {
      const at = await editorPoints(page);
      await page.click(at.editor.x, at.editor.y);
      await page.press('End');
      await typeText(page, ' Putin joined them.');
      await sleep(1500);
      const afterLine = await marksInside(page, 'editor');
      await page.press('Enter');
      await typeText(page, 'Lavrov and Zarif spoke in Tehran.');
      await sleep(1500);
      const seen = await page.evaluate(() => {
        const editor = document.getElementById('editor')!;
        return {
          // A browser may keep a typed space as U+00A0 in an editor; that is the browser's, not ours.
          text: (editor.textContent ?? '').replace(/\u00a0/g, ' '),
          lines: editor.innerText
            .split('\n')
            .map((l) => l.replace(/\u00a0/g, ' ').trim())
            .filter(Boolean),
          focused: editor.contains(document.activeElement) || document.activeElement === editor,
        };
      });
      expect(seen).toEqual({
        text: 'Sergey Lavrov met officials in Moscow. Putin joined them.Lavrov and Zarif spoke in Tehran.',
        lines: ['Sergey Lavrov met officials in Moscow. Putin joined them.', 'Lavrov and Zarif spoke in Tehran.'],
        focused: true,
      });
      expect({ afterLine, afterParagraph: await marksInside(page, 'editor') }).toEqual({
        afterLine: [],
        afterParagraph: [],
      });
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  /**
   * Opens the SPA page and navigates as a single-page app does: a new URL (history.pushState) and
   * STORY_C in <main>, in either order. 'render-first' puts the content in, then pushes the URL;
   * 'push-first' pushes, then renders in the same task (a router that pushes before it renders).
   */
  async function spaNavigate(page: PageHandle, order: 'render-first' | 'push-first') {
    await waitForMarks(page);
    await waitForProbe(page, (r) => r.mentions.length > 0, 'first view marked');
    expect(await mentionKeys(page)).toEqual(reference.A);
    await page.evaluate(
      ({ html, order }: { html: string; order: string }) => {
        const render = () => (document.querySelector('main')!.innerHTML = html);
        if (order === 'render-first') render();
        history.pushState({ story: 'C' }, '', '/guarantees/spa-next.html');
        if (order === 'push-first') render();
      },
      { html: STORY_C, order },
    );
    await waitForProbe(
      page,
      (r) => r.mentions.some((m) => m.entityId === 'person/pavel-durov'),
      'new view marked',
      6000,
    ).catch(() => null);
    await sleep(800); // a late duplicate pass would land by now
  }

  it('G14: SPA navigation (new content, then pushState) gets fresh marks without duplicates', async () => {
    const page = await session.newPage(`${base}/guarantees/spa.html`);
    try {
      await spaNavigate(page, 'render-first');
      expect({ mentions: await mentionKeys(page), marks: await markStats(page) }).toEqual({
        mentions: reference.C,
        marks: { total: reference.C.length, detached: 0, duplicates: 0 },
      });
    } finally {
      await page.close();
    }
  });

  it('G14: SPA navigation (pushState, then new content; then back) gets fresh marks without duplicates', async () => {
    const page = await session.newPage(`${base}/guarantees/spa.html`);
    try {
      await spaNavigate(page, 'push-first');
      expect({ mentions: await mentionKeys(page), marks: await markStats(page) }).toEqual({
        mentions: reference.C,
        marks: { total: reference.C.length, detached: 0, duplicates: 0 },
      });
      // Back: the page puts the first story back on popstate.
      await page.evaluate((html: string) => {
        addEventListener('popstate', () => (document.querySelector('main')!.innerHTML = html), { once: true });
        history.back();
      }, STORY_A);
      await waitForProbe(
        page,
        (r) => r.mentions.some((m) => m.entityId === 'person/sergey-lavrov' && m.text),
        'back view marked',
        6000,
      ).catch(() => null);
      await sleep(800);
      expect(await page.evaluate(() => location.pathname)).toBe('/guarantees/spa.html');
      expect({ mentions: await mentionKeys(page), marks: await markStats(page) }).toEqual({
        mentions: reference.A,
        marks: { total: reference.A.length, detached: 0, duplicates: 0 },
      });
    } finally {
      await page.close();
    }
  });

  it('G14: after SPA navigation the page shows no errors of ours and the card still shows notes', async () => {
    const ext = await session.openExtensionPage('notes.html');
    const body = `G14 note on Durov ${Date.now()}`;
    try {
      await addEntityNote(ext, 'person/pavel-durov', body);
    } finally {
      await ext.close();
    }
    const page = await session.newPage(`${base}/guarantees/spa.html`);
    try {
      await spaNavigate(page, 'render-first');
      expect(await mentionKeys(page)).toEqual(reference.C);
      await hoverMention(page, 'Pavel Durov');
      const card = await waitForProbe(
        page,
        (r) => slotOf(r, 'card').text.includes(body),
        'the note on the card',
        5000,
      ).catch(() => probe(page));
      expect({ noteOnCard: slotOf(card, 'card').text.includes(body), errors: page.errors }).toEqual({
        noteOnCard: true,
        errors: [],
      });
    } finally {
      await page.close();
    }
  });

  it('G14: a page replacing its <body> gets fresh marks for the new body, none left on the old one', async () => {
    const page = await session.newPage(`${base}/guarantees/spa.html`);
    try {
      await waitForMarks(page);
      await waitForProbe(page, (r) => r.mentions.length > 0, 'first body marked');
      expect(await mentionKeys(page)).toEqual(reference.A);
      await page.evaluate(
        (html: string) => {
          const body = document.createElement('body');
          body.innerHTML = html;
          document.documentElement.replaceChild(body, document.body);
        },
        bodyOf(shell(STORY_B)),
      );
      // Generous: the new body's marks may come after a debounce.
      await waitForProbe(
        page,
        (r) => r.mentions.some((m) => m.entityId === 'person/vladimir-putin'),
        'the new body is marked',
        8000,
      ).catch(() => null);
      await sleep(800);
      expect({ mentions: await mentionKeys(page), marks: await markStats(page) }).toEqual({
        mentions: reference.B,
        marks: { total: reference.B.length, detached: 0, duplicates: 0 },
      });
      expect(page.errors).toEqual([]);
      // Sanity on the new body: the reader can still hover a name there.
      expect((await readMarks(page)).some((m) => m.text === 'Vladimir Putin' && m.connected)).toBe(true);
    } finally {
      await page.close();
    }
  });
});

/** The inner HTML of a page's <body>, cut from the markup (no DOM in Node). */
function bodyOf(html: string): string {
  const m = /<body>([\s\S]*)<\/body>/.exec(html);
  if (!m) throw new Error('no <body> in the markup');
  return m[1];
}
