import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** Larger files are refused: no compose or nginx file comes near it, and the engine's time is linear in the text. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; problem: string };

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'un dossier';
  if (stats.isFIFO()) return 'un tube nommé (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'un périphérique';
  if (stats.isSocket()) return 'une socket';
  return 'un fichier spécial';
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** The French reason an I/O error gives, for `path` as the user wrote it. */
export function ioProblem(error: unknown, display: string): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `Fichier introuvable : ${display}`;
    case 'EACCES':
    case 'EPERM':
      return `Lecture refusée (permissions) : ${display}`;
    case 'EISDIR':
      return `${display} est un dossier, pas un fichier.`;
    default:
      return `Lecture impossible : ${display} (${errorCode(error) ?? 'erreur inconnue'})`;
  }
}

/**
 * Reads a regular file as UTF-8. It is opened without blocking and checked
 * through its descriptor before a byte is read, so a FIFO or a device passed
 * by mistake (or swapped in after a `stat`) is refused instead of hanging the
 * command or reading forever.
 */
export function readRegularFile(path: string, display: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, problem: ioProblem(error, display) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: `${display} est ${kindOf(stats)}, pas un fichier ordinaire : ignoré.` };
    if (stats.size > MAX_FILE_BYTES) return { ok: false, problem: `${display} dépasse ${MAX_FILE_BYTES / 1024 / 1024} Mo : ignoré.` };
    return { ok: true, text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { ok: false, problem: ioProblem(error, display) };
  } finally {
    closeSync(fd);
  }
}

/** Folders never worth walking for configuration files. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'backups', 'certs']);

/**
 * The files under `directory` (depth-first, sorted, symbolic links not
 * followed) that `keep` accepts. An unreadable sub-folder is a problem, not a
 * crash; the walk goes on with the others.
 */
export function walkFiles(directory: string, display: string, keep: (name: string) => boolean, problems: string[], depth = 0): string[] {
  if (depth > 16) return [];
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    problems.push(errorCode(error) === 'EACCES' || errorCode(error) === 'EPERM' ? `Dossier illisible (permissions) : ${display}` : ioProblem(error, display));
    return [];
  }
  const found: string[] = [];
  // Code-unit order, as `ls` under LC_ALL=C and nginx's own `include` globs: the same on every
  // machine (localeCompare follows the user's locale), and without loading ICU's collation data,
  // which cost the CLI a sixth of a run.
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(directory, entry.name);
    const shown = `${display.replace(/\/$/, '')}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) found.push(...walkFiles(full, shown, keep, problems, depth + 1));
    } else if (keep(entry.name)) {
      found.push(full);
    }
  }
  return found;
}
