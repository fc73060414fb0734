import { describe, expect, test } from 'vitest';
import {
  API_PORT,
  checkSupport,
  createApiRunner,
  statusMessage,
  stripAnsi,
  type Container,
  type ContainerHost,
  type ContainerProcess,
  type RunnerState,
  type Timeouts,
} from './api-runner.ts';

const OK_ENV = { crossOriginIsolated: true, sharedArrayBuffer: true, onLine: true };
const FAST: Timeouts = { boot: 50, install: 50, database: 50, start: 50 };

interface Script {
  /** Output lines, then the exit code (undefined: never exits). */
  output?: string[];
  exit?: number;
  /** For `node src/index.js`: announce the port. */
  listens?: boolean;
}

function fakeProcess(script: Script, onStart: () => void): ContainerProcess & { killed: boolean } {
  let finish: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (finish = resolve));
  const process = {
    killed: false,
    exit,
    output: new ReadableStream<string>({
      start(controller) {
        for (const line of script.output ?? []) controller.enqueue(line);
        onStart();
        if (script.exit !== undefined) {
          controller.close();
          finish(script.exit);
        }
      },
    }),
    kill() {
      process.killed = true;
      finish(137);
    },
  };
  return process;
}

function fakeHost(scripts: Record<string, Script>, boot: () => Promise<void> = async () => {}) {
  const spawned: string[] = [];
  const processes: Array<ContainerProcess & { killed: boolean }> = [];
  let mounted: unknown;
  let torn = false;
  let listener: ((port: number, url: string) => void) | undefined;
  const container: Container = {
    async mount(tree) {
      mounted = tree;
    },
    async spawn(command, args) {
      const line = [command, ...args].join(' ');
      spawned.push(line);
      const script = scripts[line] ?? { exit: 0 };
      const process = fakeProcess(script, () => {
        if (script.listens) queueMicrotask(() => listener?.(API_PORT, 'https://preview.example'));
      });
      processes.push(process);
      return process;
    },
    onServerReady(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    teardown() {
      torn = true;
    },
  };
  const host: ContainerHost = {
    async boot() {
      await boot();
      return container;
    },
  };
  return { host, spawned, processes, mounted: () => mounted, torn: () => torn };
}

const HAPPY: Record<string, Script> = {
  'npm install --no-audit --no-fund': { output: ['\u001b[32madded 97 packages\u001b[0m\n'], exit: 0 },
  'node pglite-server.mjs db-init': { output: ['pglite: applied 01-schema.sql\n', 'pglite: ready on 127.0.0.1:5432\n'] },
  'node src/migrate.js': { output: ['migrate: schema up to date\n'], exit: 0 },
  'node src/index.js': { output: ['api: listening on port 3000\n'], listens: true },
};

function run(host: ContainerHost, preStart: string[] = [], environment = OK_ENV) {
  const states: RunnerState['kind'][] = [];
  let output = '';
  const runner = createApiRunner({
    host,
    tree: { 'package.json': { file: { contents: '{}' } } },
    preStart,
    environment: () => environment,
    timeouts: FAST,
    onChange: (state) => states.push(state.kind),
    onOutput: (text) => (output += text),
  });
  return { runner, states, output: () => output };
}

describe('createApiRunner', () => {
  test('goes idle → booting → installing → starting → running, in order, with the preview URL', async () => {
    const fake = fakeHost(HAPPY);
    const { runner, states, output } = run(fake.host, ['src/migrate.js']);
    expect(runner.state().kind).toBe('idle');
    await runner.start();
    expect(states).toEqual(['booting', 'installing', 'starting', 'running']);
    expect(runner.state()).toEqual({ kind: 'running', url: 'https://preview.example' });
    expect(fake.spawned).toEqual(['npm install --no-audit --no-fund', 'node pglite-server.mjs db-init', 'node src/migrate.js', 'node src/index.js']);
    expect(fake.mounted()).toEqual({ 'package.json': { file: { contents: '{}' } } });
    expect(output()).toContain('added 97 packages');
    expect(output()).not.toContain('\u001b');
  });

  test('stop() kills the processes and a second start reuses the container without reinstalling', async () => {
    const fake = fakeHost(HAPPY);
    const { runner, states } = run(fake.host);
    await runner.start();
    runner.stop();
    expect(runner.state().kind).toBe('stopped');
    expect(fake.processes.filter((process) => process.killed)).toHaveLength(2);
    await runner.start();
    expect(states).toEqual(['booting', 'installing', 'starting', 'running', 'stopped', 'starting', 'running']);
    expect(fake.spawned.filter((line) => line.startsWith('npm'))).toHaveLength(1);
  });

  test.each([
    [{ ...OK_ENV, crossOriginIsolated: false }, 'not-isolated'],
    [{ ...OK_ENV, sharedArrayBuffer: false }, 'no-shared-array-buffer'],
    [{ ...OK_ENV, onLine: false }, 'offline'],
  ])('refuses to boot when the page cannot run it (%o → %s)', async (environment, reason) => {
    const fake = fakeHost(HAPPY);
    const { runner } = run(fake.host, [], environment);
    await runner.start();
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason } });
    expect(fake.spawned).toEqual([]);
    // Only coming back online can change the verdict without reloading the page.
    expect(runner.canStart()).toBe(reason === 'offline');
  });

  test('once back online, a second start boots', async () => {
    const fake = fakeHost(HAPPY);
    let onLine = false;
    const runner = createApiRunner({
      host: fake.host,
      tree: {},
      preStart: [],
      environment: () => ({ ...OK_ENV, onLine }),
      timeouts: FAST,
      onChange: () => {},
      onOutput: () => {},
    });
    await runner.start();
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason: 'offline' } });
    onLine = true;
    await runner.start();
    expect(runner.state().kind).toBe('running');
  });

  test('a boot that never answers fails within the boot timeout, and a retry waits for the same boot, which may come late', async () => {
    let release: () => void = () => {};
    let boots = 0;
    const fake = fakeHost(HAPPY, () => {
      boots += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    let retries = 0;
    const host: ContainerHost = { ...fake.host, retry: () => void (retries += 1) };
    const { runner } = run(host);
    const started = Date.now();
    await runner.start();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason: 'boot-timeout', seconds: 0.1 } });
    // The button stays usable: the network may come back without reloading the page.
    expect(runner.canStart()).toBe(true);
    const retry = runner.start();
    release();
    await retry;
    expect(runner.state().kind).toBe('running');
    expect([boots, retries]).toEqual([1, 1]);
    expect(fake.torn()).toBe(false);
  });

  test('says at once that StackBlitz is unreachable, rather than at the boot timeout, and lets the learner retry', async () => {
    let reachable = false;
    let release: () => void = () => {};
    const fake = fakeHost(HAPPY, () => new Promise<void>((resolve) => (release = resolve)));
    const host: ContainerHost = {
      ...fake.host,
      unreachable: () => (reachable ? new Promise<never>(() => {}) : Promise.reject(new Error('frame failed'))),
      retry: () => {
        reachable = true;
        queueMicrotask(release);
      },
    };
    const { runner } = run(host, [], OK_ENV);
    const slowTimeouts = await (async () => {
      const started = Date.now();
      await runner.start();
      return Date.now() - started;
    })();
    expect(slowTimeouts).toBeLessThan(FAST.boot);
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason: 'unreachable' } });
    expect(statusMessage(runner.state())).toContain('injoignables');
    expect(runner.canStart()).toBe(true);
    await runner.start();
    expect(runner.state().kind).toBe('running');
  });

  test('a refused boot keeps the reason as detail', async () => {
    const fake = fakeHost(HAPPY, async () => {
      throw new Error('Unable to create more instances');
    });
    const { runner } = run(fake.host);
    await runner.start();
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason: 'boot-refused', detail: 'Unable to create more instances' } });
  });

  test('npm install failing or hanging is reported, and a hanging install is killed', async () => {
    const failing = fakeHost({ ...HAPPY, 'npm install --no-audit --no-fund': { output: ['ERR! 404\n'], exit: 1 } });
    const first = run(failing.host);
    await first.runner.start();
    expect(first.runner.state()).toEqual({ kind: 'failed', failure: { reason: 'install-failed', code: 1 } });
    // Booted already: the learner may fix things and try again.
    expect(first.runner.canStart()).toBe(true);

    const hanging = fakeHost({ ...HAPPY, 'npm install --no-audit --no-fund': { output: ['fetching…\n'] } });
    const second = run(hanging.host);
    await second.runner.start();
    expect(second.runner.state()).toMatchObject({ kind: 'failed', failure: { reason: 'install-timeout' } });
    expect(hanging.processes[0]?.killed).toBe(true);
  });

  test('a database that exits or never gets ready is reported', async () => {
    const exits = fakeHost({ ...HAPPY, 'node pglite-server.mjs db-init': { output: ['Error: ENOENT\n'], exit: 1 } });
    const first = run(exits.host);
    await first.runner.start();
    expect(first.runner.state()).toEqual({ kind: 'failed', failure: { reason: 'database-failed', code: 1 } });

    const silent = fakeHost({ ...HAPPY, 'node pglite-server.mjs db-init': { output: ['pglite: applied 01-schema.sql\n'] } });
    const second = run(silent.host);
    await second.runner.start();
    expect(second.runner.state()).toMatchObject({ kind: 'failed', failure: { reason: 'database-timeout' } });
  });

  test('an API that crashes at start (a learner’s syntax error) is start-failed, one that stays silent times out', async () => {
    const crashes = fakeHost({ ...HAPPY, 'node src/index.js': { output: ['SyntaxError: Unexpected token\n'], exit: 1 } });
    const first = run(crashes.host);
    await first.runner.start();
    expect(first.runner.state()).toEqual({ kind: 'failed', failure: { reason: 'start-failed', code: 1 } });
    expect(first.output()).toContain('SyntaxError');

    const silent = fakeHost({ ...HAPPY, 'node src/index.js': { output: [] } });
    const second = run(silent.host);
    await second.runner.start();
    expect(second.runner.state()).toMatchObject({ kind: 'failed', failure: { reason: 'start-timeout' } });
  });

  test('a failing migration stops before the API', async () => {
    const fake = fakeHost({ ...HAPPY, 'node src/migrate.js': { exit: 1 } });
    const { runner } = run(fake.host, ['src/migrate.js']);
    await runner.start();
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason: 'start-failed', code: 1 } });
    expect(fake.spawned).not.toContain('node src/index.js');
  });

  test('an API that exits while running is reported as crashed', async () => {
    const fake = fakeHost(HAPPY);
    const { runner } = run(fake.host);
    await runner.start();
    fake.processes.at(-1)?.kill();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runner.state()).toEqual({ kind: 'failed', failure: { reason: 'crashed', code: 137 } });
  });
});

