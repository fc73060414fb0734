import { describe, expect, it } from 'vitest';
import { MAX_INTERPOLATED_LENGTH, MAX_INTERPOLATION_DEPTH } from '../limits.ts';
import { interpolate, interpolationBudget } from './interpolate.ts';

const env: Record<string, string> = { USER: 'alice', EMPTY: '', PORT: '8080' };
const lookup = (name: string): string | undefined => env[name];

describe('interpolate', () => {
  it.each([
    ['${USER}', 'alice'],
    ['$USER-x', 'alice-x'],
    ['$$USER', '$USER'],
    ['${MISSING:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${MISSING-def}', 'def'],
    ['${USER:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${MISSING+alt}', ''],
    ['${MISSING:-${PORT}}', '8080'],
    ['${MISSING:-${OTHER:-deep}}', 'deep'],
    ['cost $5', 'cost $5'],
    ['${PORT:?need it}', '8080'],
  ])('substitutes %s into %s', (text, expected) => {
    const result = interpolate(text, lookup);
    expect(result.value).toBe(expected);
    expect(result.issues.filter((i) => i.kind !== 'unset')).toEqual([]);
  });

  it('reports a required variable at the exact offset of its expression', () => {
    const result = interpolate('postgres://${DB_USER:?définissez DB_USER}@db', lookup);
    expect(result.issues).toEqual([{ kind: 'required', name: 'DB_USER', start: 11, end: 41, detail: 'définissez DB_USER' }]);
  });

  it('distinguishes `?` (unset only) from `:?` (unset or empty)', () => {
    expect(interpolate('${EMPTY?x}', lookup).issues).toEqual([]);
    expect(interpolate('${EMPTY:?x}', lookup).issues.map((i) => i.kind)).toEqual(['required']);
  });

  it('warns about an unset variable without default, and substitutes an empty string', () => {
    const result = interpolate('a-$NOPE-${NADA}', lookup);
    expect(result.value).toBe('a--');
    expect(result.issues.map((i) => [i.name, i.start, i.end])).toEqual([
      ['NOPE', 2, 7],
      ['NADA', 8, 15],
    ]);
  });

  it('reports issues inside a nested default with their own offsets', () => {
    const result = interpolate('x${A:-${B:?b}}', lookup);
    expect(result.issues).toEqual([{ kind: 'required', name: 'B', start: 6, end: 13, detail: 'b' }]);
  });

  it('rejects invalid templates', () => {
    expect(interpolate('${}', lookup).issues[0]?.kind).toBe('invalid');
    expect(interpolate('${1A}', lookup).issues[0]?.kind).toBe('invalid');
    expect(interpolate('abc ${USER', lookup).issues).toEqual([{ kind: 'invalid', name: '', start: 4, end: 10 }]);
  });
});

describe('interpolate within bounds (issue #14)', () => {
  it('stops expanding defaults nested deeper than the bound, without exhausting the stack', () => {
    const depth = 3000;
    const result = interpolate(`${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`, lookup);
    expect(result.value).toBe('');
    expect(result.issues).toEqual([expect.objectContaining({ kind: 'too-deep', name: 'A' })]);
    expect(result.issues[0]!.start).toBe(5 * MAX_INTERPOLATION_DEPTH);
  });

  it('expands defaults nested up to the bound', () => {
    const depth = MAX_INTERPOLATION_DEPTH;
    expect(interpolate(`${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`, lookup)).toMatchObject({ value: 'x', issues: [] });
  });

  it('refuses a value that substitution would make longer than the bound', () => {
    const big = 'y'.repeat(MAX_INTERPOLATED_LENGTH / 2 + 1);
    const result = interpolate('${BIG}-${BIG}', (name) => (name === 'BIG' ? big : undefined));
    expect(result.value).toBe(`${big}-`);
    expect(result.issues).toEqual([{ kind: 'too-large', name: 'BIG', start: 7, end: 13 }]);
  });

  it('shares one budget between the values of a project', () => {
    const budget = interpolationBudget(10);
    const lookupSix = (): string => 'abcdef';
    expect(interpolate('$X', lookupSix, 0, budget).issues).toEqual([]);
    expect(interpolate('$X', lookupSix, 0, budget).issues.map((i) => i.kind)).toEqual(['too-large']);
    expect(budget.remaining).toBe(4);
  });
});

describe('interpolate keeps what Compose keeps', () => {
  // Probed on Compose 2.40.3: `config` prints these values with their `$` (escaped as `$$`).
  it.each(['a$', 'a$ b', 'a$-b'])('a `$` that starts no name: « %s »', (text) => {
    expect(interpolate(text, () => undefined)).toEqual({ value: text, issues: [], variables: [] });
  });

  it('counts the default of a set variable as nothing, and the value of an unset one as written', () => {
    const budget = interpolationBudget(100);
    expect(interpolate('${A:-${B}}', (name) => (name === 'A' ? 'set' : 'b'), 0, budget).value).toBe('set');
    // A default written in the file is not charged to the budget of what substitution adds; the variable's value is.
    expect(budget.remaining).toBe(97);
    expect(interpolate('${C:-written}', () => undefined, 0, budget).value).toBe('written');
    expect(budget.remaining).toBe(97);
  });
});
