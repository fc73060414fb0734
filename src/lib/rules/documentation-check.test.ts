import { describe, expect, it } from 'vitest';
import { catalogue } from '../../engine/rules/catalogue.ts';
import { assertDocumented, missingDocumentation, type DocumentedRule } from './documentation-check.ts';

const complete: DocumentedRule = {
  id: 'fake-rule',
  docs: { title: 'Titre', what: 'Quoi', why: 'Pourquoi', howToFix: 'Comment' },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services: {}\n' } }],
    invalid: [{ files: { 'compose.yaml': 'services: []\n' }, errors: [{ messageId: 'x', line: 1, column: 1 }] }],
  },
};

describe('rule documentation check', () => {
  it('accepts a rule with its French docs and both kinds of examples', () => {
    expect(missingDocumentation(complete)).toEqual([]);
    expect(() => assertDocumented(complete)).not.toThrow();
  });

  it('stops the build naming the rule and every missing field', () => {
    const incomplete: DocumentedRule = { id: 'regle-incomplete', docs: { title: 'Titre', what: '  ', why: 'Pourquoi' }, examples: { valid: [] } };
    expect(missingDocumentation(incomplete)).toEqual(['docs.what', 'docs.howToFix', 'examples.valid', 'examples.invalid']);
    expect(() => assertDocumented(incomplete)).toThrow(/« regle-incomplete ».*docs\.what, docs\.howToFix, examples\.valid, examples\.invalid/);
  });

  it('refuses a failing example that expects no diagnostic', () => {
    const silent: DocumentedRule = { ...complete, examples: { valid: complete.examples.valid ?? [], invalid: [{ files: { 'compose.yaml': '' }, errors: [] }] } };
    expect(missingDocumentation(silent)).toEqual(['examples.invalid[].errors']);
  });

  it('passes on every rule of the catalogue', () => {
    expect(catalogue.filter((rule) => missingDocumentation(rule).length > 0).map((rule) => rule.id)).toEqual([]);
  });
});
