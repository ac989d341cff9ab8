import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page as PpPage } from 'puppeteer-core';
import { describeEachBrowser } from '../harness/env';
import type { PageHandle } from '../harness/browsers';
import {
  addEntityNote,
  firefoxProfileWithAddon,
  hoverMention,
  launchChromiumProfile,
  launchFirefoxProfile,
  removeDir,
  slotOf,
  waitForMarks,
  waitForProbe,
  wrapPage,
  type ChromiumRun,
  type FirefoxRun,
} from './lib';

// G17: Hashiya is offline. Through a full flow — a news page with marks and a card, a note whose
// body holds an <img> tag and a javascript: URL, the popup, the notes page and the reader — no part
// of the extension makes a request anywhere but the fixture server (127.0.0.1) and its own files.
// Chromium: every request of the browser context, the service worker's included (Playwright's
// ctx.on('request'), recording from before the worker starts). Firefox: every request of every
// page opened (Puppeteer page.on('request')), and, for the background page Puppeteer cannot see, a
// recording proxy for everything not on loopback (Firefox never proxies 127.0.0.1).
// The note's text renders literally wherever it is shown.

const base = inject('fixtureBaseUrl');
const BODY = 'Check <img src=https://example.com/x.png> and javascript:alert(1) later';

interface Recorded {
  url: string;
  from: string;
}

/** Web requests must go to the fixture server; the rest is the extension's own files or inline data. */
function offending(requests: Recorded[]): Recorded[] {
  return requests.filter(
    (r) =>
      !r.url.startsWith(base + '/') &&
      !/^(chrome-extension|moz-extension):\/\//.test(r.url) &&
      !/^(data|blob|about):/.test(r.url),
  );
}

/**
 * Firefox's own remote-settings sync, which `services.settings.server` does not silence in ESR 153:
 * the same CONNECTs appear with no add-on installed at all (measured with this launcher). The
 * add-on could not reach it anyway: its CSP (manifest) allows connect-src 'self' only.
 */
const FIREFOX_OWN = new Set(['CONNECT firefox.settings.services.mozilla.com:443']);

