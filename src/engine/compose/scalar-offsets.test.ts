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
