// What the two Swarm tests share: the docker CLI, polling, the chapter 12
// stack copied with fresh secrets, the API image, and the checks a converged
// stack must pass. The daemon is shared with other test runs: everything
// created here carries a unique name and is removed by its creator.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, run, type RunResult } from '../../stacks/support/compose-project.ts';
import { request, type HttpResponse } from '../../stacks/support/http.ts';

export { repoRoot, run };

export const stackSlug = '12-plusieurs-machines';
export const stackSource = join(repoRoot, 'stacks', stackSlug);

/** `docker …` with an optional environment (DOCKER_HOST, the stack's variables); throws with the output on failure. */
export interface DockerOptions {
  env?: NodeJS.ProcessEnv | undefined;
  cwd?: string | undefined;
  timeoutMs?: number | undefined;
  /** false: return a failed result instead of throwing. */
  ok?: boolean | undefined;
}

export async function docker(args: readonly string[], options: DockerOptions = {}): Promise<RunResult> {
  const result = await run('docker', args, {
    env: { ...process.env, ...options.env },
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  if ((options.ok ?? true) && result.code !== 0) {
    throw new Error(`docker ${args.join(' ')} → ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Output lines of a docker command, trimmed, empty ones dropped. */
export async function lines(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string[]> {
  return (await docker(args, { env })).stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

export async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timeout (${timeoutMs} ms) waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The stack's three secrets, fresh random values, so a leak is found by searching for them. */
export interface StackCopy {
  dir: string;
  secrets: Record<'postgres_password' | 'app_db_password' | 'redis_password', string>;
  remove(): Promise<void>;
}

export async function copyStack(): Promise<StackCopy> {
  const dir = await mkdtemp(join(tmpdir(), `atelier-swarm-${process.pid}-`));
  await cp(stackSource, dir, { recursive: true, filter: (path) => !/\/(node_modules|secrets)$/.test(path) });
  const secrets = {
    postgres_password: `atelier-secret-${randomBytes(12).toString('hex')}`,
    app_db_password: `atelier-secret-${randomBytes(12).toString('hex')}`,
    redis_password: `atelier-secret-${randomBytes(12).toString('hex')}`,
  };
  await cp(join(dir, 'secrets.example'), join(dir, 'secrets'), { recursive: true });
  for (const [name, value] of Object.entries(secrets)) await writeFile(join(dir, 'secrets', `${name}.txt`), `${value}\n`);
  return { dir, secrets, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The chapter's API image, built from the stack, and a release of it whose
 * /health always answers 503 (tests/swarm/fixtures/broken-api). Tagged by
 * content, so a second run reuses both and a registry keeps one copy.
 */
export async function buildApiImages(repository: string): Promise<{ good: string; broken: string; tag: string }> {
  const scratch = `atelier-swarm-build-${process.pid}`;
  await docker(['build', '-q', '-t', scratch, join(stackSource, 'api')], { timeoutMs: 600_000 });
  const id = (await docker(['image', 'inspect', '--format', '{{.Id}}', scratch])).stdout.trim().replace('sha256:', '').slice(0, 12);
  const tag = `1.0-${id}`;
  const good = `${repository}/atelier-api:${tag}`;
  await docker(['tag', scratch, good]);
  const broken = `${repository}/atelier-api:${tag}-broken`;
  await docker(['build', '-q', '--build-arg', `BASE=${good}`, '-t', broken, join(repoRoot, 'tests/swarm/fixtures/broken-api')], { timeoutMs: 300_000 });
  await docker(['image', 'rm', scratch]);
  return { good, broken, tag };
}

/** Services of a stack as `docker service ls` shows them. */
export interface ServiceState {
  name: string;
  mode: string;
  replicas: string;
}

export async function services(stack: string, env?: NodeJS.ProcessEnv): Promise<ServiceState[]> {
  const rows = await lines(['service', 'ls', '--filter', `label=com.docker.stack.namespace=${stack}`, '--format', '{{.Name}}|{{.Mode}}|{{.Replicas}}'], env);
  return rows.map((row) => {
    const [name = '', mode = '', replicas = ''] = row.split('|');
    return { name, mode, replicas };
  });
}

/** Every replicated or global service at n/n, every job completed. */
export function converged(state: ServiceState): boolean {
  if (state.mode.endsWith('job')) {
    const done = /\((\d+)\/(\d+) completed\)/.exec(state.replicas);
    return done !== null && done[1] === done[2];
  }
  const counts = /^(\d+)\/(\d+)/.exec(state.replicas);
  return counts !== null && counts[1] === counts[2] && counts[2] !== '0';
}

export async function waitConverged(stack: string, expected: number, timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<ServiceState[]> {
  return poll(`stack ${stack} to converge`, timeoutMs, async () => {
    const state = await services(stack, env);
    return state.length === expected && state.every(converged) ? state : undefined;
  });
}

/**
 * Requests the API through the proxy and counts which task answered (X-Task),
 * once the proxy knows at least two replicas: nginx asks Swarm's DNS again
 * every 5 s (`valid=5s`), so right after a deployment it may still hold the
 * answer given when only the first task was healthy.
 */
export async function spread(base: string, count: number): Promise<Map<string, number>> {
  await poll('the proxy to reach two replicas', 30_000, async () => ((await countTasks(base, 6)).size >= 2 ? true : undefined)).catch(() => undefined);
  return countTasks(base, count);
}

async function countTasks(base: string, count: number): Promise<Map<string, number>> {
  const tasks = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const response = await request(`${base}/api/health`);
    const task = String(response.headers['x-task'] ?? '(none)');
    tasks.set(task, (tasks.get(task) ?? 0) + 1);
  }
  return tasks;
}

/**
 * Sends a request every `everyMs` until stopped, recording each status (0 for
 * a network error): the proof that a service kept answering during an event.
 */
export function keepAsking(url: string, everyMs = 250): { stop(): Promise<number[]> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const response: HttpResponse | undefined = await request(url, { timeoutMs: 5_000 }).catch(() => undefined);
      statuses.push(response?.status ?? 0);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return statuses;
    },
  };
}

export const summary: string[] = [];
/** A figure for the closing report, printed once all the tests of a file ran. */
export function report(line: string): void {
  summary.push(line);
  console.log(`swarm: ${line}`);
}
