// Each stack is a self-contained download, so the API is copied into every
// chapter that runs one, on purpose. This keeps the copies from drifting: a
// fix made in one chapter must reach the others. Two families exist: the
// simple API (chapters 02–08, 10) and the one with repositories and
// migrations (09, 11); within a family, every source file is identical.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const stacksDir = fileURLToPath(new URL('./', import.meta.url));
const apis = readdirSync(stacksDir)
  .filter((name) => /^\d\d-/.test(name) && existsSync(join(stacksDir, name, 'api/src')))
  .sort();

function sourceFiles(api: string): string[] {
  const files = readdirSync(join(api, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(api, 'src', path)).isFile())
    .map((path) => `src/${path.split('\\').join('/')}`);
  return [...files, 'Dockerfile', '.dockerignore'].filter((path) => existsSync(join(api, path))).sort();
}

const families = new Map<string, string[]>();
for (const stack of apis) {
  const family = existsSync(join(stacksDir, stack, 'api/src/repositories')) ? 'repositories' : 'simple';
  families.set(family, [...(families.get(family) ?? []), stack]);
}

describe('the API copied into the stacks', () => {
  it('exists in the chapters that run an API', () => {
    expect(apis.length).toBeGreaterThanOrEqual(8);
  });

  it.each([...families])('has identical sources within the %s family', (_family, stacks) => {
    const [first, ...others] = stacks;
    const reference = sourceFiles(join(stacksDir, first!, 'api'));
    const digest = (stack: string, path: string): string =>
      createHash('sha256').update(readFileSync(join(stacksDir, stack, 'api', path))).digest('hex');
    for (const stack of others) {
      expect(sourceFiles(join(stacksDir, stack, 'api')), `files of ${stack}/api vs ${first}/api`).toEqual(reference);
      const drifted = reference.filter((path) => digest(stack, path) !== digest(first!, path));
      expect(drifted, `${stack}/api differs from ${first}/api`).toEqual([]);
    }
  });
});
