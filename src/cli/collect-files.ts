import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { classifyFile } from '../engine/classify-file.ts';
import type { ProjectFile } from '../engine/types.ts';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'backups', 'certs']);

export interface CollectResult {
  files: ProjectFile[];
  /** French messages for arguments that could not be read. */
  problems: string[];
}

function toProjectPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

function walk(directory: string, found: string[]): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, found);
    } else if (entry.isFile() && classifyFile(entry.name) !== 'other') {
      found.push(full);
    }
  }
}

/**
 * Turns command-line arguments into project files: a file must be named as
 * `docker compose` and nginx name theirs (the engine picks its parser from the
 * name); a directory contributes the compose, `.env` and nginx files found
 * under it. Paths stay relative to the working directory so diagnostics print
 * as the user typed them.
 */
export function collectFiles(args: readonly string[], cwd: string): CollectResult {
  const paths: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    const full = join(cwd, arg);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      problems.push(`Fichier introuvable : ${arg}`);
      continue;
    }
    if (stats.isDirectory()) walk(full, paths);
    else if (classifyFile(arg) === 'other')
      problems.push(`Type de fichier non reconnu : ${arg} (attendu : compose.yaml, compose.*.yaml, .env ou *.conf)`);
    else paths.push(full);
  }
  const files: ProjectFile[] = [];
  for (const path of [...new Set(paths)]) {
    try {
      files.push({ path: toProjectPath(path, cwd), text: readFileSync(path, 'utf8') });
    } catch {
      problems.push(`Lecture impossible : ${toProjectPath(path, cwd)}`);
    }
  }
  return { files, problems };
}
