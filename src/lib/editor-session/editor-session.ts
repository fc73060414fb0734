import type { Diagnostic } from '../../engine/types.ts';
import type { Timers } from '../../components/workshop/check-scheduler.ts';

// One editor session, as TutorialKit's TutorialStore: the files being
// edited, the engine's last answer about them, saving, reset to the start
// files, the solution and the data of the diff. Plain data and callbacks, no
// DOM and no Monaco: the lesson workshop and the playground render it
// (Monaco models, tabs, the problems list) and tell it what the learner typed.

export type Files = Record<string, string>;

export type SessionEvent =
  /** Texts changed by the session itself (reset, solution, import, undo): the views must show them. */
  | { type: 'files'; paths: string[] }
  /** Files added, removed or renamed. */
  | { type: 'layout' }
  | { type: 'diagnostics' };

export interface EditorSessionOptions {
  files: Files;
  /** The exercise's start and solution files (a lesson); none in the playground. */
  start?: Files;
  solution?: Files;
  /** The solution was loaded before the page (re)opened: see `usedSolution`. */
  solutionShown?: boolean;
  /** Asks the engine to check these files (scheduled by the caller). */
  check(files: Files): void;
  /** Persists the files; the session calls it `saveDelay` ms after the last change. Throws when storage fails. */
  save(files: Files): void;
  onSaveError?(error: unknown): void;
  saveDelay?: number;
  timers?: Timers;
}

export interface EditorSession {
  files(): Files;
  paths(): string[];
  text(path: string): string | undefined;
  has(path: string): boolean;
  /** What the learner typed in a view. */
  edit(path: string, text: string): void;
  add(path: string, text: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  /** Replaces or adds these files (an import); returns the files as they were before, for an undo. */
  merge(files: Files): Files;
  /** Replaces the whole project (a loaded stack, an undo, a shared project). */
  replace(files: Files): void;
  /** Back to the start files. */
  reset(): void;
  showSolution(): void;
  /**
   * Whether the files come from « Voir la solution »: set by `showSolution`,
   * cleared by `reset` or by undoing back to the texts the learner had before.
   * Objectives met then are not the learner's work (issue #17).
   */
  usedSolution(): boolean;
  /** The learner's text and the solution's, for a diff view. */
  diff(path: string): { mine: string; solution: string } | undefined;
  /** Whether the files differ from the start files. */
  touched(): boolean;
  diagnostics(): readonly Diagnostic[];
  diagnosticsOf(path: string): Diagnostic[];
  errorCount(path: string): number;
  setDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Saves now (page hidden). */
  flush(): void;
  subscribe(listener: (event: SessionEvent) => void): () => void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createEditorSession(options: EditorSessionOptions): EditorSession {
  const timers = options.timers ?? browserTimers;
  const delay = options.saveDelay ?? 400;
  const texts = new Map(Object.entries(options.files));
  let diagnostics: readonly Diagnostic[] = [];
  const listeners = new Set<(event: SessionEvent) => void>();
  let saveHandle: unknown;
  let solutionShown = options.solutionShown ?? false;
  /** The learner's own texts when they asked for the solution; undoing back to them clears `solutionShown`. */
  let beforeSolution: Files | undefined;

  const emit = (event: SessionEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const files = (): Files => Object.fromEntries([...texts.keys()].sort((a, b) => a.localeCompare(b)).map((path) => [path, texts.get(path)!]));
  const save = (): void => {
    if (saveHandle !== undefined) timers.clearTimeout(saveHandle);
    saveHandle = undefined;
    try {
      options.save(files());
    } catch (error) {
      options.onSaveError?.(error);
    }
  };
  const sameFiles = (a: Files, b: Files): boolean => {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((path) => a[path] === b[path]);
  };
  const changed = (): void => {
    if (solutionShown && beforeSolution && sameFiles(files(), beforeSolution)) {
      solutionShown = false;
      beforeSolution = undefined;
    }
    options.check(files());
    if (saveHandle !== undefined) timers.clearTimeout(saveHandle);
    saveHandle = timers.setTimeout(save, delay);
  };
  const setAll = (next: Files): void => {
    const paths = Object.keys(next).filter((path) => texts.get(path) !== next[path]);
    for (const path of paths) texts.set(path, next[path]!);
    if (paths.length === 0) return;
    emit({ type: 'files', paths });
    changed();
  };

  return {
    files,
    paths: () => [...texts.keys()].sort((a, b) => a.localeCompare(b)),
    text: (path) => texts.get(path),
    has: (path) => texts.has(path),
    edit(path, text) {
      if (!texts.has(path) || texts.get(path) === text) return;
      texts.set(path, text);
      changed();
    },
    add(path, text) {
      texts.set(path, text);
      emit({ type: 'layout' });
      changed();
    },
    remove(path) {
      if (!texts.delete(path)) return;
      emit({ type: 'layout' });
      changed();
    },
    rename(from, to) {
      const text = texts.get(from);
      if (text === undefined || texts.has(to)) return;
      texts.delete(from);
      texts.set(to, text);
      emit({ type: 'layout' });
      changed();
    },
    merge(incoming) {
      const before = files();
      const added = Object.keys(incoming).filter((path) => !texts.has(path));
      const replaced = Object.keys(incoming).filter((path) => texts.has(path) && texts.get(path) !== incoming[path]);
      for (const [path, text] of Object.entries(incoming)) texts.set(path, text);
      if (added.length > 0) emit({ type: 'layout' });
      if (replaced.length > 0) emit({ type: 'files', paths: replaced });
      if (added.length > 0 || replaced.length > 0) changed();
      return before;
    },
    replace(next) {
      texts.clear();
      for (const [path, text] of Object.entries(next)) texts.set(path, text);
      emit({ type: 'layout' });
      changed();
    },
    reset() {
      if (!options.start) return;
      solutionShown = false;
      beforeSolution = undefined;
      setAll(options.start);
    },
    showSolution() {
      if (!options.solution) return;
      // Files already equal to the solution are the learner's own.
      if (sameFiles(files(), options.solution)) return;
      if (!solutionShown) beforeSolution = files();
      solutionShown = true;
      setAll(options.solution);
    },
    usedSolution: () => solutionShown,
    diff(path) {
      const mine = texts.get(path);
      const solution = options.solution?.[path];
      return mine === undefined || solution === undefined ? undefined : { mine, solution };
    },
    touched() {
      const start = options.start;
      if (!start) return true;
      return [...texts].some(([path, text]) => start[path] !== text);
    },
    diagnostics: () => diagnostics,
    diagnosticsOf: (path) => diagnostics.filter((d) => d.file === path),
    errorCount: (path) => diagnostics.filter((d) => d.file === path && d.severity === 'error').length,
    setDiagnostics(next) {
      diagnostics = next;
      emit({ type: 'diagnostics' });
    },
    flush() {
      if (saveHandle !== undefined) save();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
