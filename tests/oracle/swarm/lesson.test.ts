// Chapter 12's workshop files judged by the real `docker stack config`, live
// (the recorded corpus holds a copy of the solution; this catches an edit of
// the lesson between two recordings). Needs the Docker CLI, not a daemon.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const lessonDir = fileURLToPath(new URL('../../../src/content/lessons/12-plusieurs-machines/', import.meta.url));
const docker = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim();
const required = process.env['ATELIER_REQUIRE_ORACLES'] === '1';

function stackConfig(variant: 'start' | 'solution'): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-stack-config-'));
  cpSync(join(lessonDir, variant, 'stack.yaml'), join(dir, 'stack.yaml'));
  const result = spawnSync(docker, ['stack', 'config', '-c', 'stack.yaml'], { cwd: dir, encoding: 'utf8', env: { HOME: dir, PATH: '/usr/bin:/bin' } });
  return { status: result.status, stderr: result.stderr };
}

describe.skipIf(docker === '' && !required)('chapter 12 files judged by docker stack config', () => {
  it('accepts the solution stack file as written', () => {
    expect(stackConfig('solution')).toEqual({ status: 0, stderr: '' });
  });

  it('refuses the start file, the chapter 11 compose file, as the lesson says', () => {
    const { status, stderr } = stackConfig('start');
    expect(status).not.toBe(0);
    expect(stderr).not.toBe('');
  });
});
