// PostgreSQL for the in-browser API: PGlite (PostgreSQL compiled to WebAssembly)
// behind pglite-socket, which speaks the PostgreSQL wire protocol on a TCP port,
// so the chapter's unchanged `pg` code connects to it as to the `db` service.
// Mounted next to the API inside the WebContainer; the stack tests run it in Node.
// Usage: node pglite-server.mjs <init-sql-dir>   (port from PGPORT, default 5432)
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number(process.env.PGPORT ?? 5432);
const initDir = process.argv[2] ?? 'db-init';

// In memory: like a fresh `db` volume, every start runs the init scripts again.
const db = await PGlite.create();
// docker-entrypoint-initdb.d runs *.sql in name order; shell scripts (roles,
// passwords) have no meaning for a single-user PGlite and are skipped.
const files = (await readdir(initDir).catch(() => [])).filter((name) => name.endsWith('.sql')).sort();
for (const name of files) {
  await db.exec(await readFile(join(initDir, name), 'utf8'));
  console.log(`pglite: applied ${name}`);
}

// pg's Pool opens up to 10 connections; pglite-socket queues their queries,
// since PGlite itself runs one at a time.
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 20 });
await server.start();
console.log(`pglite: ready on 127.0.0.1:${port}`);

async function shutdown() {
  await server.stop();
  await db.close();
  process.exit(0);
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
