import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';
import { goYamlError } from './go-yaml-line.ts';

interface RecordedCase {
  name: string;
  yaml: string;
  status: number;
  line: number | null;
  problem: string | null;
  message: string;
}

// Recorded from the real `docker compose config -q` by scripts/oracle/record-yaml-lines.ts.
const recorded = JSON.parse(readFileSync(new URL('./fixtures/go-yaml-lines.json', import.meta.url), 'utf8')) as { tool: string; cases: RecordedCase[] };
const isYamlSyntax = (c: RecordedCase): boolean => /(^|\s)yaml: /.test(c.message) && !/already defined/.test(c.message);

describe(`go-yaml's line and problem, as ${recorded.tool} prints them`, () => {
  it.each(recorded.cases.filter(isYamlSyntax).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const error = goYamlError(c.yaml);
    expect(error?.problem).toBe(c.problem);
    expect(error?.line).toBe(c.line ?? undefined);
  });

  it.each(recorded.cases.filter((c) => !isYamlSyntax(c)).map((c) => [c.name, c] as const))('%s: no syntax error for go-yaml either', (_name, c) => {
    expect(goYamlError(c.yaml)).toBeUndefined();
  });
});

describe('the yaml-syntax diagnostic sits at the line Compose prints', () => {
  it.each(recorded.cases.filter((c) => isYamlSyntax(c) && c.line !== null).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const diagnostic = checkProject([{ path: 'compose.yaml', text: c.yaml }]).diagnostics.find((d) => d.ruleId === 'yaml-syntax');
    expect(diagnostic?.range.start.line).toBe(c.line);
  });

  it('says where eemeli/yaml saw the problem when Compose names another line', () => {
    const text = 'services:\n  test1:\n    pull_policy: build\n    command:\n      - echo\n     - "test 1 success"\n';
    const diagnostic = checkProject([{ path: 'compose.yaml', text }]).diagnostics.find((d) => d.ruleId === 'yaml-syntax');
    expect(diagnostic?.range.start).toEqual({ line: 2, column: 3 });
    expect(diagnostic?.message).toMatch(/Compose signale l’erreur à cette ligne, juste au-dessus de l’objet \(le bloc de clés\) en cours\u00a0; elle apparaît à la ligne 6\.$/);
  });

  it('adds nothing when both parsers name the same line', () => {
    const diagnostic = checkProject([{ path: 'compose.yaml', text: 'services:\n  web:\n    image: "nginx\n' }]).diagnostics.find((d) => d.ruleId === 'yaml-syntax');
    expect(diagnostic?.range.start.line).toBe(3);
    expect(diagnostic?.message).not.toMatch(/Compose signale/);
  });
});

describe('goYamlError is total and linear', () => {
  it('never throws on arbitrary text and stays fast on large inputs', () => {
    const inputs = ['', '\n', '-', ':', '[', '{', '"', "'", '|', '>', '&', '*', '!', '%', '---', '...', '\t', '? a', 'a: b: c', '- - -', '[[[[', '{a: [b, {c: d'];
    for (const text of inputs) expect(() => goYamlError(text)).not.toThrow();
    const big = `services:\n${Array.from({ length: 20_000 }, (_, i) => `  s${i}:\n    image: "x${i}"\n    ports: [${i}, ${i + 1}]\n`).join('')}  bad\n`;
    expect(goYamlError(big)?.problem).toBe("could not find expected ':'");
    const deep = '['.repeat(20_000);
    expect(goYamlError(deep)?.problem).toMatch(/exceeded max depth|did not find expected/);
  });
});
