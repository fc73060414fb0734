import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built `dist/` on loopback under `base` (e.g. `/formation/`), the
 * way a plain static host does: `dir/` serves `dir/index.html`, anything else
 * is a 404 with the site's own 404 page. `headers` are added to every answer.
 */
export async function serveStatic(root: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const send = (status: number, file: string): void => {
      response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      createReadStream(file).pipe(response);
    };
    const notFound = (): void => {
      const page = join(root, '404.html');
      if (existsSync(page)) send(404, page);
      else {
        response.writeHead(404, headers);
        response.end('not found');
      }
    };
    if (!pathname.startsWith(base)) return notFound();
    pathname = pathname.slice(base.length - 1);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound();
    send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
