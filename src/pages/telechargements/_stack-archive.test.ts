import { mkdirSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listStacks, stackFiles, zipStack } from './_stack-archive.ts';

function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'stacks-'));
  const stack = join(root, '05-api-nodejs');
  for (const dir of ['api/src', 'api/node_modules/x', 'certs', 'backups', 'secrets', 'secrets.example']) mkdirSync(join(stack, dir), { recursive: true });
  writeFileSync(join(stack, 'secrets/postgres_password.txt'), 'real-password\n');
  writeFileSync(join(stack, 'secrets.example/postgres_password.txt'), 'dev-only\n');
  writeFileSync(join(stack, 'compose.yaml'), 'services: {}\n');
  writeFileSync(join(stack, '.env'), 'POSTGRES_PASSWORD=secret\n');
  writeFileSync(join(stack, '.env.example'), 'POSTGRES_PASSWORD=\n');
  writeFileSync(join(stack, 'api/src/index.js'), 'console.log(1);\n');
  writeFileSync(join(stack, 'api/node_modules/x/index.js'), '');
  writeFileSync(join(stack, 'certs/site.pem'), 'KEY');
  writeFileSync(join(stack, 'backups/db.dump'), 'DUMP');
  writeFileSync(join(stack, 'smoke-test.sh'), '#!/bin/sh\n');
  chmodSync(join(stack, 'smoke-test.sh'), 0o755);
  mkdirSync(join(root, 'not-a-stack'));
  return root;
}

describe('stack archives', () => {
  it('lists only the NN-slug folders', () => {
    expect(listStacks(fixture())).toEqual(['05-api-nodejs']);
  });

  it('leaves out .env, Swarm secrets, dependencies, certificates and backups but keeps the examples', () => {
    expect(stackFiles('05-api-nodejs', fixture())).toEqual(['.env.example', 'api/src/index.js', 'compose.yaml', 'secrets.example/postgres_password.txt', 'smoke-test.sh']);
  });

  it('zips the files under the stack folder with their content', () => {
    const entries = unzipSync(zipStack('05-api-nodejs', fixture()));
    expect(Object.keys(entries).sort()).toEqual([
      '05-api-nodejs/.env.example',
      '05-api-nodejs/api/src/index.js',
      '05-api-nodejs/compose.yaml',
      '05-api-nodejs/secrets.example/postgres_password.txt',
      '05-api-nodejs/smoke-test.sh',
    ]);
    expect(strFromU8(entries['05-api-nodejs/compose.yaml']!)).toBe('services: {}\n');
  });

  it('gives the same bytes for the same files', () => {
    const root = fixture();
    expect(zipStack('05-api-nodejs', root)).toEqual(zipStack('05-api-nodejs', root));
  });
});
