import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAll } from './build-nginx-reference.ts';

describe('generate:nginx-reference', () => {
  it('regenerates exactly the committed table and docs', () => {
    for (const [path, text] of Object.entries(renderAll())) {
      const committed = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
      expect(committed === text, `${path} is stale: run npm run generate:nginx-reference`).toBe(true);
    }
  });
});
