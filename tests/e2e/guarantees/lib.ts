import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { EXECUTABLES, EXTENSION_DIRS, FIREFOX_UUID, GECKO_ID, type PageHandle } from '../harness/browsers';
import { probe, waitForProbe, slotOf, type ProbeResult } from '../harness/probe';

// Shared helpers of the guarantee suites (tests/e2e/guarantees/*.e2e.ts): reading marks from the
// page's CSS.highlights, opening a card with the real pointer, talking to the background in the
// messaging wire format from an extension page, and launchers for the cases the harness's fresh,
// throw-away sessions cannot cover (a profile kept across restarts, a browser context seen from
// its start).

export { probe, waitForProbe, slotOf, type ProbeResult };

export interface MarkedRange {
  name: string;
  text: string;
  /** Both ends of the range are in the live document. */
  connected: boolean;
  /** Viewport rect of the range's first line. */
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** Every range of every `hashiya-*` highlight, read from the page's own CSS.highlights. */
export function readMarks(page: PageHandle): Promise<MarkedRange[]> {
  return page.evaluate(() => {
    const out: MarkedRange[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!String(name).startsWith('hashiya-')) continue;
      for (const r of highlight as Iterable<AbstractRange>) {
        const range = r as Range;
        const first = Array.from(range.getClientRects()).find((x) => x.width > 0 && x.height > 0);
        out.push({
          name: String(name),
          text: range.toString(),
          connected: range.startContainer.isConnected && range.endContainer.isConnected,
          rect: first ? { x: first.x, y: first.y, width: first.width, height: first.height } : null,
        });
      }
    }
    return out;
  });
}

export function waitForMarks(page: PageHandle, timeoutMs = 20_000): Promise<unknown> {
  return page.waitFor(
    () => [...CSS.highlights.keys()].some((k) => String(k).startsWith('hashiya-')),
    undefined,
    timeoutMs,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The card slot shows something (a tooltip preview or a pinned dialog). By its text: the probe's
 * `role` reads the slot's first element, which is the positioning wrapper (.hs-float), never the card.
 */
export const cardOpen = (r: ProbeResult | null) => slotOf(r, 'card').text.trim().length > 0;

/**
 * Opens the hover card with the real pointer: moves to the middle of the first visible mark whose
 * text is `text` (any mark when omitted), dwells past the hover delay and waits for the probe to
 * show the card. Returns the mark hovered.
 */
export async function hoverMention(page: PageHandle, text?: string): Promise<MarkedRange> {
  const marks = await readMarks(page);
  const mark = marks.find((m) => m.rect && m.connected && (text === undefined || m.text === text));
  if (!mark?.rect) throw new Error(`no visible mark ${text ?? ''}; marks: ${JSON.stringify(marks.map((m) => m.text))}`);
  // Arrive from outside the text so pointermove fires on the mention itself.
  await page.mouseMove(2, 2);
  await page.mouseMove(mark.rect.x + mark.rect.width / 2, mark.rect.y + mark.rect.height / 2);
  await sleep(800);
  await waitForProbe(page, cardOpen, `hover card for ${mark.text}`);
  return mark;
}

/** Mentions the probe reports as a sorted list of `entityId|text`, for exact comparisons. */
export async function mentionKeys(page: PageHandle): Promise<string[]> {
  const r = await probe(page);
  return (r?.mentions ?? []).map((m) => `${m.entityId}|${m.text}`).sort();
}

export type Wire<T = unknown> = { res?: T; err?: { message?: string; name?: string } };

/**
 * Sends one message to the background from an extension page, in @webext-core/messaging's wire
 * format ({ id, type, data, timestamp } → { res } | { err }), with the extension API of the page.
 */
export function sendFromExtensionPage<T = unknown>(page: PageHandle, type: string, data?: unknown): Promise<Wire<T>> {
  return page.evaluate(
    async ({ type, data }: { type: string; data: unknown }) => {
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const runtime = g.browser?.runtime ?? g.chrome.runtime;
      const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
      return (await runtime.sendMessage(message)) as Wire<T>;
    },
    { type, data },
  );
}

export interface NoteLike {
  id: string;
  kind: string;
  entityId?: string;
  body: string;
}

/** Adds an entity note from an extension page (its own URL as the sender URL); returns the stored note. */
export async function addEntityNote(page: PageHandle, entityId: string, body: string): Promise<NoteLike> {
  const url = await page.evaluate(() => location.href);
  const reply = await sendFromExtensionPage<NoteLike>(page, 'addNote', {
    url,
    note: { kind: 'entity', entityId, body },
  });
  if (!reply?.res) throw new Error(`addNote failed: ${JSON.stringify(reply)}`);
  return reply.res;
}

export async function listNotes(page: PageHandle): Promise<NoteLike[]> {
  const reply = await sendFromExtensionPage<NoteLike[]>(page, 'listNotes', {});
  if (!reply?.res) throw new Error(`listNotes failed: ${JSON.stringify(reply)}`);
  return reply.res;
}

// ---------------------------------------------------------------------------------------------
// Page handles over raw driver pages (the harness keeps its wrappers private).

async function poll<T>(read: () => Promise<T>, timeoutMs: number, what: string, errors: string[]) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await read();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `waitFor timed out after ${timeoutMs} ms: ${what} (last: ${String(last)}); errors: ${errors.join(' | ')}`,
      );
    }
    await sleep(100);
  }
}

