import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../engine/check.ts';
import { lessonSchema } from '../content/lesson-schema.ts';
import { evaluateObjectives, lessonObjectives } from './index.ts';

// Every lesson on disk is checked, so a lesson that lands without predicates
// (or whose exercise is already solved at the start) fails here.

const lessonsDir = join(import.meta.dirname, '../content/lessons');

interface LessonOnDisk {
  slug: string;
  objectiveIds: string[];
  read(variant: 'start' | 'solution'): Record<string, string>;
}

function lessonsOnDisk(): LessonOnDisk[] {
  if (!existsSync(lessonsDir)) return [];
  return readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(lessonsDir, entry.name, 'index.mdx')))
    .map((entry) => {
      const dir = join(lessonsDir, entry.name);
      const source = readFileSync(join(dir, 'index.mdx'), 'utf8');
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
      const lesson = lessonSchema.parse(parse(frontmatter));
      return {
        slug: entry.name,
        objectiveIds: lesson.objectives.map((o) => o.id),
        read: (variant: 'start' | 'solution') => Object.fromEntries(lesson.files.map((f) => [f.path, readFileSync(join(dir, variant, f.path), 'utf8')])),
      };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

const lessons = lessonsOnDisk();

function check(files: Record<string, string>) {
  // As the workshop checks them: an excerpt of the chapter's stack.
  return checkProject(Object.entries(files).map(([path, text]) => ({ path, text })), { partial: true });
}

describe('lesson objectives', () => {
  it('finds the lessons on disk', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  describe.each(lessons)('$slug', (lesson) => {
    it('has one predicate per objective of its frontmatter, and no stray one', () => {
      const predicates = lessonObjectives[lesson.slug];
      expect(predicates, `src/objectives/${lesson.slug}.ts is missing from src/objectives/index.ts`).toBeDefined();
      expect(Object.keys(predicates ?? {}).sort()).toEqual([...lesson.objectiveIds].sort());
    });

    it('has a table of passing and failing snippets per objective, src/objectives/<lesson>.test.ts', () => {
      expect(existsSync(join(import.meta.dirname, `${lesson.slug}.test.ts`)), `src/objectives/${lesson.slug}.test.ts`).toBe(true);
    });

    it('is fully met by its solution files', () => {
      const files = lesson.read('solution');
      const met = evaluateObjectives(lesson.slug, lesson.objectiveIds, check(files), files);
      expect(met).toEqual(Object.fromEntries(lesson.objectiveIds.map((id) => [id, true])));
    });

    it('has no engine error in its solution files', () => {
      const errors = check(lesson.read('solution')).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.file}:${d.range.start.line} ${d.ruleId} ${d.message}`)).toEqual([]);
    });

    it('has every objective unmet on its start files', () => {
      const files = lesson.read('start');
      const met = evaluateObjectives(lesson.slug, lesson.objectiveIds, check(files), files);
      expect(met).toEqual(Object.fromEntries(lesson.objectiveIds.map((id) => [id, false])));
    });
  });
});
