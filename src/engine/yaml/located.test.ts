import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH } from '../limits.ts';
import { asString, toLocated, toPlain, type LocatedMap } from './located.ts';
import { parseYaml, SourcePositions, type YamlIssue } from './parse-yaml.ts';

/** The located tree of a one-document text, through yaml, and the issues met on the way. */
function located(text: string, transform = (value: string): string => value): { root: LocatedMap; issues: YamlIssue[] } {
  const positions = new SourcePositions(text);
  const [yaml] = parseYaml({ path: 'compose.yaml', text }, positions);
  const issues = [...yaml!.issues];
  return { root: toLocated(yaml!.document, positions, issues, transform) as LocatedMap, issues };
}

describe('toLocated', () => {
  it('says an alias without an anchor is an error, and gives it no value', () => {
    const { root, issues } = located('a: *nope\n');
    expect(issues.map((i) => [i.code, i.severity, i.range.start])).toEqual([['UNKNOWN_ALIAS', 'error', { line: 1, column: 4 }]]);
    expect(root.entries.get('a')!.value).toMatchObject({ kind: 'scalar', value: null });
  });

  it('says an alias inside its own anchor is an error, rather than building an endless value', () => {
    const { root, issues } = located('a: &x [1, *x]\n');
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['UNKNOWN_ALIAS', 'error']]);
    expect(issues[0]!.message).toContain('sa propre ancre');
    expect(toPlain(root)).toEqual({ a: [1, null] });
  });

  it('places a missing value at the end of its key', () => {
    const { root } = located('a:\nb: 1\n');
    expect(root.entries.get('a')!.value).toMatchObject({ kind: 'scalar', value: null, range: [2, 2] });
  });

  it('stops at the depth limit once, with an error', () => {
    const { issues } = located(`a: ${'['.repeat(MAX_YAML_DEPTH + 5)}${']'.repeat(MAX_YAML_DEPTH + 5)}\n`);
    expect(issues.filter((i) => i.code === 'TOO_DEEP').map((i) => i.severity)).toEqual(['error']);
  });
});

describe('toPlain and asString', () => {
  it('gives interpolated strings by default, and the written ones when asked', () => {
    const { root } = located('a: ${X}\nb: [1, true]\n', (value) => value.replace('${X}', 'x'));
    expect(toPlain(root)).toEqual({ a: 'x', b: [1, true] });
    expect(toPlain(root, 'written')).toEqual({ a: '${X}', b: [1, true] });
  });

  it('reads a scalar as text, and nothing as undefined', () => {
    const { root } = located('a: 1\nb:\nc: [x]\nd: text\n');
    expect(['a', 'b', 'c', 'd'].map((key) => asString(root.entries.get(key)!.value))).toEqual(['1', undefined, undefined, 'text']);
    expect(asString(undefined)).toBeUndefined();
  });
});
