// A file that does not parse gets its syntax error, and only that: the rules
// that read the model (which is what a broken file yields, partly) stay quiet,
// as Compose stops at the syntax error before judging anything else.
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import { composeRules } from './index.ts';

/** Rules that read the text, not the model: what they say is true of a broken file too. */
const TEXT_RULES = new Set(['yaml-syntax', 'compose-schema', 'env-file-syntax', 'interpolation-limit', 'required-variable', 'unset-variable']);

const cases = composeRules
  .filter((rule) => !TEXT_RULES.has(rule.id))
  .flatMap((rule) => (rule.examples?.invalid ?? []).map((example, i) => [rule.id, i, example] as const))
  .filter(([, , example]) => 'compose.yaml' in example.files);

describe('model rules stay quiet on a compose file that does not parse', () => {
  it('has invalid examples to break for most model rules', () => {
    expect(new Set(cases.map(([id]) => id)).size).toBeGreaterThan(25);
  });

  it.each(cases)('%s, invalid example %i, with an unclosed `[` added at its end', (id, _i, { files, options }) => {
    const check = (project: Record<string, string>) => checkProject(Object.entries(project).map(([path, text]) => ({ path, text })), options).diagnostics;
    expect(check(files).some((d) => d.ruleId === id)).toBe(true);
    const broken = check({ ...files, 'compose.yaml': `${files['compose.yaml']!.trimEnd()}\nx-broken: [\n` });
    expect(broken.some((d) => d.ruleId === 'yaml-syntax')).toBe(true);
    expect(broken.filter((d) => d.ruleId === id)).toEqual([]);
  });
});
