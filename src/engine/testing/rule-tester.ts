import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';
import type { AnyRule } from '../rules/catalogue.ts';
import type { ProjectFile, RuleValidCase } from '../types.ts';

function projectOf(testCase: RuleValidCase): ProjectFile[] {
  return Object.entries(testCase.files).map(([path, text]) => ({ path, text }));
}

function label(testCase: RuleValidCase, index: number): string {
  return testCase.name ?? `#${index + 1}`;
}

/**
 * ESLint's RuleTester for our engine: runs a rule's own examples (the same
 * ones its documentation page shows) through the whole engine. A valid case
 * must raise nothing from this rule; an invalid one must raise exactly the
 * listed diagnostics, by message key and 1-based position.
 */
export function testRule(rule: AnyRule): void {
  describe(rule.id, () => {
    it('has French documentation and both kinds of examples', () => {
      expect(rule.docs.title.trim()).not.toBe('');
      expect(rule.docs.what.trim()).not.toBe('');
      expect(rule.docs.why.trim()).not.toBe('');
      expect(rule.docs.howToFix.trim()).not.toBe('');
      expect(rule.examples.valid.length).toBeGreaterThan(0);
      expect(rule.examples.invalid.length).toBeGreaterThan(0);
    });

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
        const actual = diagnostics
          .filter((d) => d.ruleId === rule.id)
          .map((d) => ({ messageId: d.messageId, line: d.range.start.line, column: d.range.start.column, file: d.file }));
        const expected = testCase.errors.map((e) => ({ ...e, file: e.file ?? defaultFile }));
        expect(actual).toEqual(expected);
        for (const d of diagnostics.filter((x) => x.ruleId === rule.id)) {
          expect(rule.messages[d.messageId], `message key ${d.messageId}`).toBeDefined();
          expect(d.message).not.toMatch(/\{\{/);
        }
      });
    });
  });
}
