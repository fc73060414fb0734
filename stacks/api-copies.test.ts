// Each stack is a self-contained download, so the API is copied into every
// chapter that runs one, on purpose. This keeps the copies from drifting: a
// fix made in one chapter must reach the others. Three families exist: the
// simple API (chapters 02–08, 10), the one with repositories and migrations
// (09, 11), and the Swarm one (12: secrets read from files, the task's name in
// a header), which may differ from the repositories family only where it says.
// Within a family, every source file is identical.
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

function familyOf(stack: string): string {
  if (existsSync(join(stacksDir, stack, 'api/src/secrets.js'))) return 'swarm';
  return existsSync(join(stacksDir, stack, 'api/src/repositories')) ? 'repositories' : 'simple';
}

const families = new Map<string, string[]>();
for (const stack of apis) {
  const family = familyOf(stack);
  families.set(family, [...(families.get(family) ?? []), stack]);
}

const digest = (stack: string, path: string): string =>
  createHash('sha256').update(readFileSync(join(stacksDir, stack, 'api', path))).digest('hex');

/** What the Swarm family adds to the repositories family, and the files that import it. */
const swarmChanges = ['src/index.js', 'src/migrate.js', 'src/secrets.js'];

describe('the API copied into the stacks', () => {
  it('exists in the chapters that run an API', () => {
    expect(apis.length).toBeGreaterThanOrEqual(8);
  });

  it.each([...families])('has identical sources within the %s family', (_family, stacks) => {
    const [first, ...others] = stacks;
    const reference = sourceFiles(join(stacksDir, first!, 'api'));
    for (const stack of others) {
      expect(sourceFiles(join(stacksDir, stack, 'api')), `files of ${stack}/api vs ${first}/api`).toEqual(reference);
      const drifted = reference.filter((path) => digest(stack, path) !== digest(first!, path));
      expect(drifted, `${stack}/api differs from ${first}/api`).toEqual([]);
    }
  });

  it('differs in the Swarm family from the repositories family only by the secrets loader and the task header', () => {
    const [swarm] = families.get('swarm') ?? [];
    const [repositories] = families.get('repositories') ?? [];
    expect(swarm, 'a stack of the swarm family').toBeDefined();
    expect(repositories, 'a stack of the repositories family').toBeDefined();
    const swarmFiles = sourceFiles(join(stacksDir, swarm!, 'api'));
    expect(swarmFiles).toEqual([...new Set([...sourceFiles(join(stacksDir, repositories!, 'api')), 'src/secrets.js'])].sort());
    const drifted = swarmFiles.filter((path) => !swarmChanges.includes(path) && digest(swarm!, path) !== digest(repositories!, path));
    expect(drifted, `${swarm}/api differs from ${repositories}/api`).toEqual([]);
  });
});
