import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

// What a learner downloads: the stack's files, without what a local run leaves
// behind (dependencies, the learner's own .env, generated certificates, dumps).
const SKIPPED = new Set(['node_modules', '.env', 'certs', 'backups', '.DS_Store']);

/** Files of `stacks/<stack>/`, relative and sorted, or an empty list when the stack is not written yet. */
export function listStackFiles(stacksDir: string, stack: string): string[] {
  const root = join(stacksDir, stack);
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return files.sort((a, b) => a.localeCompare(b, 'en'));
}
