// The programmatic API of the `atelier-compose` package: the checks the
// workshop and the CLI run, for tools that embed them. Pure functions of file
// texts (no disk, no network), so they run in Node, a worker or a browser.
// It exposes diagnostics, not the engine's internal models, so the engine can
// change its models without breaking the callers.
import { checkProject as checkWithModels } from './engine/check.ts';
import { catalogue } from './engine/rules/catalogue.ts';
import type { CheckOptions, Diagnostic, ProjectFile, RuleDocs, RuleKind, Severity } from './engine/types.ts';

export { classifyFile } from './engine/classify-file.ts';
export type {
  CheckOptions,
  Diagnostic,
  FileKind,
  Fix,
  MessageData,
  Position,
  ProjectFile,
  Range,
  RuleDocs,
  RuleKind,
  Severity,
  TextEdit,
} from './engine/types.ts';

export interface CheckProjectResult {
  /** Sorted by file, line, column and rule. Empty when the project is clean. */
  diagnostics: Diagnostic[];
}

/**
 * Checks a project's compose, `.env` and nginx files together, as
 * `docker compose config` and `nginx -t` would, plus the course's good
 * practices. Never throws; any text gives a result, in time linear in its size.
 */
export function checkProject(files: readonly ProjectFile[], options: CheckOptions = {}): CheckProjectResult {
  return { diagnostics: checkWithModels(files, options).diagnostics };
}

/** What the CLI's `rules` command lists: a rule's identity and French documentation. */
export interface RuleInfo {
  id: string;
  kind: RuleKind;
  severity: Severity;
  docs: RuleDocs;
}

/** Every rule of the engine, in the order it runs them. */
export const rules: readonly RuleInfo[] = catalogue.map(({ id, kind, severity, docs }) => ({ id, kind, severity, docs }));
