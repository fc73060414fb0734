import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CONTAINER_ENV } from '../../../components/webcontainer/api-runner.ts';
import { DB_INIT_DIR, PGLITE_SERVER } from '../../../components/webcontainer/mount-tree.ts';

// Node-side rehearsal of what the WebContainer does: a copy of the stack's
// api/ with its lockfile installed (`npm ci`, dev dependencies included, as
// `npm install` does in the container), the same pglite-server.mjs, the same
// environment; only the ports are free ones instead of 5432 and 3000.

const run = promisify(execFile);

export interface StackCopy {
  dir: string;
  cleanup(): void;
}

/** Copies `stacks/<stack>/api` (without node_modules) and its db/init SQL into a temp dir, then `npm ci`. */
export async function installStackCopy(stack: string): Promise<StackCopy> {
  const root = mkdtempSync(join(tmpdir(), `api-${stack}-`));
  const dir = join(root, 'api');
  cpSync(resolve('stacks', stack, 'api'), dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  cpSync(resolve('stacks', stack, 'db', 'init'), join(root, 'db', 'init'), { recursive: true });
  cpSync(resolve('stacks', stack, 'db', 'init'), join(dir, DB_INIT_DIR), { recursive: true });
  cpSync(resolve('src/lib/webcontainer/pglite-server.mjs'), join(dir, PGLITE_SERVER));
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, timeout: 300_000 });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Started {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node <args>` in `dir` and resolves when its output contains `ready`. */
export function startNode(dir: string, args: string[], env: Record<string, string>, ready: string, timeoutMs: number): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started: Started = {
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`node ${args.join(' ')}: "${ready}" not seen after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolveStart(started);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node ${args.join(' ')} exited ${code}:\n${output}`));
    });
  });
}

/** The WebContainer's environment with free ports; Redis stays configured and absent. */
export function containerEnv(pgPort: number, apiPort: number, redisPort: number): Record<string, string> {
  return {
    ...CONTAINER_ENV,
    PGPORT: String(pgPort),
    DATABASE_URL: CONTAINER_ENV['DATABASE_URL']?.replace(':5432/', `:${pgPort}/`) ?? '',
    API_PORT: String(apiPort),
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  };
}

export async function runNpmTest(dir: string): Promise<string> {
  const { stdout } = await run('npm', ['test'], { cwd: dir, timeout: 300_000 });
  return stdout;
}

/** One JSON call to the API under test, as the panel's route buttons make them. */
export async function callJson(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}
