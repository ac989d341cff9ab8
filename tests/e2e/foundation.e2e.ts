import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch, type PageHandle, type Session } from './harness/browsers';
import { describeEachBrowser } from './harness/env';

// The extension's skeleton works end to end in each browser: content script ↔ background messaging,
// marks as CSS Custom Highlights, the popup ↔ background, and the page's DOM left untouched.

const base = inject('fixtureBaseUrl');

interface MarkedRange {
  name: string;
  text: string;
  /** The range starts and ends in different text nodes (e.g. a name split by <b>). */
  crossesNodes: boolean;
}

/** Every range of every `hashiya-*` highlight in the page, read from the page's own CSS.highlights. */
function readMarks(page: PageHandle): Promise<MarkedRange[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; crossesNodes: boolean }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!String(name).startsWith('hashiya-')) continue;
      for (const range of highlight as Iterable<AbstractRange>) {
        out.push({
          name: String(name),
          text: (range as Range).toString(),
          crossesNodes: range.startContainer !== range.endContainer,
        });
      }
    }
    return out;
  });
}

function waitForMarks(page: PageHandle): Promise<unknown> {
  return page.waitFor(
    () => [...CSS.highlights.keys()].some((k) => String(k).startsWith('hashiya-')),
    undefined,
    20_000,
  );
}

describeEachBrowser('foundation', (kind) => {
  let session: Session;

  beforeAll(async () => {
    session = await launch(kind);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the content script asks the background and marks لافروف and موسكو on an Arabic article', async () => {
    const page = await session.newPage(`${base}/news-ar.html`);
    try {
      await waitForMarks(page);
      const texts = (await readMarks(page)).map((m) => m.text);
      expect(
        texts.some((t) => t.includes('لافروف')),
        `marked: ${JSON.stringify(texts)}`,
      ).toBe(true);
      expect(
        texts.some((t) => t.includes('موسكو')),
        `marked: ${JSON.stringify(texts)}`,
      ).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('a name split across <b> (سيرغي <b>لافروف</b>) is one mark spanning both text nodes', async () => {
    const page = await session.newPage(`${base}/news-ar.html`);
    try {
      await waitForMarks(page);
      const marks = await readMarks(page);
      const split = marks.find((m) => m.text === 'سيرغي لافروف' && m.crossesNodes);
      expect(split, `marked: ${JSON.stringify(marks)}`).toBeTruthy();
    } finally {
      await page.close();
    }
  });

  it('a page without corpus entities gets no marks', async () => {
    const page = await session.newPage(`${base}/plain.html`);
    try {
      await page.waitFor(() => document.readyState === 'complete');
      await new Promise((r) => setTimeout(r, 2500));
      const names = await page.evaluate(() =>
        [...CSS.highlights.keys()].map(String).filter((k) => k.startsWith('hashiya-')),
      );
      expect(names).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the popup renders the corpus status it gets from the background', async () => {
    const page = await session.openExtensionPage('popup.html');
    try {
      const status = await page.waitFor(
        () => document.querySelector('[data-testid="corpus-status"]')?.textContent?.trim() || '',
        undefined,
        20_000,
      );
      expect(status).toMatch(/^\d+ articles? · \d+ entit(?:y|ies)$/);
    } finally {
      await page.close();
    }
  });

  it('marking leaves the page DOM byte-for-byte as the site sent it', async () => {
    const page = await session.newPage(`${base}/news-ar.html`);
    try {
      await waitForMarks(page);
      const { before, afterBody, afterHtml, mutations } = await page.evaluate(() => {
        const w = window as unknown as {
          __hashiyaBefore: { html: string; body: string };
          __hashiyaMutations: string[];
        };
        return {
          before: w.__hashiyaBefore,
          afterBody: document.body.innerHTML,
          afterHtml: document.documentElement.outerHTML,
          mutations: w.__hashiyaMutations,
        };
      });
      expect(before?.body, 'the page probe captured body.innerHTML at DOMContentLoaded').toBeTruthy();
      expect(mutations, 'DOM mutations after DOMContentLoaded').toEqual([]);
      expect(afterBody === before.body, 'document.body.innerHTML changed').toBe(true);
      expect(afterHtml === before.html, 'document.documentElement.outerHTML changed').toBe(true);
    } finally {
      await page.close();
    }
  });
});
