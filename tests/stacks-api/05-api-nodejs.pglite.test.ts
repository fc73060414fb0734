import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callJson, containerEnv, freePort, installStackCopy, runNpmTest, startNode, type StackCopy, type Started } from '../../src/lib/webcontainer/testing/stack-api.ts';

// Chapter 05's API exactly as "Lancer l'API dans le navigateur" runs it (same
// files, same pglite-server.mjs, same environment), here in Node.

let copy: StackCopy;
let database: Started | undefined;
let api: Started | undefined;
let url = '';

beforeAll(async () => {
  copy = await installStackCopy('05-api-nodejs');
  const [pgPort, apiPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  const env = containerEnv(pgPort, apiPort, redisPort);
  database = await startNode(copy.dir, ['pglite-server.mjs', 'db-init'], env, 'pglite: ready', 90_000);
  api = await startNode(copy.dir, ['src/index.js'], env, 'listening on port', 30_000);
  url = `http://127.0.0.1:${apiPort}`;
}, 400_000);

afterAll(async () => {
  await api?.stop();
  await database?.stop();
  copy?.cleanup();
});

const call = (method: string, path: string, body?: unknown) => callJson(url, method, path, body);

describe('chapter 05 API on PGlite (pglite-socket), without Redis', () => {
  test('pglite-server.mjs applied the init SQL', () => {
    expect(database?.output()).toContain('pglite: applied 01-schema.sql');
  });

  test('/health answers 200, db ok, cache down: the degraded mode', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { status: 'degraded', db: 'ok', cache: 'down' } });
  });

  test('the users CRUD works against PGlite', async () => {
    const list = await call('GET', '/api/users');
    expect(list.status).toBe(200);
    expect((list.body as Array<{ username: string }>).map((user) => user.username)).toEqual(['admin', 'alice']);
    const created = await call('POST', '/api/users', { username: 'chloe', email: 'chloe@example.com' });
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    expect((await call('PUT', `/api/users/${id}`, { username: 'chloe', email: 'c@example.com' })).status).toBe(200);
    expect((await call('DELETE', `/api/users/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/users/${id}`)).status).toBe(404);
  });

  test("the api's own tests (npm test) pass", async () => {
    expect(await runNpmTest(copy.dir)).toMatch(/ℹ fail 0/);
  }, 300_000);
});
