import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { composeView, type ServiceView } from './compose-view.ts';
import { evaluateObjectives, lessonObjectives } from './index.ts';

/** A learner's files, by project path. */
export type Files = Readonly<Record<string, string>>;

/** One row of a lesson's table: a snippet that meets the objective and one that does not. */
export interface ObjectiveCase {
  objective: string;
  /** What the row shows, in French (it reads as the objective's documentation). */
  name?: string;
  met: Files;
  unmet: Files;
}

/** The service `app` of a compose file whose `app:` body is `body` (an nginx image unless the body says otherwise). */
export function serviceOf(body: string): ServiceView | undefined {
  return composeView(checkProject([{ path: 'compose.yaml', text: `services:\n  app:\n    image: nginx:1.30-alpine\n${body}` }]))?.services.get('app');
}

/** The files checked as the workshop checks them: an excerpt of the chapter's stack. */
export function isMet(lesson: string, objective: string, files: Files): boolean {
  const result = checkProject(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { partial: true },
  );
  return evaluateObjectives(lesson, [objective], result, files)[objective] === true;
}

/**
 * The objectives' RuleTester: for each predicate of the lesson, at least one
 * snippet that meets it and one that does not, so that neither `return true`
 * nor `return false` in its place goes unnoticed.
 */
export function testObjectives(lesson: string, cases: readonly ObjectiveCase[]): void {
  describe(`objectives of ${lesson}`, () => {
    it('has a row for every predicate of the lesson, and none for an unknown one', () => {
      expect([...new Set(cases.map((c) => c.objective))].sort()).toEqual(Object.keys(lessonObjectives[lesson] ?? {}).sort());
    });

    cases.forEach((c, index) => {
      const label = `${c.objective}${c.name ? ` (${c.name})` : ''} #${index + 1}`;
      it(`${label}: met by its passing snippet`, () => expect(isMet(lesson, c.objective, c.met)).toBe(true));
      it(`${label}: unmet by its failing snippet`, () => expect(isMet(lesson, c.objective, c.unmet)).toBe(false));
    });
  });
}
