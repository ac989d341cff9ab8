// The headless Chromium the bench drives: one tab, replaced when a call hangs or its renderer
// crashes (mark.js on the 1 MB page with a thousand terms or more can run the renderer out of memory).
import { chromium, type Browser, type Page } from 'playwright-core';

export let browser: Browser;
export let tab: Page;
export let origin = '';

export async function launch(serverOrigin: string): Promise<void> {
  origin = serverOrigin;
  browser = await chromium.launch({
    executablePath: process.env.HASHIYA_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // gc() before each measurement; no compilation cache, so every page load compiles our code afresh
      // (otherwise how warm a run starts depends on what ran before it in the same renderer).
      '--js-flags=--expose-gc --no-compilation-cache',
    ],
  });
  await newTab();
}

let crashed = false;

export async function newTab(): Promise<void> {
  crashed = false;
  tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  tab.on('crash', () => (crashed = true));
}

async function replaceTab(): Promise<void> {
  await tab.close().catch(() => {});
  await newTab();
}

/** Calls window.__bench[fn](...args) in the tab; a hung tab is replaced after `hardMs`. */
export async function call<T>(fn: string, args: unknown[], hardMs = 120_000): Promise<T> {
  const expr = `window.__bench.${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      tab.evaluate(expr) as Promise<T>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${fn}: no answer after ${hardMs / 1000} s`)), hardMs);
      }),
    ]);
  } catch (e) {
    if (crashed) {
      await replaceTab();
      throw new Error(`${fn}: the page crashed`);
    }
    if (String(e).includes('no answer')) await replaceTab();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

export async function open(path: string): Promise<void> {
  if (crashed || tab.isClosed()) await replaceTab();
  try {
    await tab.goto(origin + path, { waitUntil: 'load' });
  } catch (e) {
    // Leaving a page that mark.js filled with marks has crashed its renderer: once more, in a new tab.
    if (!crashed && !/crash/i.test(String(e))) throw e;
    await replaceTab();
    await tab.goto(origin + path, { waitUntil: 'load' });
  }
}
