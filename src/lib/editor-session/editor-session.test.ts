import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../engine/types.ts';
import { createEditorSession, type Files, type SessionEvent } from './editor-session.ts';

const start = { 'compose.yaml': 'services: {}\n', 'nginx/site.conf': 'server {}\n' };
const solution = { 'compose.yaml': 'services:\n  web: {}\n', 'nginx/site.conf': 'server { listen 80; }\n' };

function session(files: Files = start, withExercise = true, solutionShown = false) {
  const checked: Files[] = [];
  const saved: Files[] = [];
  const events: SessionEvent[] = [];
  const errors: unknown[] = [];
  let failSave = false;
  const store = createEditorSession({
    files,
    ...(withExercise ? { start, solution } : {}),
    ...(solutionShown ? { solutionShown } : {}),
    check: (f) => checked.push(f),
    save: (f) => {
      if (failSave) throw new Error('quota');
      saved.push(f);
    },
    onSaveError: (error) => errors.push(error),
  });
  store.subscribe((event) => events.push(event));
  return { store, checked, saved, events, errors, breakStorage: () => (failSave = true) };
}

function diagnostic(file: string, severity: Diagnostic['severity']): Diagnostic {
  return { ruleId: 'x', messageId: 'y', severity, message: 'm', file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, docs: '' };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('editor session', () => {
  it('checks each edit at once and saves once the learner pauses', () => {
    const s = session();
    s.store.edit('compose.yaml', 'services:\n');
    s.store.edit('compose.yaml', 'services:\n  a: {}\n');
    expect(s.checked.map((f) => f['compose.yaml'])).toEqual(['services:\n', 'services:\n  a: {}\n']);
    expect(s.saved).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(s.saved).toEqual([{ 'compose.yaml': 'services:\n  a: {}\n', 'nginx/site.conf': 'server {}\n' }]);
    // The views' own echo of a text the session already has changes nothing.
    s.store.edit('compose.yaml', 'services:\n  a: {}\n');
    expect(s.checked).toHaveLength(2);
  });

  it('resets to the start files and loads the solution, telling the views which texts changed', () => {
    const s = session({ ...start, 'compose.yaml': 'mine\n' });
    s.store.showSolution();
    expect(s.store.files()).toEqual(solution);
    expect(s.events).toEqual([{ type: 'files', paths: ['compose.yaml', 'nginx/site.conf'] }]);
    s.store.reset();
    expect(s.store.files()).toEqual(start);
    expect(s.store.touched()).toBe(false);
    expect(s.checked.at(-1)).toEqual(start);
  });

  it('knows the files come from « Voir la solution » until a reset or an undo back to the learner’s texts', () => {
    const mine = { ...start, 'compose.yaml': 'mine\n' };
    const s = session(mine);
    expect(s.store.usedSolution()).toBe(false);
    s.store.showSolution();
    expect(s.store.usedSolution()).toBe(true);
    // Editing the solution a little does not make it the learner's work.
    s.store.edit('compose.yaml', 'services:\n  web: {}\n  db: {}\n');
    expect(s.store.usedSolution()).toBe(true);
    // Undo, file by file, back to what the learner had typed.
    s.store.edit('compose.yaml', 'mine\n');
    expect(s.store.usedSolution()).toBe(true);
    s.store.edit('nginx/site.conf', start['nginx/site.conf']);
    expect(s.store.usedSolution()).toBe(false);
    s.store.showSolution();
    s.store.reset();
    expect(s.store.usedSolution()).toBe(false);
  });

  it('remembers a solution shown before the page reopened, and does not count the learner’s own solution as shown', () => {
    expect(session(solution, true, true).store.usedSolution()).toBe(true);
    const own = session(solution);
    own.store.showSolution();
    expect(own.store.usedSolution()).toBe(false);
  });

  it('gives the diff its two texts', () => {
    const s = session({ ...start, 'compose.yaml': 'mine\n' });
    expect(s.store.diff('compose.yaml')).toEqual({ mine: 'mine\n', solution: solution['compose.yaml'] });
    expect(s.store.diff('absent.conf')).toBeUndefined();
    expect(session(start, false).store.diff('compose.yaml')).toBeUndefined();
  });

  it('keeps the engine answer per file and counts errors', () => {
    const s = session();
    s.store.setDiagnostics([diagnostic('compose.yaml', 'error'), diagnostic('compose.yaml', 'warning'), diagnostic('nginx/site.conf', 'error')]);
    expect(s.store.errorCount('compose.yaml')).toBe(1);
    expect(s.store.diagnosticsOf('nginx/site.conf')).toHaveLength(1);
    expect(s.events).toEqual([{ type: 'diagnostics' }]);
  });

  it('merges an import, returning the project as it was for an undo', () => {
    const s = session(start, false);
    const before = s.store.merge({ 'compose.yaml': 'imported\n', '.env': 'A=1\n' });
    expect(s.store.paths()).toEqual(['.env', 'compose.yaml', 'nginx/site.conf']);
    expect(s.events).toEqual([{ type: 'layout' }, { type: 'files', paths: ['compose.yaml'] }]);
    s.store.replace(before);
    expect(s.store.files()).toEqual(start);
  });

  it('adds, renames and removes files, refusing a rename onto an existing one', () => {
    const s = session(start, false);
    s.store.add('conf.d/a.conf', '');
    s.store.rename('conf.d/a.conf', 'compose.yaml');
    expect(s.store.has('conf.d/a.conf')).toBe(true);
    s.store.rename('conf.d/a.conf', 'conf.d/b.conf');
    s.store.remove('nginx/site.conf');
    expect(s.store.paths()).toEqual(['compose.yaml', 'conf.d/b.conf']);
  });

  it('reports a failed save and saves a pending change at once on flush', () => {
    const s = session();
    s.store.edit('compose.yaml', 'a\n');
    s.store.flush();
    expect(s.saved).toHaveLength(1);
    s.store.flush();
    expect(s.saved).toHaveLength(1);
    s.breakStorage();
    s.store.edit('compose.yaml', 'b\n');
    vi.advanceTimersByTime(400);
    expect(s.errors).toHaveLength(1);
  });
});
