// Contract of redis:8-alpine as the stacks rely on it: redis-server as CMD,
// reachable from other containers, options and config files as arguments,
// data in the /data volume, owned by the redis user.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerDisabled, dockerOk, logs, requireImage, Scratch, waitFor } from './support/docker.ts';

const image = 'redis:8-alpine';
const fixtures = resolve(import.meta.dirname, 'fixtures/redis');
const scratch = new Scratch();
let network: string;

/** redis-cli from another container on the network, as a stack's API connects. */
function cliFrom(host: string, ...args: string[]) {
  return docker(['run', '--rm', '--network', network, image, 'redis-cli', '-h', host, '--no-auth-warning', ...args]);
}

async function waitPong(container: string, ...auth: string[]): Promise<void> {
  await waitFor(
    `${container} to answer PING`,
    async () => (await docker(['exec', container, 'redis-cli', '--no-auth-warning', ...auth, 'ping'])).stdout.trim() === 'PONG',
    () => logs(container),
  );
}

describe.skipIf(dockerDisabled)(image, () => {
  beforeAll(async () => {
    await requireImage(image);
    network = await scratch.network();
  });
  afterAll(() => scratch.cleanup());

  it('declares redis-server as CMD, /data as WORKDIR and volume, 6379 as port', async () => {
    const config = JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', image])) as {
      Cmd: string[];
      WorkingDir: string;
      Volumes: Record<string, object>;
      ExposedPorts: Record<string, object>;
    };
    expect(config.Cmd).toEqual(['redis-server']);
    expect(config.WorkingDir).toBe('/data');
    expect(Object.keys(config.Volumes)).toEqual(['/data']);
    expect(Object.keys(config.ExposedPorts)).toEqual(['6379/tcp']);
  });

  it('with defaults, answers other containers (all interfaces, protected mode off) and runs as redis', async () => {
    const server = await scratch.start('redis', ['--network', network, image]);
    await waitPong(server);
    expect((await cliFrom(server, 'ping')).stdout.trim()).toBe('PONG');
    expect((await cliFrom(server, 'config', 'get', 'protected-mode')).stdout.trim().split('\n')).toEqual(['protected-mode', 'no']);
    expect((await dockerOk(['exec', server, 'stat', '-c', '%U', '/proc/1'])).trim()).toBe('redis');
    const tools = await dockerOk(['exec', server, 'sh', '-c', 'for t in redis-server redis-cli wget curl; do command -v "$t" >/dev/null && echo "$t"; done; true']);
    expect(tools.trim().split('\n')).toEqual(['redis-server', 'redis-cli', 'wget']);
  });

  it('honours `redis-server --appendonly yes --requirepass ...` and keeps the data in the /data volume', async () => {
    const volume = scratch.volume();
    const args = ['--network', network, '-v', `${volume}:/data`, image, 'redis-server', '--appendonly', 'yes', '--requirepass', 'motdepasse'];
    const first = await scratch.start('redis', args);
    await waitPong(first, '-a', 'motdepasse');

    const anonymous = await cliFrom(first, 'ping');
    expect(anonymous.stdout + anonymous.stderr).toContain('NOAUTH');
    expect((await cliFrom(first, '-a', 'motdepasse', 'config', 'get', 'appendonly')).stdout.trim().split('\n')).toEqual(['appendonly', 'yes']);
    expect((await cliFrom(first, '-a', 'motdepasse', 'set', 'panier', '3 articles')).stdout.trim()).toBe('OK');
    expect((await dockerOk(['exec', first, 'stat', '-c', '%U', '/data/appendonlydir'])).trim()).toBe('redis');

    // A new container on the same volume replays the append-only file.
    await dockerOk(['rm', '-f', first]);
    const second = await scratch.start('redis', args);
    await waitPong(second, '-a', 'motdepasse');
    expect((await cliFrom(second, '-a', 'motdepasse', 'get', 'panier')).stdout.trim()).toBe('3 articles');
  });

  // Lessons 08 and 11: the tutorials' `redis-cli --raw incr ping` healthcheck
  // always passes under --requirepass, and writes nothing while refused.
  it('redis-cli exits 0 on a NOAUTH error reply unless -e is given; the refused INCR writes no key', async () => {
    const server = await scratch.start('redis', ['--network', network, image, 'redis-server', '--requirepass', 'motdepasse']);
    await waitPong(server, '-a', 'motdepasse');
    const anonymous = await docker(['exec', server, 'redis-cli', '--raw', 'incr', 'ping']);
    expect(anonymous.stdout + anonymous.stderr).toContain('NOAUTH');
    expect(anonymous.code).toBe(0);
    const strict = await docker(['exec', server, 'redis-cli', '-e', '--raw', 'incr', 'ping']);
    expect(strict.code).not.toBe(0);
    expect((await docker(['exec', server, 'redis-cli', '-a', 'motdepasse', '--no-auth-warning', 'exists', 'ping'])).stdout.trim()).toBe('0');
    const healthcheck = await docker(['exec', '-e', 'REDIS_PASSWORD=motdepasse', server, 'sh', '-c', 'redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG']);
    expect(healthcheck.code).toBe(0);
    const wrong = await docker(['exec', '-e', 'REDIS_PASSWORD=faux', server, 'sh', '-c', 'redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG']);
    expect(wrong.code).not.toBe(0);
  });

  it('runs the stacks\' `sh -c "exec docker-entrypoint.sh redis-server ..."` as the redis user', async () => {
    const server = await scratch.start('redis', [
      '--network', network, '-e', 'REDIS_PASSWORD=secret-du-cache',
      image, 'sh', '-c', 'exec docker-entrypoint.sh redis-server --appendonly yes --requirepass "$REDIS_PASSWORD"',
    ]);
    await waitPong(server, '-a', 'secret-du-cache');
    expect((await cliFrom(server, '-a', 'secret-du-cache', 'ping')).stdout.trim()).toBe('PONG');
    expect((await dockerOk(['exec', server, 'stat', '-c', '%U', '/proc/1'])).trim()).toBe('redis');
  });

  it('takes a config file as first argument, still reachable from other containers', async () => {
    const server = await scratch.start('redis', [
      '--network', network, '-v', `${fixtures}/redis.conf:/usr/local/etc/redis/redis.conf:ro`,
      image, 'redis-server', '/usr/local/etc/redis/redis.conf',
    ]);
    await waitFor(
      `${server} to answer PING on 6380`,
      async () => (await docker(['exec', server, 'redis-cli', '-p', '6380', 'ping'])).stdout.trim() === 'PONG',
      () => logs(server),
    );
    expect((await cliFrom(server, '-p', '6380', 'config', 'get', 'appendonly')).stdout.trim().split('\n')).toEqual(['appendonly', 'yes']);
  });

  it('treats a first argument that is an option as redis-server options', async () => {
    const server = await scratch.start('redis', ['--network', network, image, '--port', '6390']);
    await waitFor(
      `${server} to answer PING on 6390`,
      async () => (await docker(['exec', server, 'redis-cli', '-p', '6390', 'ping'])).stdout.trim() === 'PONG',
      () => logs(server),
    );
  });
});
