import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../lib/playground/share-link.ts';
import { saveProject } from '../../lib/playground/storage.ts';
import type { KeyValueStore } from '../../lib/progress/storage.ts';
import { EMPTY_PROJECT, firstFile, sortedPaths, startingProject } from './playground-boot.ts';

function memoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

const OWN = { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n', '.env': 'PORT=3000\n' };
const SHARED = { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n', 'conf.d/site.conf': 'server {\n    listen 80;\n}\n' };

describe('startingProject', () => {
  it('opens an empty compose project on a first visit', () => {
    expect(startingProject(memoryStore(), '')).toEqual({ project: { files: EMPTY_PROJECT, readOnly: false, problems: [] }, clearHash: false });
  });

  it('opens the saved project', () => {
    const store = memoryStore();
    saveProject(store, OWN);
    expect(startingProject(store, '').project).toEqual({ files: OWN, readOnly: false, problems: [] });
  });

  it('shows a shared project read-only and keeps the saved one aside', () => {
    const store = memoryStore();
    saveProject(store, OWN);
    const link = encodeShare(SHARED);
    if (!link.ok) throw new Error(link.error);
    expect(startingProject(store, link.fragment)).toEqual({ project: { files: SHARED, readOnly: true, ownFiles: OWN, problems: [] }, clearHash: false });
  });

  it('explains a broken link in French, opens the saved project and clears the address', () => {
    const store = memoryStore();
    saveProject(store, OWN);
    const { project, clearHash } = startingProject(store, '#p=eJzLSM3JyVcozy_KSQEAGgQEXQ');
    expect(project.files).toEqual(OWN);
    expect(project.readOnly).toBe(false);
    expect(project.problems.join(' ')).toContain('incomplet ou abîmé');
    expect(clearHash).toBe(true);
  });
});

describe('the file a project opens on', () => {
  it('is its compose file, else its first file in order', () => {
    expect(firstFile(sortedPaths(['.env', 'nginx.conf', 'compose.yaml']))).toBe('compose.yaml');
    expect(firstFile(sortedPaths(['nginx.conf', 'conf.d/a.conf']))).toBe('conf.d/a.conf');
    expect(firstFile([])).toBe('');
  });
});
