import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import pgliteServer from '../../lib/webcontainer/pglite-server.mjs?raw';
import { apiChapter } from '../../lib/webcontainer/api-chapters.ts';
import { loadStackFiles } from '../../lib/webcontainer/stack-files.ts';
import { freePort } from '../../lib/webcontainer/testing/stack-api.ts';
import { nodeContainerHost } from '../../lib/webcontainer/testing/node-container.ts';
import { API_PORT, CONTAINER_ENV, createApiRunner, type RunnerState } from './api-runner.ts';
import { buildMountTree } from './mount-tree.ts';

// The runner's real sequence with Node standing in for WebContainer: the
// bundled stack files plus a learner's edit, `npm install` from the registry,
// PGlite, chapter 09's migrations, then the API, reached on its preview URL.

const stack = '09-base-de-donnees';
let cleanup = (): void => {};
afterAll(() => cleanup());

test('runs chapter 09 with a learner’s edit, up to a degraded /health and the edited route', async () => {
  const files = await loadStackFiles(stack);
  const chapter = apiChapter(stack);
  if (!files || !chapter) throw new Error('chapter 09 has no API files');
  const index = files.apiFiles[`/stacks/${stack}/api/src/index.js`] ?? '';
  const edited = index.replace("app.use('/api/users', users);", "app.use('/api/users', users);\napp.get('/api/bonjour', (req, res) => res.json({ message: 'Bonjour' }));");
  expect(edited).not.toBe(index);

  const [pgPort, apiPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  const host = nodeContainerHost(
    {
      PGPORT: String(pgPort),
      DATABASE_URL: CONTAINER_ENV['DATABASE_URL']?.replace(':5432/', `:${pgPort}/`) ?? '',
      API_PORT: String(apiPort),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    },
    { [API_PORT]: apiPort },
  );
  const states: RunnerState['kind'][] = [];
  let output = '';
  const runner = createApiRunner({
    host,
    tree: buildMountTree({ ...files, pgliteServer, stack, edits: { 'api/src/index.js': edited, 'compose.yaml': 'services: {}' } }),
    preStart: chapter.preStart,
    environment: () => ({ crossOriginIsolated: true, sharedArrayBuffer: true, onLine: true }),
    onChange: (state) => states.push(state.kind),
    onOutput: (text) => (output += text),
  });
  cleanup = () => {
    runner.stop();
    if (host.dir()) rmSync(host.dir(), { recursive: true, force: true });
  };

  const started = Date.now();
  await runner.start();
  const state = runner.state();
  expect(state, output).toMatchObject({ kind: 'running' });
  console.log(`runner in Node: running after ${Date.now() - started} ms`);
  expect(states).toEqual(['booting', 'installing', 'starting', 'running']);
  expect(output).toContain('pglite: applied 01-schema.sql');
  expect(output).toContain('migrate: applied 001-orders-status-check.sql');

  const url = state.kind === 'running' ? state.url : '';
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'degraded', db: 'ok', cache: 'down' });
  expect(await (await fetch(`${url}/api/bonjour`)).json()).toEqual({ message: 'Bonjour' });
  expect((await (await fetch(`${url}/api/products`)).json()) as unknown[]).toHaveLength(2);

  runner.stop();
  expect(runner.state().kind).toBe('stopped');
  await expect.poll(() => fetch(`${url}/health`).then(() => 'up', () => 'down'), { timeout: 10_000 }).toBe('down');
}, 400_000);
