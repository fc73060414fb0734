// Chapter 12's stack on a Swarm of three machines, all on this one: a manager
// and two workers, each a Docker-in-Docker container running Debian's
// docker.io, and a registry built from Debian's docker-registry, from which
// the workers pull the images as a real cluster does (the official names
// through a registry mirror, the API under registry:5000/). Everything sits
// on a private Docker network made for the run; the test talks only to its
// own containers. It proves that the stack spreads over several nodes, that
// `docker node update --availability drain` moves the tasks away, and that
// stopping a worker gets its tasks rescheduled on the others.
//   npx vitest run --project swarm tests/swarm/multi-node.test.ts
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, request } from '../stacks/support/http.ts';
import { buildApiImages, converged, copyStack, docker, keepAsking, poll, repoRoot, report, run, seconds, spread, type ServiceState, type StackCopy } from './support/swarm.ts';

const prefix = `atelier-swarm-${process.pid}`;
const network = prefix;
const registryName = `${prefix}-registry`;
const nodeNames = ['manager', 'worker1', 'worker2'] as const;
type NodeName = (typeof nodeNames)[number];
const container = (node: NodeName): string => `${prefix}-${node}`;
const stack = 'atelier';
const cache = process.env['ATELIER_CACHE'] ?? '/var/cache/atelier-compose';
// The official images the stack names, served by the registry as Docker Hub's mirror.
const officialImages = ['nginx:1.30-alpine', 'postgres:17-alpine', 'redis:8-alpine'];

let copy: StackCopy | undefined;
let apiTag = '';
const pushedTags: string[] = [];
let builtImages: string[] = [];
const addresses = new Map<NodeName, string>();

