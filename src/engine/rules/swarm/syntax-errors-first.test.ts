// A stack file that does not parse gets its syntax error, and only that: the
// Swarm rules read the documents that parsed (`docker stack deploy` stops at
// the YAML error before judging anything else).
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import { swarmRules } from './index.ts';

const cases = swarmRules
  .flatMap((rule) => (rule.examples?.invalid ?? []).map((example, i) => [rule.id, i, example] as const))
  .filter(([, , example]) => Object.keys(example.files).some((path) => /\.ya?ml$/.test(path)));

describe('Swarm rules stay quiet on a stack file that does not parse', () => {
  it('has invalid examples to break for most Swarm rules', () => {
    expect(new Set(cases.map(([id]) => id)).size).toBeGreaterThan(5);
  });

  it.each(cases)('%s, invalid example %i, with an unclosed `[` added at the end of its YAML files', (id, _i, { files, options }) => {
    const check = (project: Record<string, string>) => checkProject(Object.entries(project).map(([path, text]) => ({ path, text })), options).diagnostics;
    expect(check(files).some((d) => d.ruleId === id)).toBe(true);
    const broken = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, /\.ya?ml$/.test(path) ? `${text.trimEnd()}\nx-broken: [\n` : text]));
    const diagnostics = check(broken);
    expect(diagnostics.some((d) => d.ruleId === 'yaml-syntax')).toBe(true);
    expect(diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
  });
});
