// Each stand-in image against the contract file of its official image
// (scripts/images/<name>/contract.json): configuration, tools present or
// absent, users and environment, as the cited Dockerfile lines say.
import { describe, expect, it } from 'vitest';
import { readContract, STAND_INS } from '../../scripts/images/contract.ts';
import { dockerDisabled, dockerOk, requireImage } from './support/docker.ts';

interface ImageConfig {
  Entrypoint: string[] | null;
  Cmd: string[] | null;
  StopSignal?: string;
  ExposedPorts: Record<string, object> | null;
  WorkingDir?: string;
  Volumes: Record<string, object> | null;
  Env: string[];
}

function actual(config: ImageConfig, field: string): string | string[] {
  switch (field) {
    case 'ExposedPorts':
      return Object.keys(config.ExposedPorts ?? {});
    case 'Volumes':
      return Object.keys(config.Volumes ?? {});
    case 'StopSignal':
      return config.StopSignal ?? '';
    case 'WorkingDir':
      return config.WorkingDir ?? '';
    case 'Entrypoint':
      return config.Entrypoint ?? [];
    default:
      return config.Cmd ?? [];
  }
}

describe.skipIf(dockerDisabled).each(STAND_INS)('the %s stand-in keeps its contract', (name) => {
  const contract = readContract(name);

  it(`declares the configuration of ${contract.image}`, async () => {
    await requireImage(contract.image);
    const config = JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', contract.image])) as ImageConfig;
    for (const entry of contract.config) expect(actual(config, entry.field), `${entry.field} (${entry.source.path}:${entry.source.line})`).toEqual(entry.value);
    const env = new Map(config.Env.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    for (const entry of contract.env) expect(env.get(entry.name), entry.name).toBe(entry.standIn ?? entry.value);
  });

  it('has the tools the official image has, and not those it lacks', async () => {
    // A file on the PATH, as `docker exec` needs: a shell builtin (kill) does not count.
    const script = contract.tools.map((t) => `found=non; for d in $(echo "$PATH" | tr ':' ' '); do [ -x "$d/${t.name}" ] && found=oui; done; echo "${t.name} $found"`).join('; ');
    const found = (await dockerOk(['run', '--rm', '--entrypoint', 'sh', contract.image, '-c', script])).trim().split('\n');
    expect(found).toEqual(contract.tools.map((t) => `${t.name} ${t.present ? 'oui' : 'non'}`));
  });

  it('has the users of the official image, with their ids', async () => {
    const script = contract.users.map((u) => `echo "${u.name} $(id -u ${u.name}) $(id -g ${u.name})"`).join('; ');
    const found = (await dockerOk(['run', '--rm', '--entrypoint', 'sh', contract.image, '-c', script])).trim().split('\n');
    expect(found).toEqual(contract.users.map((u) => `${u.name} ${u.uid} ${u.gid}`));
  });
});
