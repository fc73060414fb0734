// The CLI's container image (deploy/cli.Dockerfile), built as CI builds it:
// from the packed tarball on the stand-in node:24-alpine, then run on a
// mounted fixture folder as a CI job or a developer would.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerDisabled, dockerOk, requireImage, Scratch } from '../images/support/docker.ts';
import { packTarball, repo } from '../package/pack.ts';

const fixtures = join(repo, 'tests/package/fixtures');
const scratch = new Scratch();
let tag = '';
let context = '';

describe.skipIf(dockerDisabled)('the atelier-compose container image', () => {
  beforeAll(async () => {
    await requireImage('node:24-alpine');
    const tarball = packTarball();
    // The build context is the tarball alone: nothing else of the repository enters the image.
    context = mkdtempSync(join(tmpdir(), 'atelier-cli-image-'));
    cpSync(tarball, join(context, basename(tarball)));
    tag = scratch.image();
    await dockerOk(['build', '--quiet', '-f', join(repo, 'deploy/cli.Dockerfile'), '-t', tag, context]);
  }, 600_000);

  afterAll(async () => {
    await scratch.cleanup();
    if (context) rmSync(context, { recursive: true, force: true });
  });

  it('checks the mounted folder by default and exits 0 when it is clean', async () => {
    const result = await docker(['run', '--rm', '-v', `${join(fixtures, 'clean')}:/src:ro`, tag]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Aucun problème trouvé.');
    expect(result.code).toBe(0);
  });

  it('prints the errors of a broken project with their paths and exits 1', async () => {
    const result = await docker(['run', '--rm', '-v', `${join(fixtures, 'broken')}:/src:ro`, tag]);
    expect(result.stdout).toMatch(/^compose\.yaml:7:9 erreur invalid-port /m);
    expect(result.stdout).toMatch(/^default\.conf:2:14 erreur nginx-missing-semicolon /m);
    expect(result.code).toBe(1);
  });

  it('takes the command and its options as arguments, and runs as the unprivileged node user', async () => {
    const result = await docker(['run', '--rm', '-v', `${fixtures}:/src:ro`, tag, 'check', 'broken/compose.yaml']);
    expect(result.stdout).toMatch(/^broken\/compose\.yaml:7:9 erreur invalid-port /m);
    expect(result.code).toBe(1);
    expect((await dockerOk(['image', 'inspect', '--format', '{{.Config.User}}', tag])).trim()).toBe('node');
  });

  it('starts from the code cache its build filled, readable by the node user', async () => {
    const listing = await dockerOk(['run', '--rm', '--entrypoint', 'sh', tag, '-c', 'ls "$NODE_COMPILE_CACHE/atelier-compose" && test -r "$NODE_COMPILE_CACHE"/atelier-compose/*.bin && echo readable']);
    expect(listing.trim()).toMatch(/^v24\.\d+\.\d+-x64-\d+-\d+\.bin\nreadable$/);
  });
});
