import { classifyFile } from '../../engine/classify-file.ts';

// What the playground accepts: only the files the engine reads, as text.

/** Larger than any real compose or nginx file; keeps the editor and the share link usable. */
export const MAX_FILE_BYTES = 512 * 1024;

export type NameVerdict = { ok: true; path: string } | { ok: false; error: string };

/** Normalizes a path typed or brought by the user and says, in French, why it is refused. */
export function validateFileName(raw: string): NameVerdict {
  const path = raw.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '');
  if (path === '') return { ok: false, error: 'Donnez un nom de fichier.' };
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return { ok: false, error: `« ${raw} » n'est pas un chemin valide.` };
  }
  const kind = classifyFile(path);
  if (kind === 'other') {
    return {
      ok: false,
      error: `« ${path} » n'est pas un fichier que l'atelier vérifie : seuls compose.yaml (et ses variantes), .env et les fichiers nginx *.conf ou *.conf.template sont acceptés.`,
    };
  }
  return { ok: true, path };
}

export function languageOf(path: string): 'yaml' | 'nginx' | 'dotenv' {
  const kind = classifyFile(path);
  return kind === 'compose' ? 'yaml' : kind === 'env' ? 'dotenv' : 'nginx';
}

export type TextVerdict = { ok: true; text: string } | { ok: false; error: string };

/** Turns a file's bytes into text, refusing binaries (NUL bytes, invalid UTF-8) and oversized files by name. */
export function decodeText(name: string, bytes: Uint8Array): TextVerdict {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, error: `« ${name} » est trop volumineux (${Math.ceil(bytes.length / 1024)} Ko, au plus ${MAX_FILE_BYTES / 1024} Ko).` };
  }
  if (bytes.includes(0)) return { ok: false, error: `« ${name} » est un fichier binaire, pas un fichier texte.` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, error: `« ${name} » n'est pas du texte UTF-8 valide (fichier binaire ?).` };
  }
}

export interface ImportOutcome {
  files: Record<string, string>;
  /** French, one per refused file, each naming it. */
  refused: string[];
}

/** Sorts brought files into accepted texts and refusals; names not read by the engine are refused too. */
export function acceptFiles(entries: readonly { path: string; bytes: Uint8Array }[]): ImportOutcome {
  const outcome: ImportOutcome = { files: {}, refused: [] };
  for (const entry of entries) {
    const name = validateFileName(entry.path);
    if (!name.ok) {
      outcome.refused.push(name.error);
      continue;
    }
    const text = decodeText(name.path, entry.bytes);
    if (text.ok) outcome.files[name.path] = text.text;
    else outcome.refused.push(text.error);
  }
  return outcome;
}

/**
 * A folder or zip usually wraps the project in one top folder (`mon-projet/compose.yaml`):
 * strip it so paths match what the engine expects. Also maps the stacks' `nginx/` folder names unchanged.
 */
export function stripCommonFolder(paths: readonly string[]): (path: string) => string {
  const firsts = new Set(paths.map((path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '')));
  const [only] = [...firsts];
  if (firsts.size !== 1 || !only) return (path) => path;
  return (path) => path.slice(only.length + 1);
}
