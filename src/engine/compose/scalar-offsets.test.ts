import { describe, expect, it } from 'vitest';
import { dollarOffsets } from './scalar-offsets.ts';

describe('dollarOffsets', () => {
  // `image: "a\t${A} ${B}\"${C}$$D"`: the escapes make the value shorter than its source.
  const source = 'image: "a\\t${A} ${B}\\"${C}$$D"\n';
  const value = 'a\t${A} ${B}"${C}$$D';
  const scalar = { range: [7, 31] as [number, number], style: 'QUOTE_DOUBLE' as const };
  const offsetOf = dollarOffsets(source, scalar, value);

  it('maps the k-th `$` of the value to the k-th `$` of the source', () => {
    const inValue = [...value.matchAll(/\$/g)].map((m) => m.index);
    const inSource = [...source.matchAll(/\$/g)].map((m) => m.index);
    expect(inValue.map(offsetOf)).toEqual(inSource);
  });

  it('falls back to the start of the scalar for an offset that is not a `$`', () => {
    expect(offsetOf(0)).toBe(7);
    expect(offsetOf(value.indexOf('B'))).toBe(7);
    expect(offsetOf(value.length + 5)).toBe(7);
  });
});

describe('dollarOffsets in a block scalar', () => {
  it.each([
    ['literal', '|'],
    ['folded', '>-'],
  ] as const)('skips a `$` of the %s header’s comment', (_name, header) => {
    const source = `command: ${header} # costs $$5\n  echo \${A} $$B\n`;
    const start = source.indexOf(header);
    const scalar = { range: [start, source.length] as [number, number], style: header === '|' ? ('BLOCK_LITERAL' as const) : ('BLOCK_FOLDED' as const) };
    const value = 'echo ${A} $$B\n';
    const offsetOf = dollarOffsets(source, scalar, value);
    expect(offsetOf(value.indexOf('${A}'))).toBe(source.indexOf('${A}'));
    expect(offsetOf(value.indexOf('$$B') + 1)).toBe(source.indexOf('$$B') + 1);
  });

  it('reads a quoted scalar from its first character, even when a `$` ends its line', () => {
    const source = 'a: "$A\n  ${B}"\n';
    const offsetOf = dollarOffsets(source, { range: [3, 14], style: 'QUOTE_DOUBLE' }, '$A ${B}');
    expect(offsetOf(0)).toBe(4);
    expect(offsetOf(3)).toBe(source.indexOf('${B}'));
  });
});
