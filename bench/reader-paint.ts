// The corpus reader's first paint on a large corpus, in headless Chromium with a built extension:
//   npm run corpus -- build --seeds DIR && HASHIYA_OUT_DIR=OUT npx wxt build   (OUT: any empty folder)
//   npx tsx bench/reader-paint.ts OUT/chrome-mv3 [runs]
// Time from navigation start to the first article title on screen (the list is virtual,
// components/reader/VirtualList.tsx), and how many elements the page then holds. The background is
// woken first (its index load is measured elsewhere), then each run opens reader.html anew.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const runs = Number(process.argv[3] ?? 5);
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
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const results: { paint: number; articles: string; elements: number }[] = [];
  let cold = 0;
  for (let r = 0; r <= runs; r++) {
    const page = await ctx.newPage();
    await page.goto(`${origin}/reader.html`);
    await page.waitForSelector('.virtual-list li a', { timeout: 60_000 });
    const figures = await page.evaluate(() => ({
      paint: performance.now(),
      articles: document.querySelector('.article-count')?.textContent ?? '',
      elements: document.querySelectorAll('*').length,
    }));
    if (r > 0) results.push(figures);
    else cold = figures.paint; // the first run also waits for the background to load its index and build the list
    await page.close();
  }
  const paints = results.map((x) => x.paint).sort((a, b) => a - b);
  console.log(
    `reader first paint: median ${paints[paints.length >> 1].toFixed(0)} ms, max ${paints[paints.length - 1].toFixed(0)} ms ` +
      `over ${runs} runs (first open after the background started: ${cold.toFixed(0)} ms); ` +
      `${results[0].articles}; ${results[0].elements} elements`,
  );
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