export function wrapPage(page: PwPage | PpPage): PageHandle {
  const errors: string[] = [];
  (page as PwPage).on('pageerror', (e: Error) => errors.push(String(e)));
  const evaluate = <T>(fn: (arg: any) => T | Promise<T>, arg?: unknown) =>
    (page as PwPage).evaluate(fn as any, arg) as Promise<T>;
  return {
    raw: page,
    errors,
    evaluate,
    waitFor: (fn, arg, timeoutMs = 15_000) => poll(() => evaluate(fn, arg), timeoutMs, String(fn), errors),
    goto: async (url) => void (await (page as PwPage).goto(url)),
    reload: async () => void (await (page as PwPage).reload()),
    mouseMove: (x, y) => (page as PwPage).mouse.move(x, y),
    click: (x, y) => (page as PwPage).mouse.click(x, y),
    press: (key) => (page as PwPage).keyboard.press(key),
    screenshot: async (path) => void (await (page as PwPage).screenshot({ path })),
    close: () => (page as PwPage).close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium with a caller-owned profile directory and the BrowserContext exposed.

export const CHROMIUM_ARGS = (dir: string) => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
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
];

export interface ChromiumRun {
  ctx: BrowserContext;
  worker: Worker;
  extensionOrigin: string;
  /** A new tab at `url`, wrapped as a PageHandle. */
  open(url: string): Promise<PageHandle>;
  close(): Promise<void>;
}

/** Launches Chromium with the E2E build on `profileDir` (kept on close). `beforeWorker` runs on the
 *  context before anything is awaited, so listeners see the service worker's first requests. */
export async function launchChromiumProfile(
  profileDir: string,
  beforeWorker?: (ctx: BrowserContext) => void,
): Promise<ChromiumRun> {
  const dir = EXTENSION_DIRS.chromium;
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: CHROMIUM_ARGS(dir),
  });
  try {
    beforeWorker?.(ctx);
    const worker =
      ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await ctx.waitForEvent('serviceworker', {
        timeout: 20_000,
        predicate: (w) => w.url().startsWith('chrome-extension://'),
      }));
    const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    return {
      ctx,
      worker,
      extensionOrigin,
      async open(url) {
        const page = await ctx.newPage();
        await page.goto(url);
        return wrapPage(page);
      },
      close: () => ctx.close().catch(() => {}),
    };
  } catch (e) {
    await ctx.close().catch(() => {});
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox with the add-on installed permanently (an unsigned XPI in a persistent profile), which
// is what a reader has: a temporary add-on is removed, with its storage, when Firefox quits.

const FIREFOX_PREFS: Record<string, unknown> = {
  // Unsigned add-on in the profile: ESR honours xpinstall.signatures.required=false.
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 15,
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  'app.update.auto': false,
  'app.update.enabled': false,
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
  'extensions.update.enabled': false,
  'identity.fxaccounts.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'services.settings.poll_interval': 0,
  // Firefox's own remote-settings client (not the add-on's): pointed nowhere, as Firefox's test harness does.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

/** A fresh Firefox profile directory with the E2E build installed as `extensions/<gecko id>.xpi`. */
export async function firefoxProfileWithAddon(): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'hashiya-e2e-ff-persist-'));
  await mkdir(join(profile, 'extensions'), { recursive: true });
  const xpi = join(profile, 'extensions', `${GECKO_ID}.xpi`);
  execFileSync('zip', ['-q', '-r', '-X', xpi, '.'], { cwd: EXTENSION_DIRS.firefox });
  return profile;
}

