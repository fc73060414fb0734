import type { DirectoryNode, FileSystemTree } from '@webcontainer/api';

// What the WebContainer receives: the chapter's `api/` folder, the learner's
// edits of files under `api/` on top, the PGlite server and the init SQL.

/** Never mounted: installed inside the container, or secrets that belong to the learner's machine. */
const EXCLUDED_SEGMENTS = new Set(['node_modules', '.git']);
const EXCLUDED_NAMES = /^\.env(\..+)?$/;

export const DB_INIT_DIR = 'db-init';
export const PGLITE_SERVER = 'pglite-server.mjs';

/** `/stacks/05-api-nodejs/api/src/index.js` → `src/index.js`; null when outside `prefix` or not a safe relative path. */
export function relativeTo(prefix: string, path: string): string | null {
  const head = prefix.endsWith('/') ? prefix : `${prefix}/`;
  if (!path.startsWith(head)) return null;
  const rest = path.slice(head.length);
  const segments = rest.split('/');
  if (rest === '' || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return rest;
}

export function isExcluded(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  return segments.some((segment) => EXCLUDED_SEGMENTS.has(segment)) || (EXCLUDED_NAMES.test(name) && name !== '.env.example');
}

/** Flat `path → text` into WebContainer's nested tree. A path that is both a file and a folder keeps the folder. */
export function toTree(files: ReadonlyMap<string, string>): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (isExcluded(path)) continue;
    const segments = path.split('/');
    const name = segments.pop();
    if (name === undefined || name === '') continue;
    let dir = root;
    for (const segment of segments) {
      const existing = dir[segment];
      if (existing !== undefined && 'directory' in existing) {
        dir = existing.directory;
      } else {
        const node: DirectoryNode = { directory: {} };
        dir[segment] = node;
        dir = node.directory;
      }
    }
    const existing = dir[name];
    if (!(existing && 'directory' in existing)) dir[name] = { file: { contents } };
  }
  return root;
}

export interface MountInput {
  /** Bundled stack files, keyed as globbed (`/stacks/<stack>/api/...`). */
  apiFiles: Record<string, string>;
  /** Bundled `/stacks/<stack>/db/init/*` files. */
  initFiles: Record<string, string>;
  pgliteServer: string;
  stack: string;
  /** The learner's saved files for this lesson, keyed by exercise path (`api/src/index.js`). */
  edits: Record<string, string>;
}

export function buildMountTree(input: MountInput): FileSystemTree {
  const files = new Map<string, string>();
  for (const [path, text] of Object.entries(input.apiFiles)) {
    const relative = relativeTo(`/stacks/${input.stack}/api`, path);
    if (relative !== null) files.set(relative, text);
  }
  for (const [path, text] of Object.entries(input.edits)) {
    const relative = relativeTo('api', path);
    if (relative !== null) files.set(relative, text);
  }
  for (const [path, text] of Object.entries(input.initFiles)) {
    const relative = relativeTo(`/stacks/${input.stack}/db/init`, path);
    // Only SQL: pglite-server.mjs skips the rest, and a mounted shell script would only confuse.
    if (relative !== null && !relative.includes('/') && relative.endsWith('.sql')) files.set(`${DB_INIT_DIR}/${relative}`, text);
  }
  files.set(PGLITE_SERVER, input.pgliteServer);
  return toTree(files);
}
