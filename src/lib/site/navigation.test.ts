import { describe, expect, it } from 'vitest';
import { chapterNumber, courseOrder, formatDuration, neighbours, type LessonLink } from './navigation.ts';

const lesson = (chapter: number, slug: string): LessonLink => ({ chapter, slug, title: slug, summary: '', duration: 30, objectives: 3 });

describe('courseOrder', () => {
  it('sorts lessons by chapter whatever the collection order', () => {
    const ordered = courseOrder([lesson(3, '03-c'), lesson(1, '01-a'), lesson(2, '02-b')]);
    expect(ordered.map((l) => l.slug)).toEqual(['01-a', '02-b', '03-c']);
  });

  it('refuses two lessons with the same chapter, naming both', () => {
    expect(() => courseOrder([lesson(2, '02-b'), lesson(2, '02-bis')])).toThrow(/« 02-b » et « 02-bis ».*chapitre 2/);
  });

  it('refuses a folder whose number disagrees with the chapter', () => {
    expect(() => courseOrder([lesson(4, '05-api')])).toThrow(/« 05-api ».*« 04- »/);
  });
});

describe('neighbours', () => {
  const course = [lesson(1, '01-a'), lesson(2, '02-b'), lesson(3, '03-c')];

  it('links the middle lesson both ways', () => {
    const { previous, next } = neighbours(course, '02-b');
    expect(previous?.slug).toBe('01-a');
    expect(next?.slug).toBe('03-c');
  });

  it('has no previous lesson at the start and no next one at the end', () => {
    expect(neighbours(course, '01-a').previous).toBeUndefined();
    expect(neighbours(course, '03-c').next).toBeUndefined();
  });

  it('gives nothing for an unknown slug', () => {
    expect(neighbours(course, '99-z')).toEqual({ previous: undefined, next: undefined });
  });
});

describe('formatting', () => {
  it('pads chapter numbers like the folders', () => {
    expect(chapterNumber(4)).toBe('04');
    expect(chapterNumber(11)).toBe('11');
  });

  it('writes durations the French way', () => {
    expect(formatDuration(45)).toBe('45\u00a0min');
    expect(formatDuration(60)).toBe('1\u00a0h');
    expect(formatDuration(95)).toBe('1\u00a0h\u00a035');
    expect(formatDuration(65)).toBe('1\u00a0h\u00a005');
  });
});
