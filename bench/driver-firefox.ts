// The headless Firefox the real-pages table also runs in (Debian firefox-esr over WebDriver BiDi,
// as the E2E tests drive it): the same harness and pages as bench/driver.ts's Chromium, so the two
// browsers' figures sit side by side. Hosts other than the bench's own go to a proxy that is not
// there (a proxy script), so a page's third-party resources fail at once, as in Chromium's isolated origin.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export interface FirefoxDriver {
  version: string;
  open(path: string): Promise<void>;
  call<T>(fn: string, args: unknown[], hardMs?: number): Promise<T>;
  close(): Promise<void>;
}

const PREFS: Record<string, unknown> = {
  // A proxy script: the bench's own host directly, every other host through a port nobody listens on.
  'network.proxy.type': 2,
  'network.proxy.autoconfig_url':
    'data:text/javascript,' +
    encodeURIComponent(
      'function FindProxyForURL(url, host) { return host === "127.0.0.1" ? "DIRECT" : "PROXY 127.0.0.1:9"; }',
    ),
  'network.proxy.allow_hijacking_localhost': true,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'toolkit.telemetry.enabled': false,
  'datareporting.usage.uploadEnabled': false,
};

export async function launchFirefox(origin: string): Promise<FirefoxDriver> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.HASHIYA_FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // The window's size, as Chromium's viewport (this Firefox's BiDi has no screen-orientation
    // command, which Puppeteer's setViewport sends).
    defaultViewport: null,
    args: ['--width=1280', '--height=800'],
    extraPrefsFirefox: PREFS,
  });
  let tab: Page = await browser.newPage();
  const version = await browser.version();
  return {
    version,
    async open(path) {
      try {
        await tab.goto(origin + path, { waitUntil: 'load' });
      } catch (e) {
        // A page's third-party frame failing to load (as every other host fails here) is reported
        // by this Firefox's BiDi as the navigation's own failure: the page itself is checked instead.
        if (tab.url() !== origin + path) throw e;
        await tab.waitForFunction(() => document.readyState === 'complete', { timeout: 30_000 });
      }
    },
    async call<T>(fn: string, args: unknown[], hardMs = 120_000) {
      const expr = `window.__bench.${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
      let timer: NodeJS.Timeout | undefined;
      try {
        return (await Promise.race([
          tab.evaluate(expr),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${fn}: no answer after ${hardMs / 1000} s`)), hardMs);
          }),
        ])) as T;
      } catch (e) {
        if (String(e).includes('no answer')) {
          await tab.close().catch(() => {});
          tab = await browser.newPage();
        }
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => browser.close(),
  };
}
