import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

// A tiny static server for the E2E fixtures, on 127.0.0.1 with an ephemeral port (the test build's
// content script runs on http://127.0.0.1/*, any port). Besides the files in tests/e2e/fixtures it
// serves in-memory routes (path → html), so a test can serve an edited version of a page. Routes can
// be registered in-process (`server.route`) or, from a test worker, over HTTP with `putRoute`
// (the server itself runs in vitest's globalSetup, another process). A route may carry extra
// response headers (e.g. a Content-Security-Policy), sent with it on every GET.

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');
const CONTROL = '/__routes';
/** Request header of a PUT to the control path: JSON object of extra response headers for the route. */
const HEADERS_HEADER = 'x-route-headers';

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
  /** Serve `html` at `path` (e.g. '/edited/news-ar.html'), overriding any file of that name; `headers` are extra response headers. */
  route(path: string, body: string, type?: string, headers?: Record<string, string>): void;
  unroute(path: string): void;
  stop(): Promise<void>;
}

export async function startServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const routes = new Map<string, { body: string; type: string; headers?: Record<string, string> }>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, String(e), 'text/plain; charset=utf-8'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith(CONTROL + '/')) {
      const target = path.slice(CONTROL.length);
      if (req.method === 'PUT') {
        let headers: Record<string, string> | undefined;
        const raw = req.headers[HEADERS_HEADER];
        if (typeof raw === 'string' && raw) {
          try {
            headers = parseHeaders(JSON.parse(raw));
          } catch (e) {
            return send(res, 400, `bad ${HEADERS_HEADER}: ${String(e)}`, 'text/plain; charset=utf-8');
          }
        }
        routes.set(target, {
          body: await readBody(req),
          type: req.headers['content-type'] || contentType(target),
          headers,
        });
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
    if (mem) return send(res, 200, mem.body, mem.type, req.method === 'HEAD', mem.headers);
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
    route: (path, body, type = contentType(path), headers) => void routes.set(path, { body, type, headers }),
    unroute: (path) => void routes.delete(path),
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * Registers an in-memory route on a running fixture server (from any process); returns its URL.
 * `headers`: extra response headers sent with the route, e.g. `{ 'content-security-policy': "default-src 'none'" }`.
 */
export async function putRoute(
  baseUrl: string,
  path: string,
  body: string,
  type = contentType(path),
  headers?: Record<string, string>,
): Promise<string> {
  const request: Record<string, string> = { 'content-type': type };
  if (headers) request[HEADERS_HEADER] = JSON.stringify(headers);
  const res = await fetch(baseUrl + CONTROL + path, { method: 'PUT', body, headers: request });
  if (res.status !== 204) throw new Error(`putRoute ${path}: HTTP ${res.status}`);
  return baseUrl + path;
}

export async function deleteRoute(baseUrl: string, path: string): Promise<void> {
  await fetch(baseUrl + CONTROL + path, { method: 'DELETE' });
}

/** Extra headers from a PUT: a flat object of string values; hop-by-hop and length headers are ours. */
function parseHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`header ${name}: expected a string`);
    if (/^(content-length|transfer-encoding|connection)$/i.test(name))
      throw new Error(`header ${name} is not settable`);
    out[name.toLowerCase()] = v;
  }
  return out;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type?: string,
  headOnly = false,
  extra?: Record<string, string>,
): void {
  const headers: Record<string, string | number> = { 'cache-control': 'no-store', ...extra };
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
