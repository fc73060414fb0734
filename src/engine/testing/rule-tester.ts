import { describe, expect, it } from 'vitest';
import { applyFixes } from '../apply-fixes.ts';
import { checkProject } from '../check.ts';
import type { AnyRule } from '../rules/catalogue.ts';
import type { Diagnostic, ProjectFile, RuleInvalidCase, RuleValidCase } from '../types.ts';

function projectOf(testCase: RuleValidCase): ProjectFile[] {
  return Object.entries(testCase.files).map(([path, text]) => ({ path, text }));
}

function label(testCase: RuleValidCase, index: number): string {
  return testCase.name ?? `#${index + 1}`;
}

const errorsOf = (diagnostics: readonly Diagnostic[]): number => diagnostics.filter((d) => d.severity === 'error').length;

/** Checks `testCase.output`: the fixes the rule offers, applied as the editor would, give exactly that text and break nothing. */
function expectFixedOutput(rule: AnyRule, testCase: RuleInvalidCase, reported: readonly Diagnostic[], all: readonly Diagnostic[]): void {
  const [file, text] = Object.entries(testCase.files)[0]!;
  const fixes = reported.filter((d) => d.fix !== undefined).map((d) => d.fix!);
  if (fixes.length === 0) {
    expect(testCase.output, 'an example with `output` must report a fix').toBeUndefined();
    return;
  }
  expect(testCase.output, 'an example whose diagnostics carry a fix states the fixed text in `output`').toBeDefined();
  for (const fix of fixes) {
    expect(fix.title.trim(), 'a fix has a French title').not.toBe('');
    for (const edit of fix.edits) expect(edit.file, 'fixes of an example edit its first file').toBe(file);
  }
  const { output } = applyFixes(text, fixes);
  expect(output).toBe(testCase.output);
  // A quick fix must not leave a broken file: no more errors than before.
  const fixed = checkProject(projectOf({ ...testCase, files: { ...testCase.files, [file]: output } }), testCase.options).diagnostics;
  expect(errorsOf(fixed), `errors after the fix: ${fixed.filter((d) => d.severity === 'error').map((d) => d.ruleId).join(', ')}`).toBeLessThanOrEqual(errorsOf(all));
  expect(fixed.filter((d) => d.ruleId === rule.id).length, 'the fix removes at least one report').toBeLessThan(reported.length);
}

/**
 * ESLint's RuleTester for our engine: runs a rule's own examples (the same
 * ones its documentation page shows) through the whole engine. A valid case
 * must raise nothing from this rule; an invalid one must raise exactly the
 * listed diagnostics, by message key and 1-based position (and the data an
 * example states), and, when they carry quick fixes, give the stated
 * `output` once fixed. Every message key
 * of the rule is produced by at least one invalid example, so no message is
 * left untested (and undocumented).
 */
export function testRule(rule: AnyRule): void {
  describe(rule.id, () => {
    rule.examples.valid.forEach((testCase, index) => {
      it(`accepts valid ${label(testCase, index)}`, () => {
        const { diagnostics } = checkProject(projectOf(testCase), testCase.options);
        expect(diagnostics.filter((d) => d.ruleId === rule.id || d.ruleId === 'internal-error')).toEqual([]);
      });
    });

    rule.examples.invalid.forEach((testCase, index) => {
      it(`reports invalid ${label(testCase, index)}`, () => {
        const defaultFile = Object.keys(testCase.files)[0];
        const { diagnostics } = checkProject(projectOf(testCase), testCase.options);
        const reported = diagnostics.filter((d) => d.ruleId === rule.id);
        const actual = reported.map((d, i) => {
          const stated = testCase.errors[i]?.data;
          const data = stated && Object.fromEntries(Object.keys(stated).map((key) => [key, d.data?.[key]]));
          return { messageId: d.messageId, line: d.range.start.line, column: d.range.start.column, file: d.file, ...(data ? { data } : {}) };
        });
        const expected = testCase.errors.map((e) => ({ ...e, file: e.file ?? defaultFile }));
        expect(actual).toEqual(expected);
        for (const d of reported) {
          expect(rule.messages[d.messageId], `message key ${d.messageId}`).toBeDefined();
          expect(d.message).not.toMatch(/\{\{/);
        }
        expect(diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
        expectFixedOutput(rule, testCase, reported, diagnostics);
      });
    });

    it('produces each of its message keys in an invalid example', () => {
      const produced = new Set(rule.examples.invalid.flatMap((testCase) => testCase.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.messages).filter((key) => !produced.has(key)), 'message keys no example produces').toEqual([]);
    });
  });
}
