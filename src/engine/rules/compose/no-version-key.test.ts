import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import { testRule } from '../../testing/rule-tester.ts';
import type { TextEdit } from '../../types.ts';
import { noVersionKey } from './no-version-key.ts';

testRule(noVersionKey);

function apply(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number =>
    lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  return text.slice(0, offset(edit.range.start.line, edit.range.start.column)) + edit.text + text.slice(offset(edit.range.end.line, edit.range.end.column));
}

describe('no-version-key quick fix', () => {
  it('removes the whole `version` line and leaves a file without the warning', () => {
    const text = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.30-alpine\n';
    const diagnostic = checkProject([{ path: 'compose.yaml', text }]).diagnostics.find((d) => d.ruleId === 'no-version-key');
    const fixed = apply(text, diagnostic!.fix!.edits[0]!);
    expect(fixed).toBe('services:\n  web:\n    image: nginx:1.30-alpine\n');
    expect(checkProject([{ path: 'compose.yaml', text: fixed }]).diagnostics).toEqual([]);
  });
});
