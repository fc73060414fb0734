// Project paths are POSIX and relative; the engine may not import `node:path`
// (it runs in browsers and workers), so the three operations it needs live here.

/** `a/./b/../c` → `a/c`; a leading `./` disappears; never climbs above the project root. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function joinPath(base: string, path: string): string {
  if (path.startsWith('/') || base === '') return normalizePath(path);
  return normalizePath(`${base}/${path}`);
}

/** True when `path` is `dir` itself or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}
