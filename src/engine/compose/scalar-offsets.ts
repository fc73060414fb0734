import type { LocatedScalar } from '../yaml/located.ts';

/**
 * Maps an offset inside a scalar's value to an offset in the source text.
 * Quotes, escapes, folding and block indentation make the two differ, but
 * every `$` of the value is a `$` of the source (no YAML escape produces
 * one), so the k-th `$` of the value is the k-th `$` of the source: exact
 * for the expressions we point at, whatever the scalar style. Other offsets
 * fall back to the start of the scalar.
 */
export function sourceOffsetOfDollar(source: string, scalar: Pick<LocatedScalar, 'range' | 'style'>, value: string, index: number): number {
  const [start, end] = scalar.range;
  let dollars = 0;
  for (let i = 0; i < index && i < value.length; i++) if (value[i] === '$') dollars++;
  if (value[index] !== '$') return start;
  let from = start;
  if (scalar.style === 'BLOCK_LITERAL' || scalar.style === 'BLOCK_FOLDED') {
    // The header line (`|`, `>-`, maybe a comment) is not part of the value.
    const newline = source.indexOf('\n', start);
    from = newline === -1 || newline > end ? start : newline + 1;
  }
  let seen = 0;
  for (let i = from; i < end; i++) {
    if (source[i] === '$') {
      if (seen === dollars) return i;
      seen++;
    }
  }
  return start;
}

/** End offset for an expression of `length` characters starting at `offset`, kept on the same line and inside the scalar. */
export function expressionEnd(source: string, offset: number, length: number, scalarEnd: number): number {
  let end = offset;
  while (end < offset + length && end < scalarEnd && source[end] !== '\n') end++;
  return end;
}
