import type { Diagnostic, Range, Severity } from '../../engine/types.ts';

// The order of the problems list, decided here so the workshop and the
// playground only draw it: errors before warnings before information, then by
// position (the files in the order the learner sees their tabs, then line and
// column), so the list reads like the editor, top to bottom, worst first.

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * At most this many problems are drawn: a list of 100,000 buttons freezes the
 * tab (and `replaceChildren(...items)` overflowed the call stack at 150,000).
 * The rest are counted in one French line; fixing the first ones usually
 * makes most of the rest disappear.
 */
export const MAX_LISTED = 200;

/**
 * The problems sorted by severity, then file (in `files` order; files not in
 * it come after, by name), then start and end position. Stable: two problems
 * at the same place keep the engine's order. Returns a new array.
 */
export function orderProblems(diagnostics: readonly Diagnostic[], files: readonly string[] = []): Diagnostic[] {
  return listProblems(diagnostics, files, Infinity).shown;
}

/** The problems drawn, in `orderProblems`' order and capped at `max`, and how many are left out. */
export function listProblems(
  diagnostics: readonly Diagnostic[],
  files: readonly string[] = [],
  max = MAX_LISTED,
): { shown: Diagnostic[]; hidden: number } {
  // Grouped by severity and file in one pass, then each group put in position
  // order only when the engine did not already give it so (it usually does):
  // sorting 100,000 problems took 100–300 ms of the page's main thread.
  const bySeverity: Record<Severity, Map<string, Diagnostic[]>> = { error: new Map(), warning: new Map(), info: new Map() };
  for (const diagnostic of diagnostics) {
    const byFile = bySeverity[diagnostic.severity];
    const items = byFile.get(diagnostic.file);
    if (items) items.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  const fileRank = new Map(files.map((path, index) => [path, index]));
  const rankOf = (path: string): number => fileRank.get(path) ?? files.length;
  const byFileOrder = (a: string, b: string): number => rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
  const ordered = SEVERITIES.flatMap((severity) => {
    const byFile = bySeverity[severity];
    return [...byFile.keys()].sort(byFileOrder).map((file) => byFile.get(file)!);
  });
  const shown: Diagnostic[] = [];
  for (const items of ordered) {
    if (shown.length >= max) break;
    // Array.prototype.sort is stable: problems at the same place keep the engine's order.
    if (!inPositionOrder(items)) items.sort((a, b) => comparePositions(a.range, b.range));
    for (const item of items) {
      if (shown.length >= max) break;
      shown.push(item);
    }
  }
  return { shown, hidden: diagnostics.length - shown.length };
}

function comparePositions(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.column - b.start.column || a.end.line - b.end.line || a.end.column - b.end.column;
}

function inPositionOrder(items: readonly Diagnostic[]): boolean {
  for (let i = 1; i < items.length; i += 1) if (comparePositions(items[i - 1]!.range, items[i]!.range) > 0) return false;
  return true;
}
