// Contract of node:24-alpine as the stacks rely on it: node 24 with npm, the
// entrypoint that hands non-commands to node, the node user (uid 1000), no
// WORKDIR, busybox wget and no curl, and `npm ci` reaching the registry.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerDisabled, dockerOk, requireImage, Scratch } from './support/docker.ts';

const image = 'node:24-alpine';
const fixtures = resolve(import.meta.dirname, 'fixtures/node');
const app = `${fixtures}/app`;
const scratch = new Scratch();

describe.skipIf(dockerDisabled)(image, () => {
  beforeAll(() => requireImage(image));
  afterAll(() => scratch.cleanup());

  it('declares docker-entrypoint.sh and node, with no working directory, like the official image', async () => {
    const config = JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', image])) as {
      Entrypoint: string[];
      Cmd: string[];
      WorkingDir?: string;
      User?: string;
    };
    expect(config.Entrypoint).toEqual(['docker-entrypoint.sh']);
    expect(config.Cmd).toEqual(['node']);
    expect(config.WorkingDir ?? '').toBe('');
    expect(config.User ?? '').toBe('');
  });

  it('hands an option or a non-command first argument to node', async () => {
    expect((await dockerOk(['run', '--rm', image, '--version'])).trim()).toMatch(/^v24\.\d+\.\d+$/);
    expect((await dockerOk(['run', '--rm', image, '-p', '6 * 7'])).trim()).toBe('42');
    const script = await dockerOk(['run', '--rm', '-v', `${fixtures}/hello.js:/srv/hello.js:ro`, image, '/srv/hello.js']);
    expect(script.trim()).toBe('node v24 runs /srv/hello.js');
  });

  it('has a node user and group with id 1000 and home /home/node', async () => {
    const identity = await dockerOk(['run', '--rm', '--user', 'node', image, 'sh', '-c', 'id -u; id -g; id -gn; echo "$HOME"; test -w "$HOME" && echo writable']);
    expect(identity.trim().split('\n')).toEqual(['1000', '1000', 'node', '/home/node', 'writable']);
  });

  it('has npm, npx, corepack and yarn, busybox wget for healthchecks, and no curl', async () => {
    const tools = await dockerOk(['run', '--rm', image, 'sh', '-c', 'for t in node npm npx corepack yarn wget curl; do command -v "$t" >/dev/null && echo "$t"; done; true']);
    expect(tools.trim().split('\n')).toEqual(['node', 'npm', 'npx', 'corepack', 'yarn', 'wget']);
    expect((await dockerOk(['run', '--rm', image, 'npm', '--version'])).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs `npm ci` from the registry in a docker build, as the stacks do', async () => {
    const tag = scratch.image();
    // --no-cache: a cached layer would not prove the registry is reachable.
    const build = await docker(['build', '--quiet', '--no-cache', '-t', tag, app]);
    expect(build.stderr + build.stdout).not.toMatch(/ERR!/);
    expect(build.code).toBe(0);
    expect((await dockerOk(['run', '--rm', tag])).trim()).toBe('deux minutes = 120000 ms');
    expect((await dockerOk(['run', '--rm', tag, 'id', '-un'])).trim()).toBe('node');
  }, 300_000);
});
