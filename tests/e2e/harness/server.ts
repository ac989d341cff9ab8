import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

// A tiny static server for the E2E fixtures, on 127.0.0.1 with an ephemeral port (the test build's
// content script runs on http://127.0.0.1/*, any port). Besides the files in tests/e2e/fixtures it
// serves in-memory routes (path → html), so a test can serve an edited version of a page. Routes can
// be registered in-process (`server.route`) or, from a test worker, over HTTP with `putRoute`
// (the server itself runs in vitest's globalSetup, another process).

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');
const CONTROL = '/__routes';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface FixtureServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  /** Serve `html` at `path` (e.g. '/edited/news-ar.html'), overriding any file of that name. */
  route(path: string, body: string, type?: string): void;
  unroute(path: string): void;
  stop(): Promise<void>;
}

export async function startServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, String(e), 'text/plain; charset=utf-8'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith(CONTROL + '/')) {
      const target = path.slice(CONTROL.length);
      if (req.method === 'PUT') {
        routes.set(target, { body: await readBody(req), type: req.headers['content-type'] || contentType(target) });
        return send(res, 204, '');
      }
      if (req.method === 'DELETE') {
        routes.delete(target);
        return send(res, 204, '');
      }
      return send(res, 405, 'PUT or DELETE', 'text/plain; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', 'text/plain; charset=utf-8');
    const mem = routes.get(path);
    if (mem) return send(res, 200, mem.body, mem.type, req.method === 'HEAD');
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (file !== root && !file.startsWith(root + sep))
      return send(res, 403, 'outside the fixtures', 'text/plain; charset=utf-8');
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return send(res, 404, `no fixture ${path}`, 'text/plain; charset=utf-8');
    }
    send(res, 200, data, contentType(file), req.method === 'HEAD');
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    route: (path, body, type = contentType(path)) => void routes.set(path, { body, type }),
    unroute: (path) => void routes.delete(path),
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Registers an in-memory route on a running fixture server (from any process); returns its URL. */
export async function putRoute(baseUrl: string, path: string, body: string, type = contentType(path)): Promise<string> {
  const res = await fetch(baseUrl + CONTROL + path, { method: 'PUT', body, headers: { 'content-type': type } });
  if (res.status !== 204) throw new Error(`putRoute ${path}: HTTP ${res.status}`);
  return baseUrl + path;
}

export async function deleteRoute(baseUrl: string, path: string): Promise<void> {
  await fetch(baseUrl + CONTROL + path, { method: 'DELETE' });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type?: string, headOnly = false): void {
  const headers: Record<string, string | number> = { 'cache-control': 'no-store' };
  if (type) headers['content-type'] = type;
  headers['content-length'] = Buffer.byteLength(body);
  res.writeHead(status, headers);
  res.end(headOnly ? undefined : body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
