// Property test for the Swarm rules: whatever a stack file becomes while the
// learner types (cut anywhere, a line deleted, a character inserted),
// checkProject in Swarm mode answers without an internal error, with ranges
// inside the file, and its fixes stay inside the file too.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';

const solution = readFileSync(new URL('../../../content/lessons/12-plusieurs-machines/solution/stack.yaml', import.meta.url), 'utf8');
const start = readFileSync(new URL('../../../content/lessons/12-plusieurs-machines/start/stack.yaml', import.meta.url), 'utf8');

function assertSound(text: string): void {
  const lines = text.split('\n');
  const inside = (p: { line: number; column: number }): void => {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines.length + 1);
    expect(p.column).toBeGreaterThanOrEqual(1);
  };
  for (const d of checkProject([{ path: 'stack.yaml', text }], { swarm: true }).diagnostics) {
    expect(d.ruleId, d.docs).not.toBe('internal-error');
    expect(d.message).not.toMatch(/\{\{\s*\w+\s*\}\}/);
    inside(d.range.start);
    inside(d.range.end);
    for (const edit of d.fix?.edits ?? []) {
      inside(edit.range.start);
      inside(edit.range.end);
    }
  }
}

const edits = (base: string) =>
  fc.oneof(
    fc.nat(base.length).map((cut) => base.slice(0, cut)),
    fc.nat(base.split('\n').length - 1).map((line) => base.split('\n').filter((_, i) => i !== line).join('\n')),
    fc.tuple(fc.nat(base.length), fc.constantFrom(':', '-', ' ', '\n', '"', '[', '{', '$', '&', '*', '#')).map(([at, char]) => base.slice(0, at) + char + base.slice(at)),
  );

describe('Swarm rules on edited stack files', () => {
  it.each([
    ['the solution', solution],
    ['the chapter 11 file', start],
  ])('never crash and stay inside %s', (_name, base) => {
    fc.assert(fc.property(edits(base), assertSound), { numRuns: 150 });
  }, 120_000);
});
