import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageBudget } from './budget.ts';

const dist = resolve(import.meta.dirname, 'fixtures/budget');
const gz = (file: string): number => gzipSync(readFileSync(resolve(dist, file)), { level: 6 }).length;

describe('pageBudget', () => {
  it('counts scripts, modulepreloads and their static imports once each, never dynamic import() chunks', async () => {
    const budget = await pageBudget(dist, 'lecons/01-a/index.html');
    expect(budget.files.sort()).toEqual(['/_astro/entry.js', '/_astro/shared.js', '/theme-init.js']);
    expect(budget.gzipBytes).toBe(gz('_astro/entry.js') + gz('_astro/shared.js') + gz('theme-init.js'));
  });
});
