// The corpus reader's first paint on a large corpus, in headless Chromium with a built extension:
//   npm run corpus -- build --seeds DIR && HASHIYA_OUT_DIR=OUT npx wxt build   (OUT: any empty folder)
//   (the build reads generated/corpus/: `npm run corpus -- build` puts the shipped corpus back after)
//   npx tsx bench/reader-paint.ts OUT/chrome-mv3 [runs] [starts]
// Time from navigation start to the frame that shows the first article title (the list is virtual,
// components/reader/VirtualList.tsx), and how many elements the page then holds. Two figures:
// - the first open after the background starts: a new browser (new profile) per sample, reader.html
//   opened as soon as the service worker runs, so the open waits for the background to read its
//   index (`starts` samples, 3 by default); with the background's own stage times, which it records
//   as user timing (background/corpus.ts): opening index.bin, then the alias index
//   (built when the reader's article asks for its marks, after the first paint);
// - later opens: reader.html opened anew in the same browser (`runs` samples, 5 by default).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const runs = Number(process.argv[3] ?? 5);
const starts = Number(process.argv[4] ?? 3);

interface Open {
  paint: number;
  articles: string;
  elements: number;
}

async function withBrowser<T>(use: (ctx: BrowserContext, worker: Worker, origin: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'hashiya-reader-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu'],
  });
  try {
    const worker =
      ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await ctx.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') }));
    return await use(ctx, worker, `chrome-extension://${new URL(worker.url()).host}`);
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Runs in the page before its scripts: notes the frame in which the first title is on screen (the
 * animation frame after it entered the DOM), in the page's own clock. Polling from the test side
 * (Playwright's waitForSelector) saw it up to 100 ms late.
 */
function watchFirstTitle() {
  const w = window as unknown as { firstTitle?: number };
  const seen = new MutationObserver(() => {
    if (!document.querySelector('.virtual-list li a')) return;
    seen.disconnect();
    requestAnimationFrame(() => (w.firstTitle = performance.now()));
  });
  seen.observe(document, { childList: true, subtree: true });
}

/** Opens reader.html and times its first title; `beforeClose` runs while the page is still open. */
async function open(ctx: BrowserContext, origin: string, beforeClose?: () => Promise<void>): Promise<Open> {
  const page = await ctx.newPage();
  await page.addInitScript(watchFirstTitle);
  await page.goto(`${origin}/reader.html`);
  await page.waitForFunction(() => (window as unknown as { firstTitle?: number }).firstTitle, undefined, {
    timeout: 60_000,
  });
  const figures = await page.evaluate(() => ({
    paint: (window as unknown as { firstTitle: number }).firstTitle,
    articles: document.querySelector('.article-count')?.textContent ?? '',
    elements: document.querySelectorAll('*').length,
  }));
  await beforeClose?.();
  await page.close();
  return figures;
}

/** The background's stage times (ms), waiting a little for the alias index; absent in builds without them. */
async function stages(worker: Worker): Promise<Record<string, number>> {
  for (let tries = 0; ; tries++) {
    const found = await worker.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('hashiya:'))
          .map((m) => [m.name.slice('hashiya:'.length), m.duration]),
      ),
    );
    if (found['aliases'] !== undefined || tries === 20) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[s.length >> 1].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms`;
};
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);

const firsts: number[] = [];
const opens: number[] = [];
const loads: number[] = [];
const readies: number[] = [];
let last = null as Open | null;
for (let s = 0; s < starts; s++)
  await withBrowser(async (ctx, worker, origin) => {
    const first = await open(ctx, origin, async () => {
      // Read while the page is open: its article's marks make the background build the alias index.
      const times = await stages(worker);
      if (times['corpus-open'] !== undefined) loads.push(times['corpus-open']);
      if (times['aliases'] !== undefined) readies.push(times['aliases']);
    });
    firsts.push(first.paint);
    // Later opens: in the first browser only (the background holds its corpus by then).
    if (s === 0) for (let r = 0; r < runs; r++) opens.push((last = await open(ctx, origin)).paint);
  });
console.log(
  `reader, first open after the background started: ${stat(firsts)} over ${starts} browser starts ` +
    `(${firsts.map((x) => x.toFixed(0)).join(', ')}); background: index.bin opened in ` +
    `${loads.length ? stat(loads) : 'n/a'}, alias index ${readies.length ? stat(readies) : 'n/a'}`,
);
console.log(`reader, later opens: ${stat(opens)} over ${runs} runs; ${last?.articles}; ${last?.elements} elements`);
