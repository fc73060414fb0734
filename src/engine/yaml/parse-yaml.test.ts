import { describe, expect, it } from 'vitest';
import { MAX_YAML_DOCUMENTS } from '../limits.ts';
import { excessiveNesting, excessiveNodeTokens, parseYaml } from './parse-yaml.ts';

describe('excessiveNodeTokens counts what makes yaml build a node', () => {
  it.each([
    // [text, max, offset where the count passes max, or -1]
    ['x: &a *b !c', 2, 9],
    ['&a &b &c', 2, 6],
    ['x: [1, 2]', 1, 5],
    ['x: [1, 2]', 2, -1],
    ['x: {a: 1}', 0, 3],
    ['x: [? a, <<: b]', 3, 9],
    ['a&b&c&d *e', 2, -1],
    ['x: "[[[[" y', 2, -1],
    ['x: "\\"[[[[" y', 2, -1],
    ["x: 'it''s [[[[' y", 2, -1],
    ['x: 1 # [[[[\ny: 2', 2, -1],
    ['#[[[[[\ny: 2', 2, -1],
    ['x: a#[[[', 2, 7],
    ['[[', 2, -1],
    ['x: ?a <b c', 0, -1],
    ['a: "x" [[[', 2, 9],
  ] as const)('%j, at most %i', (text, max, expected) => {
    expect(excessiveNodeTokens(text, max)).toBe(expected);
  });
});

describe('excessiveNesting finds flow brackets and line indicators nested too deep', () => {
  it.each([
    ['a: [[[x]]]', 2, 5],
    ['a: {{{x}}}', 2, 5],
    ['a: [[x]]\nb: [[y]]', 2, -1],
    ['- - - x', 2, 6],
    ['? ? ? x', 2, 6],
    ['- [[x]]', 2, 3],
    ['a: "[[[" ', 2, -1],
    ['a: "\\"[[[" ', 2, -1],
    ["a: 'x''[[['", 2, -1],
    ['a: 1 # [[[', 2, -1],
    ['a: ]]] [[x]]', 2, -1],
    ['a: x[[[', 2, 6],
    ['a: [1] [2] [3]', 1, -1],
    ['a: {a} {b} {c}', 1, -1],
    ['a: ]] [[x]]', 1, 7],
    ['a: [abc [d]]', 1, 8],
  ] as const)('%j, at most %i', (text, max, expected) => {
    expect(excessiveNesting(text, max)).toBe(expected);
  });
});

describe('parseYaml', () => {
  const issuesOf = (text: string) => parseYaml({ path: 'compose.yaml', text })[0]!.issues.map((i) => [i.code, i.range.start]);

  it('starts an indentation error at the flow bracket left open above it', () => {
    expect(issuesOf('services:\n  web:\n    command: [["a"], "b"\n    image: x\n')).toEqual([['BAD_INDENT', { line: 3, column: 14 }]]);
    expect(issuesOf('services:\n  web:\n    labels: {a: [1], b: 2\n    image: x\n')).toEqual([['BAD_INDENT', { line: 3, column: 13 }]]);
    expect(issuesOf('services:\n  web:\n    command: [\n      "a",\n    image: x\n')).toEqual([['BAD_INDENT', { line: 3, column: 14 }]]);
  });

  it('leaves it where it is past a complete line, or for a bracket inside quotes', () => {
    expect(issuesOf('services:\n  web:\n    command: ["a",\n      "b"\n    image: x\n')).toEqual([['BAD_INDENT', { line: 5, column: 5 }]]);
    expect(issuesOf('a: [1]\nb: 2\nservices:\n  web:\n    image: nginx\n   bad: x\n')).toEqual([['BAD_INDENT', { line: 6, column: 1 }]]);
    expect(issuesOf('services:\n  web:\n    image: "[x"\n   bad: x\n')).toEqual([['BAD_INDENT', { line: 4, column: 1 }]]);
  });

  it('points at the bracket past the depth limit, and at the first document it does not read', () => {
    const [deep] = parseYaml({ path: 'compose.yaml', text: `a: ${'['.repeat(600)}` });
    expect(deep!.issues.map((i) => [i.code, i.range])).toEqual([['TOO_DEEP', { start: { line: 1, column: 516 }, end: { line: 1, column: 517 } }]]);
    const documents = parseYaml({ path: 'compose.yaml', text: `a: 1\n${'---\na: 1\n'.repeat(MAX_YAML_DOCUMENTS + 1)}` });
    expect(documents).toHaveLength(MAX_YAML_DOCUMENTS);
    const line = 2 * MAX_YAML_DOCUMENTS;
    expect(documents.at(-1)!.issues.map((i) => [i.code, i.range])).toEqual([['TOO_MANY_DOCUMENTS', { start: { line, column: 1 }, end: { line, column: 4 } }]]);
  });
});

