import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launch, type PageHandle, type Session } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import { FIXTURES_DIR, putRoute } from '../harness/server';
import {
  countColor,
  hoverMention,
  probe,
  readMarks,
  screenshotPixels,
  sleep,
  slotOf,
  waitForMarks,
  waitForProbe,
} from './lib';

// G13: a page served with the strictest CSP (`default-src 'none'`, as a header) still gets marks and
// a fully styled card, and Hashiya causes no CSP violation. The card's look cannot be read from the
// page (closed root), so it is read from screen pixels: the card's background (#fdfcf8) and border
// (#ddd8cc), and the person mark's underline (rgb(194, 65, 12), components/theme.ts).

const base = inject('fixtureBaseUrl');
const CARD_BG: [number, number, number] = [253, 252, 248];
const CARD_LINE: [number, number, number] = [221, 216, 204];
const PERSON_MARK: [number, number, number] = [194, 65, 12];
// Firefox (140 ESR) paints no text decoration on highlights: the marks stylesheet (components/theme.ts) gives it a 13% tint of
// the same colour instead, over this page's white: 0.13 × (194, 65, 12) + 0.87 × 255.
const PERSON_TINT: [number, number, number] = [247, 230, 223];

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** Records every securitypolicyviolation from the document's first moment (an init script, which CSP cannot block). */
const RECORD = `window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample });
});`;

describeEachBrowser('G13 strict page CSP', (kind) => {
  let session: Session;

  beforeAll(async () => {
    const html = await readFile(join(FIXTURES_DIR, 'guarantees/csp-article.html'), 'utf8');
    await putRoute(base, '/guarantees/csp/none.html', html, undefined, {
      'content-security-policy': "default-src 'none'",
    });
    await putRoute(base, '/guarantees/csp/trusted-types.html', html, undefined, {
      'content-security-policy': "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
    });
    session = await launch(kind);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** A tab recording CSP violations from its first script on, then at `url`. */
  async function openRecorded(url: string): Promise<PageHandle> {
    const page = await session.newPage('about:blank');
    if (kind === 'chromium') await (page.raw as PwPage).addInitScript(RECORD);
    else await (page.raw as PpPage).evaluateOnNewDocument(RECORD);
    await page.goto(url);
    return page;
  }

  /** Page errors, minus Firefox's console report of that same favicon block. */
  const errors = (page: PageHandle) => page.errors.filter((e) => !e.includes(`${base}/favicon.ico`));

  /** Violations, minus Firefox's own default favicon request (/favicon.ico, made by the browser for every page). */
  const violations = async (page: PageHandle) =>
    (await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations)).filter(
      (v) => v.blocked !== `${base}/favicon.ico`,
    );

  it("G13: under `default-src 'none'` marks appear, the card opens styled, and no CSP violation is reported", async () => {
    const page = await openRecorded(`${base}/guarantees/csp/none.html`);
    try {
      await waitForMarks(page);
      const marks = await readMarks(page);
      expect(marks.map((m) => m.text)).toContain('Sergey Lavrov');

      const closed = await screenshotPixels(page);
      const lavrov = marks.find((m) => m.text === 'Sergey Lavrov' && m.rect)!.rect!;
      // The mark is painted in its colour: the marks stylesheet (the extension's own) applies under the CSP.
      const painted =
        kind === 'firefox'
          ? countColor(closed, PERSON_TINT, 6, lavrov) > 200
          : countColor(closed, PERSON_MARK, 24, { ...lavrov, y: lavrov.y, height: lavrov.height + 6 }) > 20;
      expect(painted, 'the mark painted in its colour').toBe(true);
      expect(countColor(closed, CARD_BG, 1), 'no card colour on the page before the card').toBeLessThan(50);

      await hoverMention(page, 'Sergey Lavrov');
      await sleep(400); // past the 200 ms fade-in
      const card = slotOf(await probe(page), 'card');
      expect(card.text).toContain('Sergey Lavrov');
      const open = await screenshotPixels(page);
      // A styled card: a large block of its background and its border line, below the mention.
      const below = { x: 0, y: lavrov.y + lavrov.height, width: open.width, height: open.height };
      const bg = countColor(open, CARD_BG, 1, below);
      const line = countColor(open, CARD_LINE, 2, below);
      expect(bg, 'card background pixels').toBeGreaterThan(10_000);
      expect(line, 'card border pixels').toBeGreaterThan(200);

      expect(await violations(page)).toEqual([]);
      expect(errors(page)).toEqual([]);

      // The policy is in force and the recorder works: the page's own image load is blocked and reported.
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = '/guarantees/canary.png';
        document.body.append(img);
      });
      await page.waitFor(
        (src: string) =>
          (window as unknown as { __violations: Violation[] }).__violations.some((v) => v.blocked === src),
        `${base}/guarantees/canary.png`,
      );
      expect((await violations(page)).map((v) => v.directive)).toEqual([
        expect.stringMatching(/^img-src|^default-src/),
      ]);
    } finally {
      await page.close();
    }
  });

  it('G13: with Trusted Types required as well, marks and card work and nothing is reported', async () => {
    const page = await openRecorded(`${base}/guarantees/csp/trusted-types.html`);
    try {
      await waitForMarks(page);
      await hoverMention(page, 'Sergey Lavrov');
      await waitForProbe(page, (r) => slotOf(r, 'card').text.includes('Russian diplomat'), 'card content rendered');
      await sleep(500);
      expect(await violations(page)).toEqual([]);
      expect(errors(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
