// Runs the API as `docker compose` would, but against PGlite served over the
// PostgreSQL wire protocol by pglite-socket: the same `pg` code, no Docker.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
// The stack's db/init/, beside api/; INIT_SQL_DIR lets a copied api/ point elsewhere.
const initDir = process.env.INIT_SQL_DIR ?? fileURLToPath(new URL('../../db/init/', import.meta.url));

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startDatabase() {
  const db = await PGlite.create();
  const files = (await readdir(initDir)).filter((name) => name.endsWith('.sql')).sort();
  for (const name of files) await db.exec(await readFile(new URL(name, `file://${initDir}/`), 'utf8'));
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 20 });
  await server.start();
  return {
    env: { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGPASSWORD: 'postgres', PGDATABASE: 'postgres' },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Runs `node <script>` in the api folder to completion; rejects on a non-zero exit. */
export function runScript(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: apiDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} exited ${code}:\n${output}`))));
  });
}

/** Starts `node src/index.js` and resolves once it listens. */
export async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/index.js'], {
    cwd: apiDir,
    env: { ...process.env, REDIS_URL: '', ...env, API_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API not listening after 15 s:\n${output}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('listening on port')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`API exited ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export async function call(api, method, path, body) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
