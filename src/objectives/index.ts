import type { CheckResult } from '../engine/check.ts';
import { objectives as introduction } from './01-introduction.ts';
import { objectives as architecture } from './02-architecture.ts';
import type { LessonObjectives } from './types.ts';

/** Lesson slug → its predicates. The objectives test fails when a lesson's objective has none. */
export const lessonObjectives: Readonly<Record<string, LessonObjectives>> = {
  '01-introduction': introduction,
  '02-architecture': architecture,
};

/**
 * Evaluates every objective of a lesson. A predicate that throws is our bug:
 * the objective stays unmet rather than breaking the learner's workshop.
 */
export function evaluateObjectives(
  lesson: string,
  ids: readonly string[],
  result: CheckResult,
  files: Readonly<Record<string, string>>,
): Record<string, boolean> {
  const predicates = lessonObjectives[lesson] ?? {};
  const met: Record<string, boolean> = {};
  for (const id of ids) {
    const predicate = predicates[id];
    try {
      met[id] = predicate ? predicate(result, files) : false;
    } catch {
      met[id] = false;
    }
  }
  return met;
}
