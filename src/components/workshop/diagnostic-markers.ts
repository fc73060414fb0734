import type { Diagnostic, Severity } from '../../engine/types.ts';

// The values of monaco's public `MarkerSeverity` enum, copied so this mapping
// stays a pure module that runs in Node tests without loading the editor.
export const MARKER_SEVERITY = { Info: 2, Warning: 4, Error: 8 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  code: string;
  source: string;
}

const severityOf: Record<Severity, number> = {
  error: MARKER_SEVERITY.Error,
  warning: MARKER_SEVERITY.Warning,
  info: MARKER_SEVERITY.Info,
};

/** Monaco slows to a crawl past a few thousand markers in one model; the list says how many there are in all. */
export const MAX_MARKERS_PER_FILE = 1_000;

/**
 * The engine and Monaco both count from 1 with an exclusive end column, so
 * ranges map directly. An empty range (a missing key reported at a point) is
 * widened to one character so the squiggle is visible.
 */
export function toMarkers(diagnostics: readonly Diagnostic[], file: string): MarkerData[] {
  const mine: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.file === file) mine.push(diagnostic);
    if (mine.length === MAX_MARKERS_PER_FILE) break;
  }
  return mine.map((d) => {
    const { start, end } = d.range;
    const empty = end.line < start.line || (end.line === start.line && end.column <= start.column);
    return {
      severity: severityOf[d.severity],
      message: d.message,
      startLineNumber: start.line,
      startColumn: start.column,
      endLineNumber: empty ? start.line : end.line,
      endColumn: empty ? start.column + 1 : end.column,
      code: d.ruleId,
      source: 'Atelier',
    };
  });
}