describe('statusMessage', () => {
  test('says each step in French', () => {
    expect(statusMessage({ kind: 'booting' })).toBe('Démarrage de WebContainer (Node.js dans le navigateur)…');
    expect(statusMessage({ kind: 'running', url: 'x' })).toContain('degraded');
  });

  test('a boot timeout names the delay, StackBlitz and the download', () => {
    const message = statusMessage({ kind: 'failed', failure: { reason: 'boot-timeout', seconds: 20 } });
    expect(message).toContain('20 s');
    expect(message).toContain('StackBlitz');
    expect(message).toContain('Téléchargez la stack');
  });

  test('a missing isolation names both headers', () => {
    const message = statusMessage({ kind: 'failed', failure: { reason: 'not-isolated' } });
    expect(message).toContain('Cross-Origin-Opener-Policy');
    expect(message).toContain('Cross-Origin-Embedder-Policy');
  });
});

describe('checkSupport', () => {
  test('is null when isolated, with SharedArrayBuffer, online', () => {
    expect(checkSupport(OK_ENV)).toBeNull();
  });
});

describe('stripAnsi', () => {
  test('removes colours and cursor codes, keeps the text', () => {
    expect(stripAnsi('\u001b[1m\u001b[32madded\u001b[39m\u001b[22m 3\u001b[?25l')).toBe('added 3');
  });
});
