import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

// Where the E2E build lives; wxt.config.ts reads the same variable.
const TEST_OUT_DIR = process.env.HASHIYA_OUT_DIR ?? '.output/test';

// One thin Session/PageHandle API over two drivers: Chromium through Playwright (persistent context,
// the only way to load an unpacked extension) and Firefox through Puppeteer over WebDriver BiDi
// (temporary add-on install). Every launch gets a fresh profile. The launch functions below are the
// recipe for each browser (flags, extension loading, where the background's id comes from).

export type BrowserKind = 'chromium' | 'firefox';

export const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: process.env.HASHIYA_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.HASHIYA_FIREFOX ?? '/usr/bin/firefox-esr',
};

const ROOT = resolve(import.meta.dirname, '../../..');
/** The E2E build (HASHIYA_TEST_HOSTS=1): its content script also runs on http://127.0.0.1/*. */
export const EXTENSION_DIRS: Record<BrowserKind, string> = {
  chromium: join(ROOT, TEST_OUT_DIR, 'chrome-mv3'),
  firefox: join(ROOT, TEST_OUT_DIR, 'firefox-mv2'),
};

/** Gecko id from manifest/manifest.ts; its moz-extension UUID is pinned so extension pages have a known origin. */
export const GECKO_ID = 'hashiya@hashiya.example';
export const FIREFOX_UUID = '4a5c1e0b-7d3f-4b8e-9c21-6f0a2d9b3e57';

export interface PageHandle {
  evaluate<T>(fn: (arg: any) => T | Promise<T>, arg?: unknown): Promise<T>;
  /** Polls `fn` in the page until it returns a truthy value, which is returned. */
  waitFor<T>(fn: (arg: any) => T | Promise<T>, arg?: unknown, timeoutMs?: number): Promise<NonNullable<T>>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
  /** Uncaught errors seen in the page so far (Firefox also reports its content scripts' here); waitFor timeouts quote them. */
  errors: string[];
  /** The Playwright Page (chromium) or Puppeteer Page (firefox). */
  raw: PwPage | PpPage;
}

export interface Session {
  kind: BrowserKind;
  /** chrome-extension://ID or moz-extension://UUID (no trailing slash). */
  extensionOrigin: string;
  newPage(url: string): Promise<PageHandle>;
  /** Opens an extension page in a tab, e.g. 'popup.html'. */
  openExtensionPage(path: string): Promise<PageHandle>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** false: the browser alone, to see what a page does without us (default true). */
  extension?: boolean;
  /** Extra Chromium command-line switches. */
  args?: string[];
  /** Extra Firefox preferences. */
  prefs?: Record<string, unknown>;
}

export function launch(kind: BrowserKind, opts: LaunchOptions = {}): Promise<Session> {
  const dir = EXTENSION_DIRS[kind];
  if (opts.extension !== false && !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `${dir}/manifest.json is missing: build the test variant (HASHIYA_TEST_HOSTS=1 npx wxt build${kind === 'firefox' ? ' -b firefox' : ''})`,
    );
  }
  return kind === 'chromium' ? launchChromium(dir, opts) : launchFirefox(dir, opts);
}

async function launchChromium(dir: string, opts: LaunchOptions = {}): Promise<Session> {
  const withExtension = opts.extension !== false;
  const profile = await mkdtemp(join(tmpdir(), 'hashiya-e2e-chromium-'));
  let ctx: BrowserContext | undefined;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLES.chromium,
      headless: true,
      args: [
        ...(withExtension ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
        ...(opts.args ?? []),
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-default-apps',
        '--disable-domain-reliability',
        '--metrics-recording-only',
        '--no-default-browser-check',
      ],
    });
    const worker = !withExtension
      ? null
      : (ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await ctx.waitForEvent('serviceworker', {
          timeout: 20_000,
          predicate: (w) => w.url().startsWith('chrome-extension://'),
        })));
    // Node's URL gives origin 'null' for non-special schemes: build it from the host.
    const extensionOrigin = worker ? `chrome-extension://${new URL(worker.url()).host}` : '';
    const context = ctx;
    const open = async (url: string) => {
      const page = await context.newPage();
      await page.goto(url);
      return wrapPlaywright(page);
    };
    return {
      kind: 'chromium',
      extensionOrigin,
      newPage: open,
      openExtensionPage: (path) => open(`${extensionOrigin}/${path.replace(/^\//, '')}`),
      close: async () => {
        await context.close().catch(() => {});
        await removeDir(profile);
      },
    };
  } catch (e) {
    await ctx?.close().catch(() => {});
    await removeDir(profile);
    throw e;
  }
}

/** Removes a browser profile. A killed browser's last child processes may still be writing into it
 *  for a moment (ENOTEMPTY in CI once): removal is retried, not failed. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

// Puppeteer's own Firefox profile already turns off updates, normandy, safe browsing lookups,
// health reports and points services.settings at a dummy host; these close the rest.
const OFFLINE_PREFS: Record<string, unknown> = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.staging.enabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'captivedetect.canonicalURL': '',
  'datareporting.usage.uploadEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  'identity.fxaccounts.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rollouts.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'privacy.query_stripping.enabled': false,
  'services.settings.poll_interval': 0,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.updatePing.enabled': false,
};

async function launchFirefox(dir: string, opts: LaunchOptions = {}): Promise<Session> {
  // No userDataDir: puppeteer creates a fresh temporary profile and deletes it on close.
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension: URLs (extension pages) without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...OFFLINE_PREFS, ...opts.prefs },
  });
  try {
    if (opts.extension !== false) {
      const id = await browser.installExtension(dir);
      if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
    }
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const open = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url);
    return wrapPuppeteer(page);
  };
  return {
    kind: 'firefox',
    extensionOrigin,
    newPage: open,
    openExtensionPage: async (path) => {
      // The extension page loads (in the extension process), but Puppeteer's BiDi navigation tracking
      // never sees it finish and goto() times out: start it, then poll the document instead.
      const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
      const page = await browser.newPage();
      void page.goto(url, { timeout: 30_000 }).catch(() => {});
      const handle = wrapPuppeteer(page);
      await handle.waitFor((u: string) => location.href === u && document.readyState === 'complete', url, 20_000);
      return handle;
    },
    close: () => browser.close().catch(() => {}),
  };
}

async function poll<T>(
  read: () => Promise<T>,
  timeoutMs: number,
  what: string,
  errors: string[],
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await read();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e; // navigation in progress, context torn down: retry until the deadline
    }
    if (Date.now() > deadline) {
      const seen = errors.length ? `; page errors: ${errors.join(' | ')}` : '';
      throw new Error(`waitFor timed out after ${timeoutMs} ms: ${what} (last: ${String(last)})${seen}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function wrapPlaywright(page: PwPage): PageHandle {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const evaluate = <T>(fn: (arg: any) => T | Promise<T>, arg?: unknown) => page.evaluate(fn as any, arg) as Promise<T>;
  return {
    raw: page,
    errors,
    evaluate,
    waitFor: (fn, arg, timeoutMs = 15_000) => poll(() => evaluate(fn, arg), timeoutMs, String(fn), errors),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

function wrapPuppeteer(page: PpPage): PageHandle {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const evaluate = <T>(fn: (arg: any) => T | Promise<T>, arg?: unknown) => page.evaluate(fn as any, arg) as Promise<T>;
  return {
    raw: page,
    errors,
    evaluate,
    waitFor: (fn, arg, timeoutMs = 15_000) => poll(() => evaluate(fn, arg), timeoutMs, String(fn), errors),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as any),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}
