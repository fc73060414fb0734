import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../../lib/progress/storage.ts';
import { doneLessons, TICKS_STORAGE_KEY } from './progress-ticks.ts';

describe('sidebar ticks', () => {
  it('ticks exactly the lessons saved as done', () => {
    const raw = JSON.stringify({
      version: 1,
      lessons: {
        '01-introduction': { files: {}, done: true, updatedAt: '2026-11-26T10:00:00Z' },
        '02-architecture': { files: {}, done: false, updatedAt: '2026-11-26T10:00:00Z' },
      },
    });
    expect([...doneLessons(raw)]).toEqual(['01-introduction']);
  });

  it('shows no tick for missing, corrupt or foreign data', () => {
    expect(doneLessons(null).size).toBe(0);
    expect(doneLessons('{oops').size).toBe(0);
    expect(doneLessons(JSON.stringify({ version: 2, lessons: { a: { done: true } } })).size).toBe(0);
  });

  it('reads the key the storage module writes', () => {
    expect(TICKS_STORAGE_KEY).toBe(STORAGE_KEY);
  });
});