/** `docker …` run by one node's own CLI, against its own daemon. */
function onNode(node: NodeName, args: readonly string[], options: { env?: Record<string, string>; cwd?: string; ok?: boolean; timeoutMs?: number } = {}): ReturnType<typeof docker> {
  const envArgs = Object.entries(options.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  const cwdArgs = options.cwd ? ['-w', options.cwd] : [];
  return docker(['exec', ...envArgs, ...cwdArgs, container(node), 'docker', ...args], { ok: options.ok, timeoutMs: options.timeoutMs });
}

async function onManagerLines(args: readonly string[]): Promise<string[]> {
  return (await onNode('manager', args)).stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Node → number of running tasks of the stack's services there. */
async function tasksByNode(service?: string): Promise<Map<string, number>> {
  const names = service ? [`${stack}_${service}`] : (await onManagerLines(['stack', 'services', '--format', '{{.Name}}', stack]));
  const rows = await onManagerLines(['service', 'ps', '--filter', 'desired-state=running', '--format', '{{.Node}}|{{.CurrentState}}', ...names]);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const [node = '', state = ''] = row.split('|');
    if (state.startsWith('Running')) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/** Three API tasks running, none on `avoid`, each container healthy (running = healthy under Swarm). */
async function apiSettledAwayFrom(avoid: string): Promise<Map<string, number> | undefined> {
  const rows = await onManagerLines(['service', 'ps', '--filter', 'desired-state=running', '--format', '{{.Node}}|{{.CurrentState}}', `${stack}_api`]);
  const settled = rows.length === 3 && rows.every((row) => row.split('|')[1]?.startsWith('Running') && row.split('|')[0] !== avoid);
  return settled ? tasksByNode('api') : undefined;
}

const format = (counts: Map<string, number>): string => [...counts].map(([node, n]) => `${node} ${n}`).join(', ');

beforeAll(async () => {
  const start = performance.now();
  const built = await run('bash', [join(repoRoot, 'scripts/swarm/images.sh')], { timeoutMs: 900_000 });
  if (built.code !== 0) throw new Error(`scripts/swarm/images.sh failed:\n${built.stderr}`);
  const tags = Object.fromEntries(built.stdout.trim().split('\n').map((line) => line.split('=') as [string, string]));
  const registryDir = join(cache, 'swarm-registry');
  await mkdir(registryDir, { recursive: true });

  await docker(['network', 'create', '--label', `atelier.swarm-test=${prefix}`, network]);
  // The registry's storage is a cache kept between runs: pushing layers it already holds costs nothing.
  await docker(['run', '-d', '--name', registryName, '--network', network, '--network-alias', 'registry', '-p', '127.0.0.1::5000', '-v', `${registryDir}:/var/lib/docker-registry`, tags['registry']!]);
  for (const node of nodeNames) {
    await docker(['run', '-d', '--privileged', '--name', container(node), '--hostname', node, '--network', network, tags['dind']!, '--insecure-registry', 'registry:5000', '--registry-mirror', 'http://registry:5000']);
  }
  const published = (await docker(['port', registryName, '5000'])).stdout.trim().split('\n')[0]!;
  const hostRegistry = `127.0.0.1:${published.split(':').at(-1)}`;

  // Images in, while the nodes' daemons start.
  const images = await buildApiImages(hostRegistry);
  apiTag = images.tag;
  builtImages = [images.good, images.broken];
  const pushes = [images.good];
  for (const image of officialImages) {
    const tag = `${hostRegistry}/library/${image}`;
    await docker(['tag', image, tag]);
    pushes.push(tag);
  }
  pushedTags.push(...pushes.slice(1));
  await poll('the registry', 30_000, async () => ((await request(`http://${hostRegistry}/v2/`)).status === 200 ? true : undefined));
  const pushStart = performance.now();
  await Promise.all(pushes.map((tag) => docker(['push', '-q', tag], { timeoutMs: 600_000 })));
  report(`several nodes: images pushed to the registry in ${seconds(performance.now() - pushStart)}`);

  for (const node of nodeNames) {
    await poll(`the ${node} daemon`, 60_000, async () => ((await onNode(node, ['info', '--format', '{{.ServerVersion}}'], { ok: false })).code === 0 ? true : undefined));
    const ip = (await docker(['inspect', '--format', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, container(node)])).stdout.trim();
    addresses.set(node, ip);
  }
  await onNode('manager', ['swarm', 'init', '--advertise-addr', addresses.get('manager')!]);
  // Heartbeats every 2 s (5 s by default): a stopped worker is noticed sooner.
  await onNode('manager', ['swarm', 'update', '--dispatcher-heartbeat', '2s']);
  const token = (await onNode('manager', ['swarm', 'join-token', '-q', 'worker'])).stdout.trim();
  for (const worker of ['worker1', 'worker2'] as const) {
    await onNode(worker, ['swarm', 'join', '--token', token, `${addresses.get('manager')}:2377`]);
  }
  await poll('three ready nodes', 60_000, async () => {
    const states = await onManagerLines(['node', 'ls', '--format', '{{.Status}}']);
    return states.length === 3 && states.every((state) => state === 'Ready') ? true : undefined;
  });
  await onNode('manager', ['node', 'update', '--label-add', 'atelier.db=true', 'manager']);

  copy = await copyStack();
  await docker(['cp', `${copy.dir}/.`, `${container('manager')}:/stack`]);
  report(`several nodes: cluster of 3 nodes and registry ready in ${seconds(performance.now() - start)}`);
}, 900_000);

afterAll(async () => {
  // The nodes' own volumes (/var/lib/docker) go with them (-v).
  await docker(['rm', '-f', '-v', ...nodeNames.map(container), registryName], { ok: false });
  await docker(['network', 'rm', network], { ok: false });
  if (pushedTags.length + builtImages.length > 0) await docker(['image', 'rm', ...pushedTags, ...builtImages], { ok: false });
  await copy?.remove();
}, 300_000);

describe('chapter 12 stack on a three-node Swarm (Docker-in-Docker)', () => {
  it('deploys from the manager, the workers pulling from the registry, over several nodes', async () => {
    const start = performance.now();
    await onNode('manager', ['stack', 'deploy', '--detach=true', '-c', 'compose.yaml', stack], {
      cwd: '/stack',
      env: { REGISTRY: 'registry:5000', API_TAG: apiTag, HTTP_PORT: '8080' },
    });
    await poll('the stack to converge on the cluster', 300_000, async () => {
      const rows = await onManagerLines(['service', 'ls', '--filter', `label=com.docker.stack.namespace=${stack}`, '--format', '{{.Name}}|{{.Mode}}|{{.Replicas}}']);
      const states = rows.map((row): ServiceState => {
        const [name = '', mode = '', replicas = ''] = row.split('|');
        return { name, mode, replicas };
      });
      return states.length === 6 && states.every(converged) ? states : undefined;
    });
    report(`several nodes: deploy → converged in ${seconds(performance.now() - start)}`);
    const byNode = await tasksByNode();
    const apiByNode = await tasksByNode('api');
    report(`several nodes: running tasks per node: ${format(byNode)}; API: ${format(apiByNode)}`);
    // The proxy runs on every node (global): the replicated API is what must spread.
    expect(apiByNode.size).toBeGreaterThanOrEqual(2);
    // The workers really pulled from the registry.
    const pulled = (await onNode('worker1', ['image', 'ls', '--format', '{{.Repository}}'])).stdout + (await onNode('worker2', ['image', 'ls', '--format', '{{.Repository}}'])).stdout;
    expect(pulled).toMatch(/registry:5000\/atelier-api|nginx/);
  });

  it('answers through the proxy of any node, spreading over replicas on several nodes', async () => {
    for (const node of nodeNames) {
      const health = await poll(`the API through ${node}'s proxy`, 60_000, async () => {
        const response = await request(`http://${addresses.get(node)}:8080/api/health`);
        return response.status === 200 ? response : undefined;
      });
      expect(json(health)).toEqual({ status: 'ok', db: 'ok', cache: 'ok' });
    }
    const tasks = await spread(`http://${addresses.get('worker1')}:8080`, 30);
    report(`several nodes: 30 requests over ${tasks.size} replicas: ${[...tasks.values()].join(' / ')}`);
    expect(tasks.size).toBeGreaterThanOrEqual(2);
  });

  it('moves the tasks off a drained worker', async () => {
    const api = await tasksByNode('api');
    const drained = (['worker1', 'worker2'] as const).find((worker) => (api.get(worker) ?? 0) > 0) ?? 'worker1';
    const asking = keepAsking(`http://${addresses.get('manager')}:8080/api/products`);
    const start = performance.now();
    await onNode('manager', ['node', 'update', '--availability', 'drain', drained]);
    const settled = await poll('the API tasks to leave the drained node', 180_000, () => apiSettledAwayFrom(drained));
    const movedMs = performance.now() - start;
    const left = await poll('every task to leave the drained node', 120_000, async () => ((await tasksByNode()).has(drained) ? undefined : true));
    const statuses = await asking.stop();
    const failed = statuses.filter((status) => status !== 200).length;
    report(`several nodes: drain ${drained}: API tasks moved in ${seconds(movedMs)} (now ${format(settled)}); ${failed}/${statuses.length} requests failed meanwhile`);
    expect(left).toBe(true);
    await onNode('manager', ['node', 'update', '--availability', 'active', drained]);
  });

  it('reschedules the tasks of a worker that stops', async () => {
    const api = await tasksByNode('api');
    const stopped = (['worker1', 'worker2'] as const).find((worker) => (api.get(worker) ?? 0) > 0);
    expect(stopped, `an API task on a worker: ${format(api)}`).toBeDefined();
    const start = performance.now();
    await docker(['stop', '-t', '2', container(stopped!)]);
    await poll(`${stopped} to be seen down`, 120_000, async () => ((await onManagerLines(['node', 'inspect', '--format', '{{.Status.State}}', stopped!]))[0] === 'down' ? true : undefined));
    const downMs = performance.now() - start;
    const settled = await poll('the API tasks to be rescheduled', 180_000, () => apiSettledAwayFrom(stopped!));
    const rescheduledMs = performance.now() - start;
    report(`several nodes: ${stopped} stopped: seen down after ${seconds(downMs)}, API tasks rescheduled after ${seconds(rescheduledMs)} (now ${format(settled)})`);
    const health = await poll('the API after the rescheduling', 60_000, async () => {
      const response = await request(`http://${addresses.get('manager')}:8080/api/health`);
      return response.status === 200 ? response : undefined;
    });
    expect(json(health)).toMatchObject({ db: 'ok' });
  });
});
