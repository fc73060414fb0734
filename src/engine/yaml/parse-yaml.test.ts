import { describe, expect, it } from 'vitest';
import { excessiveNesting, excessiveNodeTokens } from './parse-yaml.ts';

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
  ] as const)('%j, at most %i', (text, max, expected) => {
    expect(excessiveNesting(text, max)).toBe(expected);
  });
});
