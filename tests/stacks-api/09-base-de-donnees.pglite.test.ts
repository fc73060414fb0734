import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiChapter } from '../../src/lib/webcontainer/api-chapters.ts';
import { callJson, containerEnv, freePort, installStackCopy, runNpmTest, startNode, type StackCopy, type Started } from '../../src/lib/webcontainer/testing/stack-api.ts';

// Chapter 09's API as "Lancer l'API dans le navigateur" runs it: PGlite with
// the init SQL, the chapter's pre-start scripts (migrations), then the API.

const run = promisify(execFile);
let copy: StackCopy;
let database: Started | undefined;
let api: Started | undefined;
let url = '';
const migrations: string[] = [];

beforeAll(async () => {
  copy = await installStackCopy('09-base-de-donnees');
  const [pgPort, apiPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  const env = containerEnv(pgPort, apiPort, redisPort);
  database = await startNode(copy.dir, ['pglite-server.mjs', 'db-init'], env, 'pglite: ready', 90_000);
  for (const script of apiChapter('09-base-de-donnees')?.preStart ?? []) {
    const { stdout } = await run(process.execPath, [script], { cwd: copy.dir, env: { ...process.env, ...env }, timeout: 60_000 });
    migrations.push(stdout);
  }
  api = await startNode(copy.dir, ['src/index.js'], env, 'listening on port', 30_000);
  url = `http://127.0.0.1:${apiPort}`;
}, 400_000);

afterAll(async () => {
  await api?.stop();
  await database?.stop();
  copy?.cleanup();
});

const call = (method: string, path: string, body?: unknown) => callJson(url, method, path, body);

describe('chapter 09 API on PGlite (pglite-socket), without Redis', () => {
  test('the migrations ran against PGlite before the API', () => {
    expect(migrations.join('')).toContain('migrate: applied 001-orders-status-check.sql');
    expect(migrations.join('')).toContain('migrate: applied 002-products-name-search.sql');
  });

  test('/health answers 200, db ok, cache down: the degraded mode', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { status: 'degraded', db: 'ok', cache: 'down' } });
  });

  test('every route the panel offers answers 200', async () => {
    for (const route of apiChapter('09-base-de-donnees')?.routes ?? []) {
      expect((await call(route.method, route.path)).status, route.path).toBe(200);
    }
  });

  test('an order goes through the transaction on PGlite', async () => {
    const order = await call('POST', '/api/orders', { user_id: 2, product_id: 1, quantity: 3 });
    expect(order.status).toBe(201);
    expect(Number((order.body as { total_price: string }).total_price)).toBe(37.5);
    expect(((await call('GET', '/api/products/1')).body as { stock_quantity: number }).stock_quantity).toBe(97);
  });

  test("the api's own tests (npm test) pass", async () => {
    expect(await runNpmTest(copy.dir)).toMatch(/ℹ fail 0/);
  }, 300_000);
});
