// The files of its project an nginx case includes (issue #13: each case comes
// with the files it references). `case.json`'s `files` maps each include
// target, as the case's files write it, to where that file comes from (the
// repository, commit and path, or the Debian package and version); its text
// is kept under the case's `files/` folder, at the target without its leading
// `/`. A mutant uses its base case's files (it changes only file.conf).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, type CorpusKind } from './paths.ts';

/** `licence`: when the file comes from another repository than its case (the one whose paths the case includes), that repository's. */
export type FileOrigin = { repository: string; commit: string; path: string; licence?: string } | { package: string; version: string; path: string };

export interface IncludedFile {
  /** The include target as written: relative to nginx's prefix (`h5bp/basic.conf`) or absolute (`/config/nginx/proxy.conf`). */
  target: string;
  text: string;
  origin: FileOrigin;
}

/** Where a case keeps the text of an included file, inside its folder. */
export const storedPath = (target: string): string => join('files', target.replace(/^\/+/, ''));

export function includedFiles(kind: CorpusKind, id: string): IncludedFile[] {
  const baseId = kind === 'nginx-mutants' ? id.split('~')[0]! : id;
  const dir = join(corpusDir(kind === 'nginx-mutants' ? 'nginx' : kind), baseId);
  if (!existsSync(join(dir, 'case.json'))) return [];
  const files = (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { files?: Record<string, FileOrigin> }).files ?? {};
  return Object.entries(files).map(([target, origin]) => ({ target, origin, text: readFileSync(join(dir, storedPath(target)), 'utf8') }));
}

/**
 * Where the engine is given an included file: its projects put nginx's prefix
 * (`/etc/nginx`) at `nginx/` (the case's own file is `nginx/nginx.conf`,
 * `nginx/conf.d/default.conf` or `nginx/snippets/site.conf`), so a relative
 * target and one under /etc/nginx land there; another absolute one keeps its
 * path from the root.
 */
export function enginePath(target: string): string {
  if (target.startsWith('/etc/nginx/')) return `nginx/${target.slice('/etc/nginx/'.length)}`;
  if (target.startsWith('/')) return target.slice(1);
  return `nginx/${target}`;
}
