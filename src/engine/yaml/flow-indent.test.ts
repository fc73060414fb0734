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
