import { classifyFile } from '../../engine/classify-file.ts';

// What the playground accepts: only the files the engine reads, as text.

/** Larger than any real compose or nginx file; keeps the editor and the share link usable. */
export const MAX_FILE_BYTES = 512 * 1024;
/** A whole project, whatever brought it (files, folder, zip, share link). */
export const MAX_PROJECT_BYTES = 2 * 1024 * 1024;
export const MAX_PROJECT_FILES = 100;

/** Why a brought file was not opened; refusals are summed up by reason in one French message. */
export type RefusalReason =
  | 'not-checked'
  | 'bad-path'
  | 'binary'
  | 'not-utf8'
  | 'too-large'
  | 'project-too-large'
  | 'too-many-files'
  | 'duplicate'
  | 'archive-unreadable'
  | 'archive-too-many-entries'
  | 'archive-too-large';

export interface Refusal {
  name: string;
  reason: RefusalReason;
}

export type NameVerdict = { ok: true; path: string } | { ok: false; error: string; reason: RefusalReason };

/** Normalizes a path typed or brought by the user and says, in French, why it is refused. */
export function validateFileName(raw: string): NameVerdict {
  const path = raw.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '');
  if (path === '') return { ok: false, error: 'Donnez un nom de fichier.', reason: 'bad-path' };
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return { ok: false, error: `«\u00a0${raw}\u00a0» n’est pas un chemin valide.`, reason: 'bad-path' };
  }
  const kind = classifyFile(path);
  if (kind === 'other') {
    return {
      ok: false,
      reason: 'not-checked',
      error: `«\u00a0${path}\u00a0» n’est pas un fichier que l’atelier vérifie\u00a0: seuls compose.yaml (et ses variantes), .env et les fichiers nginx *.conf ou *.conf.template sont acceptés.`,
    };
  }
  return { ok: true, path };
}

export function languageOf(path: string): 'yaml' | 'nginx' | 'dotenv' {
  const kind = classifyFile(path);
  return kind === 'compose' ? 'yaml' : kind === 'env' ? 'dotenv' : 'nginx';
}

export type TextVerdict = { ok: true; text: string } | { ok: false; error: string; reason: RefusalReason };

/** Turns a file's bytes into text, refusing binaries (NUL bytes, invalid UTF-8) and oversized files by name. */
export function decodeText(name: string, bytes: Uint8Array): TextVerdict {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      error: `«\u00a0${name}\u00a0» est trop volumineux (${Math.ceil(bytes.length / 1024)} Ko, au plus ${MAX_FILE_BYTES / 1024} Ko).`,
    };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary', error: `«\u00a0${name}\u00a0» est un fichier binaire, pas un fichier texte.` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, reason: 'not-utf8', error: `«\u00a0${name}\u00a0» n’est pas du texte UTF-8 valide (fichier binaire\u00a0?).` };
  }
}

export interface ImportOutcome {
  files: Record<string, string>;
  refused: Refusal[];
  /** Files opened under another name: `.env.example` offered as `.env`. */
  renamed: { from: string; to: string }[];
}

export function emptyOutcome(): ImportOutcome {
  return { files: {}, refused: [], renamed: [] };
}

/** Example env files a project ships instead of its (secret, unversioned) `.env`. */
const ENV_EXAMPLE = /^\.env\.(example|sample|dist|template)$/;

/**
 * `.env.example` is what a repository holds in place of `.env`: opened as
 * `.env` in its folder, unless a real `.env` comes along.
 */
function asEnv(path: string, all: ReadonlySet<string>): string | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (!ENV_EXAMPLE.test(name)) return undefined;
  const env = `${path.slice(0, slash + 1)}.env`;
  return all.has(env) ? undefined : env;
}

/**
 * Sorts brought files into accepted texts and refusals: names the engine does
 * not read, binaries, files over MAX_FILE_BYTES, and whatever would take the
 * project past MAX_PROJECT_FILES or MAX_PROJECT_BYTES.
 */
