import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API_CHAPTERS } from './api-chapters.ts';
import { loadStackFiles } from './stack-files.ts';

describe('loadStackFiles', () => {
  test.each(API_CHAPTERS.map((chapter) => chapter.stack))('bundles the API and init SQL of %s, without node_modules nor tests', async (stack) => {
    const files = await loadStackFiles(stack);
    expect(files).not.toBeNull();
    const apiPaths = Object.keys(files?.apiFiles ?? {});
    expect(apiPaths).toContain(`/stacks/${stack}/api/package.json`);
    expect(apiPaths).toContain(`/stacks/${stack}/api/package-lock.json`);
    expect(apiPaths).toContain(`/stacks/${stack}/api/src/index.js`);
    expect(apiPaths.filter((path) => path.includes('/node_modules/') || path.includes('/test/'))).toEqual([]);
    expect(Object.keys(files?.initFiles ?? {})).toContain(`/stacks/${stack}/db/init/01-schema.sql`);
  });

  test('every chapter with a runner has its scripts and a /health route', () => {
    for (const chapter of API_CHAPTERS) {
      for (const script of chapter.preStart) expect(existsSync(`stacks/${chapter.stack}/api/${script}`), script).toBe(true);
      expect(chapter.routes.map((route) => route.path)).toContain('/health');
    }
  });

  test('a stack without an API has nothing to load', async () => {
    expect(await loadStackFiles('04-client')).toBeNull();
  });
});
