import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStackFiles } from './stack-files.ts';

const stacks = resolve(import.meta.dirname, 'fixtures/stacks');

describe('listStackFiles', () => {
  it('lists the files a learner downloads, sorted, without installed dependencies', () => {
    expect(listStackFiles(stacks, '01-demo')).toEqual(['.env.example', 'compose.yaml', 'nginx/default.conf', 'README.md']);
  });

  it('gives an empty list for a stack not written yet', () => {
    expect(listStackFiles(stacks, '99-absent')).toEqual([]);
  });
});
