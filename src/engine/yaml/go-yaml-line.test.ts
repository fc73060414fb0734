import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, REPO, verdictsFile, type CorpusKind } from '../../../scripts/oracle/real-world/paths.ts';
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
// `already defined` and `invalid map key` come from go-yaml's decoder, after the parser accepted the text.
const isYamlSyntax = (c: RecordedCase): boolean => /(^|\s)yaml: /.test(c.message) && !/already defined|invalid map key/.test(c.message);

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

/** Each compose file of the oracle corpora with the first line of what Compose 2.40.3 printed for it. */
function corpusMessages(): { name: string; text: string; message: string }[] {
  const found: { name: string; text: string; message: string }[] = [];
  const course = JSON.parse(readFileSync(join(REPO, 'tests/oracle/compose/verdicts.json'), 'utf8')) as { cases: Record<string, { message: string }> };
  for (const [name, { message }] of Object.entries(course.cases)) found.push({ name, text: readFileSync(join(REPO, 'tests/oracle/compose/corpus', name, 'compose.yaml'), 'utf8'), message });
  for (const kind of ['compose', 'compose-mutants'] satisfies CorpusKind[]) {
    const verdicts = JSON.parse(readFileSync(verdictsFile(kind), 'utf8')) as Record<string, { message: string }>;
    for (const [name, { message }] of Object.entries(verdicts)) {
      const { composeFile } = JSON.parse(readFileSync(join(corpusDir(kind), name, 'case.json'), 'utf8')) as { composeFile: string };
      found.push({ name: `${kind}/${name}`, text: readFileSync(join(corpusDir(kind), name, 'project', composeFile), 'utf8'), message });
    }
  }
  return found;
}

describe('go-yaml\'s line and problem on the oracle corpora (the course\'s mistakes, real-world files and their mutants)', () => {
  it('gives the line and the problem Compose printed for every syntax error, and no syntax error elsewhere', () => {
    let errors = 0;
    const disagreements: string[] = [];
    for (const { name, text, message } of corpusMessages()) {
      // Parser and scanner errors; `already defined` and `unmarshal errors` come later, from go-yaml's decoder.
      const printed = /(?:^|: )yaml: line (\d+): (.+)/.exec(message.split('\n')[0]!);
      const expected = printed && !/already defined|unmarshal errors/.test(printed[2]!) ? { line: Number(printed[1]), problem: printed[2] } : undefined;
      if (expected) errors++;
      const error = goYamlError(text);
      const got = error && { line: error.line, problem: error.problem };
      if (JSON.stringify(got) !== JSON.stringify(expected)) disagreements.push(`${name}: Compose ${JSON.stringify(expected)}, emulation ${JSON.stringify(got)}`);
    }
    expect(errors).toBeGreaterThan(800);
    expect(disagreements).toEqual([]);
  });
});

describe('what Compose refuses for its syntax, the engine refuses', () => {
  it.each(recorded.cases.filter(isYamlSyntax).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const errors = checkProject([{ path: 'compose.yaml', text: c.yaml }]).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toContain('yaml-syntax');
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