export interface FirefoxRun {
  browser: PpBrowser;
  extensionOrigin: string;
  /** A new tab at `url` (a web page), wrapped as a PageHandle. */
  open(url: string): Promise<PageHandle>;
  openExtensionPage(path: string): Promise<PageHandle>;
  close(): Promise<void>;
}

export async function launchFirefoxProfile(profile: string, prefs: Record<string, unknown> = {}): Promise<FirefoxRun> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
  });
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  return {
    browser,
    extensionOrigin,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return wrapPage(page);
    },
    async openExtensionPage(path) {
      // As in the harness: BiDi never reports the extension page's load; start it and poll.
      const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
      const page = await browser.newPage();
      void page.goto(url, { timeout: 30_000 }).catch(() => {});
      const handle = wrapPage(page);
      await handle.waitFor((u: string) => location.href === u && document.readyState === 'complete', url, 20_000);
      return handle;
    },
    close: () => browser.close().catch(() => {}),
  };
}

export { removeDir } from '../harness/browsers';

export interface MarkStats {
  /** Ranges in all `hashiya-*` highlights. */
  total: number;
  /** Ranges with an end outside the live document. */
  detached: number;
  /** Ranges that repeat another one exactly (same boundary points). */
  duplicates: number;
}

export function markStats(page: PageHandle): Promise<MarkStats> {
  return page.evaluate(() => {
    const ranges: AbstractRange[] = [];
    for (const [name, h] of CSS.highlights) {
      if (String(name).startsWith('hashiya-')) for (const r of h as Iterable<AbstractRange>) ranges.push(r);
    }
    let duplicates = 0;
    for (let i = 0; i < ranges.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = ranges[i];
        const b = ranges[j];
        if (
          a.startContainer === b.startContainer &&
          a.startOffset === b.startOffset &&
          a.endContainer === b.endContainer &&
          a.endOffset === b.endOffset
        ) {
          duplicates++;
          break;
        }
      }
    }
    return {
      total: ranges.length,
      detached: ranges.filter((r) => !r.startContainer.isConnected || !r.endContainer.isConnected).length,
      duplicates,
    };
  });
}

/** Types `text` with the real keyboard of either driver. */
export async function typeText(page: PageHandle, text: string): Promise<void> {
  await (page.raw as PwPage).keyboard.type(text, { delay: 5 });
}

// ---------------------------------------------------------------------------------------------
// Screenshots as pixels, decoded by pngjs (any bit depth, colour type and interlace).

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8Array;
}

export function decodePng(png: Buffer): Pixels {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Pixels within `tolerance` of rgb, optionally only inside a viewport rect. */
export function countColor(
  img: Pixels,
  rgb: [number, number, number],
  tolerance = 3,
  rect?: { x: number; y: number; width: number; height: number },
): number {
  const x0 = Math.max(0, Math.floor(rect?.x ?? 0));
  const y0 = Math.max(0, Math.floor(rect?.y ?? 0));
  const x1 = Math.min(img.width, Math.ceil(rect ? rect.x + rect.width : img.width));
  const y1 = Math.min(img.height, Math.ceil(rect ? rect.y + rect.height : img.height));
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const o = (y * img.width + x) * 4;
      if (
        Math.abs(img.data[o] - rgb[0]) <= tolerance &&
        Math.abs(img.data[o + 1] - rgb[1]) <= tolerance &&
        Math.abs(img.data[o + 2] - rgb[2]) <= tolerance
      ) {
        n++;
      }
    }
  }
  return n;
}

/** A viewport screenshot of either driver, decoded. */
export async function screenshotPixels(page: PageHandle): Promise<Pixels> {
  const png = (await (page.raw as PwPage).screenshot()) as Buffer;
  return decodePng(Buffer.from(png));
}
