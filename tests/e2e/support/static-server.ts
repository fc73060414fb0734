import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

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

/** The types deploy/nginx/default.conf compresses (`gzip_types`, plus HTML). */
const COMPRESSED = /^(text\/|application\/(json|wasm)|image\/svg\+xml)/;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built `dist/` on loopback under `base` (e.g. `/formation/`), the
 * way a plain static host does: `dir/` serves `dir/index.html`, anything else
 * is a 404 with the site's own 404 page. `headers` are added to every answer.
 * `gzip` compresses text answers as deploy/nginx does (Lighthouse counts the
 * bytes on the wire).
 */
export async function serveStatic(root: string, base = '/', headers: Record<string, string> = {}, options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const send = (status: number, file: string): void => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const compress = options.gzip === true && COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(status, { 'content-type': type, ...(compress ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}), ...headers });
      if (compress) createReadStream(file).pipe(createGzip({ level: 6 })).pipe(response);
      else createReadStream(file).pipe(response);
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
