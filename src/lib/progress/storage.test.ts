import { describe, expect, it } from 'vitest';
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  exportProgress,
  forgetLessonFiles,
  importProgress,
  loadProgress,
  saveLesson,
  type KeyValueStore,
} from './storage.ts';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const fixedNow = (): Date => new Date('2026-11-26T10:00:00.000Z');

describe('saved progress', () => {
  it('starts empty without a problem when nothing was saved', () => {
    const result = loadProgress(new MemoryStore(), fixedNow);
    expect(result).toEqual({ progress: { version: 1, lessons: {} } });
  });

  it('reads back what was saved for a lesson', () => {
    const store = new MemoryStore();
    saveLesson(store, '01-introduction', { files: { 'compose.yaml': 'services: {}\n' }, done: false }, fixedNow);
    const { progress, problem } = loadProgress(store, fixedNow);
    expect(problem).toBeUndefined();
    expect(progress.lessons['01-introduction']).toEqual({ files: { 'compose.yaml': 'services: {}\n' }, done: false, updatedAt: '2026-11-26T10:00:00.000Z' });
  });

  it('keeps the other lessons when saving one', () => {
    const store = new MemoryStore();
    saveLesson(store, '01-introduction', { files: { 'compose.yaml': 'a' }, done: true }, fixedNow);
    saveLesson(store, '02-architecture', { files: { 'compose.yaml': 'b' }, done: false }, fixedNow);
    const { progress } = loadProgress(store, fixedNow);
    expect(Object.keys(progress.lessons).sort()).toEqual(['01-introduction', '02-architecture']);
  });

  it('never unmarks a finished lesson when the learner edits it again', () => {
    const store = new MemoryStore();
    saveLesson(store, '01-introduction', { files: {}, done: true }, fixedNow);
    saveLesson(store, '01-introduction', { files: { 'compose.yaml': 'cassé' }, done: false }, fixedNow);
    expect(loadProgress(store, fixedNow).progress.lessons['01-introduction']?.done).toBe(true);
  });

  it('keeps the objectives met by the learner’s own files while the solution is shown', () => {
    const store = new MemoryStore();
    saveLesson(store, '06-architecture-trois-couches', { files: { 'compose.yaml': 'mine' }, done: false, met: ['sante-db'] }, fixedNow);
    saveLesson(store, '06-architecture-trois-couches', { files: { 'compose.yaml': 'solution' }, done: false, solutionShown: true }, fixedNow);
    expect(loadProgress(store, fixedNow).progress.lessons['06-architecture-trois-couches']).toEqual({
      files: { 'compose.yaml': 'solution' },
      done: false,
      met: ['sante-db'],
      solutionShown: true,
      updatedAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('sets corrupt JSON aside under a backup key and reports it in French', () => {
    const store = new MemoryStore();
    store.setItem(STORAGE_KEY, '{"version": 1, "lessons": ');
    const { progress, problem } = loadProgress(store, fixedNow);
    expect(progress.lessons).toEqual({});
    expect(problem).toContain("n’est pas du JSON lisible");
    expect(store.getItem(`${BACKUP_PREFIX}2026-11-26T10:00:00.000Z`)).toBe('{"version": 1, "lessons": ');
    expect(store.getItem(STORAGE_KEY)).toBeNull();
  });

  it('sets an older format aside instead of misreading it', () => {
    const store = new MemoryStore();
    const old = JSON.stringify({ '01-introduction': { 'compose.yaml': 'x' } });
    store.setItem(STORAGE_KEY, old);
    const { problem } = loadProgress(store, fixedNow);
    expect(problem).toContain('ancien format');
    expect([...store.data.values()]).toContain(old);
  });

  it('refuses a newer format and says so', () => {
    const store = new MemoryStore();
    store.setItem(STORAGE_KEY, JSON.stringify({ version: 2, lessons: {} }));
    expect(loadProgress(store, fixedNow).problem).toContain('version plus récente');
  });

  it('names the faulty field when the shape is wrong', () => {
    const store = new MemoryStore();
    store.setItem(STORAGE_KEY, JSON.stringify({ version: 1, lessons: { '01-introduction': { files: { 'compose.yaml': 42 }, done: false, updatedAt: 'x' } } }));
    expect(loadProgress(store, fixedNow).problem).toContain('01-introduction.files.compose.yaml');
  });

  it('does not crash when the browser forbids storage', () => {
    const store: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    const result = loadProgress(store, fixedNow);
    expect(result.progress.lessons).toEqual({});
    expect(result.problem).toContain("n’est pas disponible");
  });

  it('reset forgets the files but keeps a finished lesson finished', () => {
    const store = new MemoryStore();
    saveLesson(store, '01-introduction', { files: { 'compose.yaml': 'x' }, done: true }, fixedNow);
    saveLesson(store, '02-architecture', { files: { 'compose.yaml': 'y' }, done: false }, fixedNow);
    const next = forgetLessonFiles(store, '01-introduction', fixedNow);
    expect(next.lessons['01-introduction']).toEqual({ files: {}, done: true, updatedAt: '2026-11-26T10:00:00.000Z' });
    forgetLessonFiles(store, '02-architecture', fixedNow);
    expect(loadProgress(store, fixedNow).progress.lessons['02-architecture']).toBeUndefined();
  });
});

describe('export and import', () => {
  it('round-trips an export through an import into another browser', () => {
    const source = new MemoryStore();
    saveLesson(source, '01-introduction', { files: { 'compose.yaml': 'services:\n  web: {}\n' }, done: true }, fixedNow);
    const file = exportProgress(loadProgress(source, fixedNow).progress);
    const target = new MemoryStore();
    saveLesson(target, '03-structure-du-fichier', { files: {}, done: false }, fixedNow);
    const result = importProgress(target, file, fixedNow);
    expect(result).toMatchObject({ ok: true, count: 1 });
    expect(Object.keys(loadProgress(target, fixedNow).progress.lessons).sort()).toEqual(['01-introduction', '03-structure-du-fichier']);
  });

  it('rejects a file that is not progress, in French, without touching what is saved', () => {
    const store = new MemoryStore();
    saveLesson(store, '01-introduction', { files: { 'compose.yaml': 'x' }, done: false }, fixedNow);
    const before = store.getItem(STORAGE_KEY);
    const result = importProgress(store, 'services:\n  web: {}\n', fixedNow);
    expect(result).toEqual({ ok: false, error: "Ce fichier ne peut pas être importé : le contenu n’est pas du JSON lisible." });
    expect(store.getItem(STORAGE_KEY)).toBe(before);
  });

  it('rejects JSON of the wrong shape', () => {
    const result = importProgress(new MemoryStore(), JSON.stringify([1, 2]), fixedNow);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("n’est pas un objet de progression");
  });
});
