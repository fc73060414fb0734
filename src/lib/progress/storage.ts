import { z } from 'zod';

// Saved work lives in the learner's browser only. The format is versioned and
// validated on every read: a corrupt, older or newer value is set aside under a
// backup key (never deleted) and reported in French, and the page carries on.

export const STORAGE_KEY = 'atelier-compose:progress';
export const BACKUP_PREFIX = 'atelier-compose:progress:sauvegarde:';
export const CURRENT_VERSION = 1;

const lessonProgressSchema = z.object({
  /** Exercise file path → the learner's text. */
  files: z.record(z.string(), z.string()),
  done: z.boolean(),
  /** Ids of the objectives the learner's own files meet (not the solution's); absent before 2026-12. */
  met: z.array(z.string()).optional(),
  /** The files come from « Voir la solution »: objectives they meet do not count. */
  solutionShown: z.boolean().optional(),
  /** ISO 8601. */
  updatedAt: z.string(),
});

export const progressSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  lessons: z.record(z.string(), lessonProgressSchema),
});

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

/** The part of `Storage` we use, so tests can pass an in-memory store. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LoadResult {
  progress: Progress;
  /** French, for the learner, when saved data could not be used. */
  problem?: string;
}

export function emptyProgress(): Progress {
  return { version: CURRENT_VERSION, lessons: {} };
}

type Verdict = { ok: true; progress: Progress } | { ok: false; reason: string };

/** Shared by reading the browser's storage and importing a file, so both say the same thing. */
export function parseProgress(text: string): Verdict {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "le contenu n’est pas du JSON lisible" };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: "le contenu n’est pas un objet de progression" };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > CURRENT_VERSION) {
    return { ok: false, reason: `il vient d’une version plus récente de l’atelier (format ${version}, celui-ci lit le format ${CURRENT_VERSION})` };
  }
  if (version !== CURRENT_VERSION) {
    return { ok: false, reason: "il est dans un ancien format que cette version de l’atelier ne lit plus" };
  }
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (à «\u00a0${issue.path.join('.')}\u00a0»)` : '';
    return { ok: false, reason: `il ne respecte pas le format attendu${where}` };
  }
  return { ok: true, progress: parsed.data };
}

export function loadProgress(store: KeyValueStore, now: () => Date = () => new Date()): LoadResult {
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), problem: "Le stockage local du navigateur n’est pas disponible\u00a0: votre travail ne sera pas conservé après la fermeture de la page." };
  }
  if (raw === null) return { progress: emptyProgress() };
  const verdict = parseProgress(raw);
  if (verdict.ok) return { progress: verdict.progress };
  const backupKey = BACKUP_PREFIX + now().toISOString();
  try {
    store.setItem(backupKey, raw);
    store.removeItem(STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), problem: `Votre travail sauvegardé n’a pas pu être relu\u00a0: ${verdict.reason}. Il est laissé tel quel\u00a0; l’atelier repart des fichiers de départ.` };
  }
  return {
    progress: emptyProgress(),
    problem: `Votre travail sauvegardé n’a pas pu être relu\u00a0: ${verdict.reason}. Il a été mis de côté sous la clé «\u00a0${backupKey}\u00a0» du stockage local, et l’atelier repart des fichiers de départ.`,
  };
}

export interface LessonState {
  files: Record<string, string>;
  done: boolean;
  /** Omitted: the saved list stays (the files come from the solution, or nothing was checked yet). */
  met?: string[];
  solutionShown?: boolean;
}

/** Writes one lesson's state; re-reads first so two open tabs do not erase each other's lessons. */
export function saveLesson(store: KeyValueStore, slug: string, state: LessonState, now: () => Date = () => new Date()): Progress {
  const { progress } = loadProgress(store, now);
  const previous = progress.lessons[slug];
  const met = state.met ?? previous?.met;
  const saved: LessonProgress = {
    files: state.files,
    done: state.done || (previous?.done ?? false),
    ...(met ? { met } : {}),
    ...(state.solutionShown ? { solutionShown: true } : {}),
    updatedAt: now().toISOString(),
  };
  const lessons = { ...progress.lessons, [slug]: saved };
  const next: Progress = { version: CURRENT_VERSION, lessons };
  store.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

/** Reset keeps the lesson's "done" mark: the learner has met the objectives once. */
export function forgetLessonFiles(store: KeyValueStore, slug: string, now: () => Date = () => new Date()): Progress {
  const { progress } = loadProgress(store, now);
  const previous = progress.lessons[slug];
  const lessons = { ...progress.lessons };
  if (previous?.done) lessons[slug] = { files: {}, done: true, updatedAt: now().toISOString() };
  else delete lessons[slug];
  const next: Progress = { version: CURRENT_VERSION, lessons };
  store.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

export type ImportResult = { ok: true; progress: Progress; count: number } | { ok: false; error: string };

/** Imported lessons replace the saved ones of the same slug; the other saved lessons stay. */
export function importProgress(store: KeyValueStore, text: string, now: () => Date = () => new Date()): ImportResult {
  const verdict = parseProgress(text);
  if (!verdict.ok) return { ok: false, error: `Ce fichier ne peut pas être importé\u00a0: ${verdict.reason}.` };
  const { progress } = loadProgress(store, now);
  const next: Progress = { version: CURRENT_VERSION, lessons: { ...progress.lessons, ...verdict.progress.lessons } };
  store.setItem(STORAGE_KEY, JSON.stringify(next));
  return { ok: true, progress: next, count: Object.keys(verdict.progress.lessons).length };
}
