import type { RuleDocs, RuleExamples } from '../../engine/types.ts';

/** The part of a rule its reference page needs; a plain object so tests can pass a deliberately incomplete fake. */
export interface DocumentedRule {
  id: string;
  docs: Partial<RuleDocs>;
  examples: Partial<RuleExamples>;
}

const REQUIRED_DOCS = ['title', 'what', 'why', 'howToFix'] as const;

/** Names of the fields a rule's page cannot do without, in `docs.what` / `examples.valid` form. */
export function missingDocumentation(rule: DocumentedRule): string[] {
  const missing: string[] = REQUIRED_DOCS.filter((field) => !rule.docs[field]?.trim()).map((field) => `docs.${field}`);
  if (!rule.examples.valid?.length) missing.push('examples.valid');
  if (!rule.examples.invalid?.length) missing.push('examples.invalid');
  else if (rule.examples.invalid.some((testCase) => testCase.errors.length === 0)) missing.push('examples.invalid[].errors');
  return missing;
}

/**
 * Run by the reference pages' `getStaticPaths`: a rule without its French
 * documentation or its examples stops the build, naming what is missing.
 */
export function assertDocumented(rule: DocumentedRule): void {
  const missing = missingDocumentation(rule);
  if (missing.length > 0) {
    throw new Error(
      `La règle «\u00a0${rule.id}\u00a0» n’est pas documentée\u00a0: il manque ${missing.join(', ')}. ` +
        `(Rule "${rule.id}" lacks ${missing.join(', ')}; every rule needs French docs and its valid/invalid examples.)`,
    );
  }
}
