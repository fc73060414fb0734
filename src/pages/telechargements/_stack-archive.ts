import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

// Build-time only. What a learner downloads is the stack as written in the
// repository, without what a local run leaves behind: the learner's own
// secrets (.env, and chapter 12's `secrets/` copied from `secrets.example/`),
// dependencies, generated certificates and database dumps.
const EXCLUDED_NAMES = new Set(['.env', 'secrets', 'node_modules', 'certs', 'backups', '.DS_Store', '.git']);
const EXCLUDED_EXTENSIONS = ['.pem', '.key', '.crt', '.dump', '.sql.gz', '.tar.gz'];

export const STACKS_DIR = join(process.cwd(), 'stacks');

/** A fixed date, so two builds of the same files give byte-identical archives. */
const MTIME = new Date('2026-01-01T00:00:00Z');

export function isExcluded(name: string): boolean {
  return EXCLUDED_NAMES.has(name) || EXCLUDED_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** Stack folders that exist, sorted; an empty list before any stack is written. */
export function listStacks(stacksDir: string = STACKS_DIR): string[] {
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d\d-[a-z0-9-]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export function stackFiles(stack: string, stacksDir: string = STACKS_DIR): string[] {
  const root = join(stacksDir, stack);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isExcluded(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  if (existsSync(root)) walk(root);
  return files.sort();
}

/**
 * The zip of `stacks/<stack>/`, every file under a `<stack>/` folder so it
 * unpacks into one directory; scripts keep their executable bit.
 */
export function zipStack(stack: string, stacksDir: string = STACKS_DIR): Uint8Array {
  const entries: Zippable = {};
  for (const file of stackFiles(stack, stacksDir)) {
    const path = join(stacksDir, stack, file);
    const mode = statSync(path).mode & 0o777;
    entries[`${stack}/${file}`] = [readFileSync(path), { mtime: MTIME, os: 3, attrs: (0o100000 | mode) << 16 }];
  }
  return zipSync(entries, { level: 9 });
}
