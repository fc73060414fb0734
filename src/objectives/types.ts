import type { CheckResult } from '../engine/check.ts';

/**
 * Decides whether one lesson objective is met. It receives the engine's result
 * (parsed models and diagnostics) for the learner's files, and the raw texts
 * for the rare objective about text the models do not keep (a `.env` line).
 */
export type ObjectivePredicate = (result: CheckResult, files: Readonly<Record<string, string>>) => boolean;

/** One predicate per objective id of the lesson's frontmatter. */
export type LessonObjectives = Readonly<Record<string, ObjectivePredicate>>;
