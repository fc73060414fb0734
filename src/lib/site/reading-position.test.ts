import { describe, expect, it } from 'vitest';
import { sectionAt } from './reading-position.ts';

const headings = [
  { id: 'une-configuration', top: -1200 },
  { id: 'redemarrer', top: -300 },
  { id: 'limiter-les-journaux', top: 150 },
  { id: 'healthchecks', top: 900 },
];

describe('the section being read', () => {
  it('is the last heading above the reading line', () => {
    expect(sectionAt(headings, 260)).toBe('limiter-les-journaux');
    expect(sectionAt(headings, 100)).toBe('redemarrer');
  });

  it('is none above the first heading, and the last one past it', () => {
    expect(sectionAt([{ id: 'a', top: 400 }, { id: 'b', top: 900 }], 260)).toBeUndefined();
    expect(sectionAt(headings, 5000)).toBe('healthchecks');
    expect(sectionAt([], 260)).toBeUndefined();
  });
});
