import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Build-time only: the workshop receives the exercise texts as props, so the
// browser never fetches them and the page works from any static host.

export interface DeclaredFile {
  path: string;
  language: string;
}

export interface ExerciseFile<L extends string = string> {
  path: string;
  language: L;
  start: string;
  solution: string;
}

/** Declared files absent from `start/` or `solution/`, as `start/compose.yaml`. */
export function missingExerciseFiles(lessonDir: string, files: readonly DeclaredFile[]): string[] {
  return files
    .flatMap((file) => [`start/${file.path}`, `solution/${file.path}`])
    .filter((relative) => !existsSync(join(lessonDir, relative)));
}

/** Reads each declared file's start and solution texts; a missing one fails the build with its path. */
export function loadExerciseFiles<F extends DeclaredFile>(lessonDir: string, files: readonly F[]): ExerciseFile<F['language']>[] {
  const missing = missingExerciseFiles(lessonDir, files);
  if (missing.length > 0) {
    throw new Error(`Fichiers d’exercice manquants dans ${lessonDir}\u00a0: ${missing.join(', ')}`);
  }
  return files.map((file) => ({
    path: file.path,
    language: file.language,
    start: readFileSync(join(lessonDir, 'start', file.path), 'utf8'),
    solution: readFileSync(join(lessonDir, 'solution', file.path), 'utf8'),
  }));
}
