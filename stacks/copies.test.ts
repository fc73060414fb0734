// Every file family copied into several stacks stays identical, as the API
// copies do (api-copies.test.ts): a fix made in one chapter must reach the
// others. A family is a path; stacks holding the path share one content, or
// one content per variant where a chapter changes on purpose (the shop's
// schema from chapter 09 on, chapter 04's single-page client and its nginx configuration).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const stacksDir = fileURLToPath(new URL('./', import.meta.url));
const stacks = readdirSync(stacksDir).filter((name) => /^\d\d-/.test(name) && statSync(join(stacksDir, name)).isDirectory()).sort();

/** Files under a path (a file or a folder), relative to it, node_modules left out. */
function filesOf(path: string): string[] {
  if (statSync(path).isFile()) return [''];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((p) => !p.split('/').includes('node_modules') && statSync(join(path, p)).isFile())
    .sort();
}

function digest(path: string): string {
  const hash = createHash('sha256');
  for (const file of filesOf(path)) hash.update(`${file}\0`).update(readFileSync(join(path, file)));
  return hash.digest('hex');
}

const shop = (stack: string): boolean => existsSync(join(stacksDir, stack, 'api/src/repositories'));
// Under Swarm the database init reads the application password from a secret file (chapter 12's own copy).
const swarm = (stack: string): boolean => existsSync(join(stacksDir, stack, 'api/src/secrets.js'));

// Chapter 04's client is a single-page application (assets/, its fallback route in default.conf).
const spa = (stack: string): string => (existsSync(join(stacksDir, stack, 'client/assets')) ? 'spa' : 'static');

const families: { path: string; variant?: (stack: string) => string; minimum: number }[] = [
  { path: 'client', variant: spa, minimum: 8 },
  { path: 'nginx/proxy.conf.template', minimum: 4 },
  { path: 'nginx/client.conf', minimum: 4 },
  { path: 'nginx/conf.d/default.conf', variant: spa, minimum: 3 },
  { path: 'tls', minimum: 4 },
  { path: 'backup', minimum: 4 },
  { path: 'db/init', variant: (stack) => (swarm(stack) ? 'swarm' : shop(stack) ? 'shop' : 'users'), minimum: 8 },
];

describe('files copied into several stacks', () => {
  it.each(families)('$path is identical wherever it is copied', ({ path, variant, minimum }) => {
    const holders = stacks.filter((stack) => existsSync(join(stacksDir, stack, path)));
    expect(holders.length, `stacks holding ${path}`).toBeGreaterThanOrEqual(minimum);
    const groups = new Map<string, string[]>();
    for (const stack of holders) {
      const key = variant?.(stack) ?? 'all';
      groups.set(key, [...(groups.get(key) ?? []), stack]);
    }
    for (const [key, members] of groups) {
      const [first, ...others] = members;
      const reference = digest(join(stacksDir, first!, path));
      const drifted = others.filter((stack) => digest(join(stacksDir, stack, path)) !== reference);
      expect(drifted, `${path} (${key}) differs from ${first}`).toEqual([]);
    }
  });
});
