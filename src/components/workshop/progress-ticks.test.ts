import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../../lib/progress/storage.ts';
import { doneLessons, lessonTicks, tickText, TICKS_STORAGE_KEY } from './progress-ticks.ts';

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

  it('counts the objectives met by the learner’s own files, out of the lesson’s total', () => {
    const raw = JSON.stringify({
      version: 1,
      lessons: {
        '05-api-nodejs': { files: {}, done: false, met: ['image', 'sante', 'image'], solutionShown: true, updatedAt: '2026-12-07T10:00:00Z' },
        '01-introduction': { files: {}, done: true, updatedAt: '2026-11-26T10:00:00Z' },
      },
    });
    const ticks = lessonTicks(raw);
    expect(tickText(ticks.get('05-api-nodejs'), 4)).toEqual({ shown: '2/4', spoken: '2 objectifs atteints sur 4' });
    // Done before the count was saved: every objective was met once.
    expect(tickText(ticks.get('01-introduction'), 3)).toEqual({ shown: '✓\u00a03/3', spoken: 'Leçon terminée\u00a0: 3 objectifs sur 3' });
    expect(tickText(undefined, 5)).toEqual({ shown: '0/5', spoken: '0 objectif atteint sur 5' });
    expect(tickText({ done: false, met: 1 }, 5).spoken).toBe('1 objectif atteint sur 5');
    // The course map has room to say what is counted.
    expect(tickText(ticks.get('05-api-nodejs'), 4, true).shown).toBe('2/4 objectifs');
  });

  it('reads the key the storage module writes', () => {
    expect(TICKS_STORAGE_KEY).toBe(STORAGE_KEY);
  });
});