/** An HTTP(S) proxy that records and refuses everything sent to it. */
async function recordingProxy(): Promise<{ port: number; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

describeEachBrowser('G17 no network', (kind) => {
  let profile: string;
  let chromiumRun: ChromiumRun | undefined;
  let firefoxRun: FirefoxRun | undefined;
  let proxy: Awaited<ReturnType<typeof recordingProxy>> | undefined;
  const requests: Recorded[] = [];
  let previousEnv: string | undefined;

  beforeAll(async () => {
    if (kind === 'chromium') {
      previousEnv = process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS;
      // Older Playwright needs this for service worker requests; 1.65 reports them by default.
      process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
      profile = await mkdtemp(join(tmpdir(), 'hashiya-e2e-g17-'));
      chromiumRun = await launchChromiumProfile(profile, (ctx) => {
        ctx.on('request', (r) => {
          const sw = r.serviceWorker();
          requests.push({ url: r.url(), from: sw ? `service worker ${sw.url()}` : (r.frame()?.url() ?? '?') });
        });
      });
    } else {
      proxy = await recordingProxy();
      profile = await firefoxProfileWithAddon();
      firefoxRun = await launchFirefoxProfile(profile, {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.allow_hijacking_localhost': false,
      });
    }
  });

  afterAll(async () => {
    await chromiumRun?.close();
    await firefoxRun?.close();
    await proxy?.close();
    if (profile) await removeDir(profile);
    if (kind === 'chromium') {
      if (previousEnv === undefined) delete process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS;
      else process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = previousEnv;
    }
  });

  /** A tab recording its requests (Firefox) before it loads `url`. */
  async function open(url: string): Promise<PageHandle> {
    if (chromiumRun) return chromiumRun.open(url);
    const page: PpPage = await firefoxRun!.browser.newPage();
    page.on('request', (r) => void requests.push({ url: r.url(), from: url }));
    if (/^moz-extension:/.test(url)) {
      // BiDi never reports an extension page's load (see the harness): start it and poll.
      void page.goto(url, { timeout: 30_000 }).catch(() => {});
      const handle = wrapPage(page);
      await handle.waitFor((u: string) => location.href === u && document.readyState === 'complete', url, 20_000);
      return handle;
    }
    await page.goto(url);
    return wrapPage(page);
  }

  const origin = () => (chromiumRun ? chromiumRun.extensionOrigin : firefoxRun!.extensionOrigin);

  it('G17: a full flow makes no request outside 127.0.0.1 and the extension; the note renders as text', async () => {
    // A news page: marks, then a card.
    const news = await open(`${base}/news-en.html`);
    await waitForMarks(news);
    await hoverMention(news, 'Lavrov');

    // A note with markup and a javascript: URL in its body.
    const notesPage = await open(`${origin()}/notes.html`);
    const note = await addEntityNote(notesPage, 'person/sergey-lavrov', BODY);
    expect(note.body).toBe(BODY);

    // The card shows it, as text (the probe reads the card's textContent).
    await news.mouseMove(2, 2);
    await news.press('Escape');
    await waitForProbe(news, (r) => !slotOf(r, 'card').text.trim(), 'card closed');
    await hoverMention(news, 'Lavrov');
    await waitForProbe(news, (r) => slotOf(r, 'card').text.includes(BODY), 'the note on the card, literally');

    // The notes page lists it: visible as text, no <img> or javascript: link made of it.
    const listed = await open(`${origin()}/notes.html`);
    const shown = await listed.waitFor(
      (body: string) => {
        const items = [...document.querySelectorAll('[data-testid="note-item"]')];
        const item = items.find((el) => (el as HTMLElement).innerText.includes(body));
        if (!item) return null;
        return {
          visibleText: (item as HTMLElement).innerText.includes(body),
          imgs: document.querySelectorAll('img[src*="example.com"]').length,
          jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
          anyImgInNote: item.querySelectorAll('img').length,
        };
      },
      BODY,
      20_000,
    );
    expect(shown).toEqual({ visibleText: true, imgs: 0, jsLinks: 0, anyImgInNote: 0 });

    // The popup and the reader (index and an entity).
    const popup = await open(`${origin()}/popup.html`);
    await popup.waitFor(
      () => /^\d+ articles?\b/.test(document.querySelector('[data-testid="corpus-status"]')?.textContent?.trim() ?? ''),
      undefined,
      20_000,
    );
    const reader = await open(`${origin()}/reader.html#entity=person/sergey-lavrov`);
    await reader.waitFor(() => !!document.querySelector('[data-testid="reader-entity"]'), undefined, 20_000);
    await new Promise((r) => setTimeout(r, 1500)); // anything late (prefetch, beacons) has gone out by now

    for (const p of [notesPage, listed, popup, reader]) await p.close();

    // The recorder saw the flow: the fixture page, and in Chromium the extension's own files (the
    // service worker's reads of its corpus index and of Lavrov's card shard, the reader's article
    // list), so a request from there could not go unseen.
    const all = JSON.stringify(requests.map((r) => r.url.slice(0, 120)));
    expect(
      requests.some((r) => r.url === `${base}/news-en.html`),
      all,
    ).toBe(true);
    if (chromiumRun) {
      expect(
        requests.some((r) => r.url.startsWith(`${origin()}/`)),
        all,
      ).toBe(true);
      const worker = requests.filter((r) => r.from.startsWith('service worker'));
      const read = (file: RegExp) => worker.some((r) => r.url.startsWith(`${origin()}/`) && file.test(r.url));
      expect(
        [
          /\/corpus\/index\.bin$/,
          /\/corpus\/cards-\d+-[0-9a-f]{8}\.json\.gz$/,
          /\/corpus\/articles-\d+-[0-9a-f]{8}\.json\.gz$/,
        ].map(read),
        `service worker requests: ${JSON.stringify(worker)}`,
      ).toEqual([true, true, true]);
    }
    expect(offending(requests)).toEqual([]);
    const leftLoopback = () => proxy!.seen.filter((r) => !FIREFOX_OWN.has(r));
    if (proxy) expect(leftLoopback(), 'requests that left loopback (through the recording proxy)').toEqual([]);

    // Canary, after the checks: a request to a non-loopback host (.invalid never resolves) is seen.
    await news.evaluate(() => fetch('http://canary.invalid/g17').catch(() => null));
    await news.waitFor(() => true);
    await new Promise((r) => setTimeout(r, 500));
    expect(offending(requests).map((r) => r.url)).toEqual(['http://canary.invalid/g17']);
    if (proxy) expect(leftLoopback()).toEqual(['GET http://canary.invalid/g17']);
    await news.close();
  }, 120_000);
});
