// The bench's own HTTP server: generated pages, harness bundles and indexes served from memory,
// cross-origin isolated so performance.now() is fine-grained.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IndexFile } from '../compiler/encode-index';

interface Asset {
  type: string;
  body: string | Buffer;
}
export const assets = new Map<string, Asset>();
export const serve = (path: string, type: string, body: string | Buffer) => assets.set(path, { type, body });
/** Serves index files under `dir` (as the extension ships them under /corpus/); returns their removal. */
export function serveIndex(dir: string, files: IndexFile[]): () => void {
  for (const f of files)
    serve(dir + f.name, f.name.endsWith('.json') ? JSON_TYPE : 'application/octet-stream', Buffer.from(f.bytes));
  return () => files.forEach((f) => assets.delete(dir + f.name));
}
export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

export function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const asset = assets.get(path);
    // Cross-origin isolated: performance.now() resolution is 5 µs instead of 100 µs.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!asset) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'no-store' }).end(asset.body);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}
