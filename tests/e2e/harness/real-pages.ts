import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserKind, LaunchOptions, PageHandle } from './browsers';

// The real pages of ../shared/real-pages served as a reader meets them, except that every other
// host (their CDNs, ads, analytics, fonts) gets a socket that accepts and never answers: the worst
// third party there is. The pages are served from 127.0.0.1 (the test build runs there), which also
// keeps clear of Chromium's HSTS preload list (nytimes.com, bbc.com, theguardian.com would be
// upgraded to https under their own names).

export const REAL_PAGES_DIR = resolve(import.meta.dirname, '../../../../shared/real-pages');

export function realPageNames(): string[] {
  if (!existsSync(REAL_PAGES_DIR)) return [];
  return readdirSync(REAL_PAGES_DIR)
    .filter((n) => existsSync(resolve(REAL_PAGES_DIR, n, 'source.html')))
    .sort();
}

// First thing in the page: every DOM mutation from then on, as a line, so a run with the extension
// can be compared with a run without it (the extension must add none).
const RECORDER = `<script>(function () {
  var seen = (window.__realMutations = []);
  var name = function (n) { return n.nodeName + (n.id ? '#' + n.id : ''); };
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var r = records[i], add = [], rem = [];
      for (var j = 0; j < r.addedNodes.length; j++) add.push(name(r.addedNodes[j]));
      for (var k = 0; k < r.removedNodes.length; k++) rem.push(name(r.removedNodes[k]));
      seen.push(r.type + ' ' + name(r.target) + (r.attributeName ? ' @' + r.attributeName : '') + ' +' + add.join(',') + ' -' + rem.join(','));
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();</script>`;

export interface RealServer {
  baseUrl: string;
  /** The port that accepts connections and never answers. */
  hangPort: number;
  stop(): Promise<void>;
}

export async function startRealServer(): Promise<RealServer> {
  const pages = new Map<string, Buffer>();
  for (const name of realPageNames()) {
    const html = readFileSync(resolve(REAL_PAGES_DIR, name, 'source.html'), 'utf8');
    const at = html.search(/<head[^>]*>/i);
    const end = at < 0 ? 0 : at + html.slice(at).indexOf('>') + 1;
    pages.set(`/${name}/`, Buffer.from(html.slice(0, end) + RECORDER + html.slice(end)));
  }
  const http: Server = createHttpServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    // Same-host subresources (relative URLs) fail fast; other hosts hang (below).
    if (!body) return void res.writeHead(404, { 'content-length': 0 }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  const sockets = new Set<Socket>();
  const hang = createTcpServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  const listen = (srv: Server | ReturnType<typeof createTcpServer>) =>
    new Promise<number>((ok, fail) => {
      srv.once('error', fail);
      srv.listen(0, '127.0.0.1', () => ok((srv.address() as AddressInfo).port));
    });
  const port = await listen(http);
  const hangPort = await listen(hang);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hangPort,
    stop: async () => {
      for (const s of sockets) s.destroy();
      http.closeAllConnections();
      await Promise.all([new Promise((ok) => http.close(ok)), new Promise((ok) => hang.close(ok))]);
    },
  };
}

/** Sends every host but 127.0.0.1 to the port that never answers. */
export function hangingThirdParties(kind: BrowserKind, hangPort: number): LaunchOptions {
  if (kind === 'chromium') return { args: [`--host-resolver-rules=MAP * 127.0.0.1:${hangPort}, EXCLUDE 127.0.0.1`] };
  return {
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': hangPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': hangPort,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  };
}

// Third-party scripts and stylesheets block the parser: hanging, they would keep the page from ever
// reaching DOMContentLoaded, with or without us. They fail at once instead (as a blocked or
// unreachable host does); everything else of theirs (images, fonts, frames, async requests,
// beacons) hangs, which is what kept Firefox's document_idle waiting.
const PARSER_BLOCKING = new Set(['script', 'stylesheet']);

type Routed = {
  request(): { resourceType(): string; url(): string };
  abort(): Promise<void>;
  continue(): Promise<void>;
};
type Intercepted = {
  resourceType(): string;
  url(): string;
  headers(): Record<string, string>;
  abort(): Promise<void>;
  continue(): Promise<void>;
};

/** Puppeteer over BiDi (Firefox) has no resource type: the Accept header tells scripts and stylesheets. */
function typeOf(r: Intercepted): string {
  try {
    return r.resourceType();
  } catch {
    const accept = r.headers().accept ?? '';
    return accept.startsWith('text/css') ? 'stylesheet' : accept === '*/*' ? 'script' : 'other';
  }
}

/** Navigates to `url` and returns at DOMContentLoaded: the load event never comes when third parties hang. */
export async function gotoUntilDomReady(page: PageHandle, url: string): Promise<void> {
  const own = new URL(url).origin;
  const blocking = (type: string, to: string) => PARSER_BLOCKING.has(type) && !to.startsWith(own);
  const raw = page.raw as unknown as {
    route?: (glob: string, fn: (r: Routed) => unknown) => Promise<void>;
    setRequestInterception?: (on: boolean) => Promise<void>;
    on(event: 'request', fn: (r: Intercepted) => unknown): unknown;
  };
  if (raw.route) {
    await raw.route('**/*', (r) =>
      blocking(r.request().resourceType(), r.request().url()) ? r.abort() : r.continue(),
    );
  } else {
    await raw.setRequestInterception!(true);
    raw.on('request', (r) => void (blocking(typeOf(r), r.url()) ? r.abort() : r.continue()).catch(() => {}));
  }
  await (page.raw as { goto(url: string, o: object): Promise<unknown> }).goto(url, {
    waitUntil: 'domcontentloaded',
    timeout: 30_000,
  });
}

export interface PageClock {
  /** DOMContentLoaded, ms since the navigation started. */
  domReady: number;
  /** 0 while the load event has not come (a subresource still pending). */
  loaded: number;
}

export function pageClock(page: PageHandle): Promise<PageClock> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domReady: nav.domContentLoadedEventStart, loaded: nav.loadEventStart };
  });
}

export function recordedMutations(page: PageHandle): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __realMutations?: string[] }).__realMutations ?? []);
}
