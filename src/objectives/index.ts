import type { CheckResult } from '../engine/check.ts';
import { objectives as introduction } from './01-introduction.ts';
import { objectives as architecture } from './02-architecture.ts';
import { objectives as structure } from './03-structure-du-fichier.ts';
import { objectives as client } from './04-client.ts';
import { objectives as apiNodejs } from './05-api-nodejs.ts';
import { objectives as threeTiers } from './06-architecture-trois-couches.ts';
import { objectives as reverseProxy } from './07-reverse-proxy.ts';
import { objectives as production } from './08-production.ts';
import { objectives as database } from './09-base-de-donnees.ts';
import { objectives as commands } from './10-commandes.ts';
import { objectives as goodPractices } from './11-bonnes-pratiques.ts';
import { objectives as severalMachines } from './12-plusieurs-machines.ts';
import type { LessonObjectives } from './types.ts';

/** Lesson slug → its predicates. The objectives test fails when a lesson's objective has none. */
export const lessonObjectives: Readonly<Record<string, LessonObjectives>> = {
  '01-introduction': introduction,
  '02-architecture': architecture,
  '03-structure-du-fichier': structure,
  '04-client': client,
  '05-api-nodejs': apiNodejs,
  '06-architecture-trois-couches': threeTiers,
  '07-reverse-proxy': reverseProxy,
  '08-production': production,
  '09-base-de-donnees': database,
  '10-commandes': commands,
  '11-bonnes-pratiques': goodPractices,
  '12-plusieurs-machines': severalMachines,
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
