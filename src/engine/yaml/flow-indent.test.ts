import { describe, expect, it } from 'vitest';
import { indentFlowLines } from './flow-indent.ts';

describe('indentFlowLines', () => {
  it('indents the lines of a flow collection that start left of their key, and maps offsets back', () => {
    const text = 'services:\n  web:\n    command: [\n    "make",\n"test" ]\n    user: "1"\n';
    const indented = indentFlowLines(text)!;
    expect(indented.text).toBe('services:\n  web:\n    command: [\n      "make",\n      "test" ]\n    user: "1"\n');
    for (const word of ['"make"', '"test"', 'user']) expect(indented.toOriginal(indented.text.indexOf(word))).toBe(text.indexOf(word));
    // An added space (the first ones of the line) stands for its line's start.
    expect(indented.toOriginal(indented.text.indexOf('      "make"') + 1)).toBe(text.indexOf('    "make"'));
  });

  it('leaves a file alone when no flow line needs it', () => {
    expect(indentFlowLines('services:\n  web:\n    command: ["make",\n      "test"]\n')).toBeUndefined();
  });

  it('does not read brackets in block scalars, quotes or comments, nor a quote inside a plain word', () => {
    expect(indentFlowLines('a: |\n  echo [\nb: "["\nc: x # [\nd: don\'t [\ne: 1\n')).toBeUndefined();
  });
});

describe('indentFlowLines stays bounded', () => {
  it('gives up rather than adding more spaces than the file has characters', () => {
    const text = `${' '.repeat(50_000)}a: [\n${'1,\n'.repeat(1_000)}]\n`;
    expect(indentFlowLines(text)).toBeUndefined();
  });
});

describe('indentFlowLines follows what opens and closes a flow collection', () => {
  // Each input, and the text eemeli/yaml is given instead (undefined: nothing to indent).
  const cases: [string, string, string | undefined][] = [
    ['a comment line is left where it is', 'a: [\n# c\n1 ]\n', 'a: [\n# c\n  1 ]\n'],
    ['a blank line or a line of spaces is left as is', '    a: [\n\n  \n1 ]\n', '    a: [\n\n  \n      1 ]\n'],
    ['a line that goes on a quoted string is not indented', 'a: ["x\ny",\n1 ]\n', 'a: ["x\ny",\n  1 ]\n'],
    ['a tab before `[` still opens', 'a:\t[\n1 ]\n', 'a:\t[\n  1 ]\n'],
    ['`#` after a tab starts a comment, its `]` closes nothing', 'a: [ 1,\t# ]\n2 ]\n', 'a: [ 1,\t# ]\n  2 ]\n'],
    ['a `]` in a quote after `,` closes nothing', 'a: [1, "]",\n2 ]\n', 'a: [1, "]",\n  2 ]\n'],
    ['a `]` in a quote after `[` closes nothing', 'a: ["]",\n2 ]\n', 'a: ["]",\n  2 ]\n'],
    ['a `}` in a quote after `{` closes nothing', "a: {'}': 1,\nc: 2}\n", "a: {'}': 1,\n  c: 2}\n"],
    ["a doubled `''` stays inside the single-quoted string", "a: ['it''s ]',\n1 ]\n", "a: ['it''s ]',\n  1 ]\n"],
    ['an escaped `\\"` stays inside the double-quoted string', 'a: ["\\"]",\n1 ]\n', 'a: ["\\"]",\n  1 ]\n'],
    ['a nested collection closes with its own bracket', 'a: [1, [2],\n3 ]\n', 'a: [1, [2],\n  3 ]\n'],
    ['an explicit key can open a collection', '? [\n1 ]\n: x\n', '? [\n  1 ]\n: x\n'],
    ['a `]` outside any collection is not counted', 'a: x]\nb: [\n1 ]\n', 'a: x]\nb: [\n  1 ]\n'],
    ['a `{...}` closed on its line leaves the next lines alone', 'a: {b: 1}\nc: 2\n', undefined],
    ['a bracket inside a block scalar is text', 'a: |\n  [\nb: 1\n', undefined],
    ['a blank line does not end a block scalar', 'a: |\n  x\n\n  [\nb: 1\n', undefined],
    ['a block scalar in a list is text too', '- |\n  [\n- x\n', undefined],
    ['a folded block scalar is text too', 'a: >\n  [\nb: 1\n', undefined],
    ['a key as indented as the block scalar’s ends it', 'a: |\nb: [\n1 ]\n', 'a: |\nb: [\n  1 ]\n'],
    ['a `|` inside a word starts no block scalar', 'a: b|\n[\n1 ]\n', 'a: b|\n[\n  1 ]\n'],
    ['a `|` inside a collection starts no block scalar', 'a: [ |\n1 ]\n', 'a: [ |\n  1 ]\n'],
    ['a `#` inside a word is not a comment', 'a: b#c [\n1 ]\nd: [\n2 ]\n', 'a: b#c [\n1 ]\nd: [\n  2 ]\n'],
    ['as many spaces as the file has characters is still allowed', '  a: [\n1\n1\n]', '  a: [\n    1\n    1\n    ]'],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(indentFlowLines(text)?.text).toBe(expected);
  });

  it('maps every offset of the indented text back to the same character, or to its line’s start for an added space', () => {
    const text = 'a: [\n1,\n  b: {\nc: 2,\n d: 3 },\n4 ]\ne: [\n5 ]\n';
    const indented = indentFlowLines(text)!;
    const original = text.split('\n');
    const lines = indented.text.split('\n');
    expect(lines.length).toBe(original.length);
    let from = 0;
    let to = 0;
    lines.forEach((line, n) => {
      const added = line.length - original[n]!.length;
      for (let i = 0; i <= line.length; i++) expect(indented.toOriginal(to + i)).toBe(i < added ? from : from + i - added);
      from += original[n]!.length + 1;
      to += line.length + 1;
    });
  });
});
