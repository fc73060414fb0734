import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../progress/storage.ts';
import { loadProject, PLAYGROUND_BACKUP_PREFIX, PLAYGROUND_KEY, saveProject } from './storage.ts';

function memory(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}
const now = () => new Date('2026-11-26T12:00:00Z');

describe('playground storage', () => {
  it('saves and loads the project under its own key', () => {
    const store = memory();
    saveProject(store, { 'compose.yaml': 'services: {}\n' }, now);
    expect([...store.data.keys()]).toEqual([PLAYGROUND_KEY]);
    expect(loadProject(store, now)).toEqual({ files: { 'compose.yaml': 'services: {}\n' } });
  });
  it('starts empty without a saved project', () => {
    expect(loadProject(memory(), now)).toEqual({ files: undefined });
  });
  it('sets corrupt data aside and reports it in French', () => {
    const store = memory({ [PLAYGROUND_KEY]: '{oops' });
    const result = loadProject(store, now);
    expect(result.files).toBeUndefined();
    expect(result.problem).toContain("n’est pas du JSON lisible");
    expect(store.data.get(`${PLAYGROUND_BACKUP_PREFIX}2026-11-26T12:00:00.000Z`)).toBe('{oops');
    expect(store.data.has(PLAYGROUND_KEY)).toBe(false);
  });
  it('names a newer format', () => {
    const result = loadProject(memory({ [PLAYGROUND_KEY]: '{"version":3,"files":{}}' }), now);
    expect(result.problem).toContain('format 3');
  });
  it('reports an unavailable storage', () => {
    const store: KeyValueStore = { getItem: () => { throw new Error('no'); }, setItem: () => undefined, removeItem: () => undefined };
    expect(loadProject(store).problem).toContain("n’est pas disponible");
  });
});