export function acceptFiles(entries: readonly { path: string; bytes: Uint8Array }[], outcome: ImportOutcome = emptyOutcome()): ImportOutcome {
  const all = new Set(entries.map((entry) => entry.path));
  let total = Object.values(outcome.files).reduce((sum, text) => sum + text.length, 0);
  for (const entry of entries) {
    const env = asEnv(entry.path, all);
    if (env === undefined && ENV_EXAMPLE.test(entry.path.slice(entry.path.lastIndexOf('/') + 1))) {
      outcome.refused.push({ name: entry.path, reason: 'duplicate' });
      continue;
    }
    const name = validateFileName(env ?? entry.path);
    if (!name.ok) {
      outcome.refused.push({ name: entry.path, reason: name.reason });
      continue;
    }
    if (Object.keys(outcome.files).length >= MAX_PROJECT_FILES) {
      outcome.refused.push({ name: entry.path, reason: 'too-many-files' });
      continue;
    }
    const text = decodeText(name.path, entry.bytes);
    if (!text.ok) {
      outcome.refused.push({ name: entry.path, reason: text.reason });
      continue;
    }
    if (total + text.text.length > MAX_PROJECT_BYTES) {
      outcome.refused.push({ name: entry.path, reason: 'project-too-large' });
      continue;
    }
    total += text.text.length;
    outcome.files[name.path] = text.text;
    if (env !== undefined) outcome.renamed.push({ from: entry.path, to: env });
  }
  return outcome;
}

const REASON_LABEL: Record<RefusalReason, [one: string, many: string]> = {
  'not-checked': ['fichier que l’atelier ne vérifie pas', 'fichiers que l’atelier ne vérifie pas'],
  'bad-path': ['chemin invalide', 'chemins invalides'],
  binary: ['fichier binaire', 'fichiers binaires'],
  'not-utf8': ['fichier qui n’est pas du texte UTF-8', 'fichiers qui ne sont pas du texte UTF-8'],
  'too-large': [`fichier de plus de ${MAX_FILE_BYTES / 1024}\u00a0Ko`, `fichiers de plus de ${MAX_FILE_BYTES / 1024}\u00a0Ko`],
  'project-too-large': [
    `fichier au-delà des ${MAX_PROJECT_BYTES / 1024 / 1024}\u00a0Mo d’un projet`,
    `fichiers au-delà des ${MAX_PROJECT_BYTES / 1024 / 1024}\u00a0Mo d’un projet`,
  ],
  'too-many-files': [`fichier au-delà des ${MAX_PROJECT_FILES}\u00a0fichiers d’un projet`, `fichiers au-delà des ${MAX_PROJECT_FILES}\u00a0fichiers d’un projet`],
  duplicate: ['exemple de `.env` ignoré (un vrai `.env` est fourni)', 'exemples de `.env` ignorés (un vrai `.env` est fourni)'],
  'archive-unreadable': ['archive .zip illisible', 'archives .zip illisibles'],
  'archive-too-many-entries': ['archive .zip aux entrées trop nombreuses', 'archives .zip aux entrées trop nombreuses'],
  'archive-too-large': ['archive .zip trop volumineuse une fois décompressée', 'archives .zip trop volumineuses une fois décompressées'],
};
const NAMES_SHOWN = 3;

/** One French sentence for all refusals, grouped by reason, naming a few files of each group. */
export function summarizeRefusals(refused: readonly Refusal[]): string {
  if (refused.length === 0) return '';
  const groups = new Map<RefusalReason, string[]>();
  for (const refusal of refused) groups.set(refusal.reason, [...(groups.get(refusal.reason) ?? []), refusal.name]);
  const parts = [...groups].map(([reason, names]) => {
    const [one, many] = REASON_LABEL[reason];
    const shown = names.slice(0, NAMES_SHOWN).map((name) => `«\u00a0${name}\u00a0»`);
    const rest = names.length - shown.length;
    const list = rest > 0 ? `${shown.join(', ')} et ${rest}\u00a0autre${rest > 1 ? 's' : ''}` : shown.join(', ');
    return `${names.length}\u00a0${names.length > 1 ? many : one} (${list})`;
  });
  return `Non ouvert${refused.length > 1 ? 's' : ''}\u00a0: ${parts.join('\u00a0; ')}.`;
}

/**
 * A project folder or zip wraps the project in one top folder
 * (`mon-projet/compose.yaml`): strip it so paths are the project's own, as
 * compose's mounts name them. Any other folder is part of the structure and
 * stays (`nginx/proxy.conf.template` brought alone keeps its `nginx/`).
 */
export function stripCommonFolder(paths: readonly string[]): (path: string) => string {
  const firsts = new Set(paths.map((path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '')));
  const [only] = [...firsts];
  if (firsts.size !== 1 || !only) return (path) => path;
  const isProjectRoot = paths.some((path) => {
    const rest = path.slice(only.length + 1);
    return !rest.includes('/') && classifyFile(rest) === 'compose';
  });
  if (!isProjectRoot) return (path) => path;
  return (path) => path.slice(only.length + 1);
}
