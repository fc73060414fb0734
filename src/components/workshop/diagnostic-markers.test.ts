import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/types.ts';
import { MARKER_SEVERITY, MAX_MARKERS_PER_FILE, toMarkers } from './diagnostic-markers.ts';

function diagnostic(overrides: Partial<Diagnostic>): Diagnostic {
  return {
    ruleId: 'no-version-key',
    messageId: 'obsolete',
    severity: 'warning',
    message: 'La clé `version` est obsolète.',
    file: 'compose.yaml',
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 8 } },
    docs: 'La clé `version` est obsolète',
    ...overrides,
  };
}

describe('diagnostics to Monaco markers', () => {
  it('keeps the exact 1-based range, message and rule id', () => {
    expect(toMarkers([diagnostic({ range: { start: { line: 3, column: 5 }, end: { line: 4, column: 2 } } })], 'compose.yaml')).toEqual([
      {
        severity: MARKER_SEVERITY.Warning,
        message: 'La clé `version` est obsolète.',
        startLineNumber: 3,
        startColumn: 5,
        endLineNumber: 4,
        endColumn: 2,
        code: 'no-version-key',
        source: 'Atelier',
      },
    ]);
  });

  it('keeps only the diagnostics of the file shown in the editor', () => {
    const markers = toMarkers([diagnostic({ file: 'nginx/nginx.conf' }), diagnostic({ ruleId: 'other' })], 'compose.yaml');
    expect(markers.map((m) => m.code)).toEqual(['other']);
  });

  it('maps each severity to its Monaco severity', () => {
    const markers = toMarkers([diagnostic({ severity: 'error' }), diagnostic({ severity: 'warning' }), diagnostic({ severity: 'info' })], 'compose.yaml');
    expect(markers.map((m) => m.severity)).toEqual([8, 4, 2]);
  });

  it('widens an empty range to one character so it can be seen', () => {
    const [marker] = toMarkers([diagnostic({ range: { start: { line: 2, column: 7 }, end: { line: 2, column: 7 } } })], 'compose.yaml');
    expect(marker).toMatchObject({ startLineNumber: 2, startColumn: 7, endLineNumber: 2, endColumn: 8 });
  });
});

describe('marker cap', () => {
  it('gives Monaco at most MAX_MARKERS_PER_FILE markers per file', () => {
    const many: Diagnostic[] = Array.from({ length: 5_000 }, (_, i) => ({
      ruleId: 'nginx-syntax',
      messageId: 'empty',
      severity: 'warning',
      message: 'Point-virgule seul.',
      file: 'nginx.conf',
      range: { start: { line: 1, column: i + 1 }, end: { line: 1, column: i + 2 } },
      docs: '',
    }));
    expect(toMarkers(many, 'nginx.conf')).toHaveLength(MAX_MARKERS_PER_FILE);
    expect(toMarkers(many, 'compose.yaml')).toEqual([]);
  });
});
