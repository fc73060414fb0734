import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playgroundStacks } from './stack-files.ts';

describe('playgroundStacks', () => {
  it('offers the files the engine reads, with .env.example as .env', () => {
    const root = mkdtempSync(join(tmpdir(), 'stacks-'));
    const stack = join(root, '07-reverse-proxy');
    mkdirSync(join(stack, 'nginx'), { recursive: true });
    mkdirSync(join(stack, 'api'), { recursive: true });
    writeFileSync(join(stack, 'compose.yaml'), 'services: {}\n');
    writeFileSync(join(stack, '.env.example'), 'A=\n');
    writeFileSync(join(stack, '.env'), 'A=secret\n');
    writeFileSync(join(stack, 'nginx/proxy.conf.template'), 'server {}\n');
    writeFileSync(join(stack, 'api/Dockerfile'), 'FROM node\n');
    mkdirSync(join(root, '01-vide'));
    expect(playgroundStacks(root)).toEqual([
      { stack: '07-reverse-proxy', files: { '.env': 'A=\n', 'compose.yaml': 'services: {}\n', 'nginx/proxy.conf.template': 'server {}\n' } },
    ]);
  });
});
