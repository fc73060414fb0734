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
  return dollarOffsets(source, scalar, value)(index);
}

/**
 * The same mapping for many offsets of one scalar: both lists of `$` are
 * read once, so a value with 100,000 `${A}` costs linear time, not quadratic.
 */
export function dollarOffsets(source: string, scalar: Pick<LocatedScalar, 'range' | 'style'>, value: string): (index: number) => number {
  const [start, end] = scalar.range;
  let from = start;
  if (scalar.style === 'BLOCK_LITERAL' || scalar.style === 'BLOCK_FOLDED') {
    // The header line (`|`, `>-`, maybe a comment) is not part of the value.
    const newline = source.indexOf('\n', start);
    from = newline === -1 || newline > end ? start : newline + 1;
  }
  // Both lists are in increasing order: a `$`'s rank is found by binary search. A Map from offset to rank
  // cost superlinear time past a few hundred thousand keys (512 KB of `${`, issue #14).
  const inValue: number[] = [];
  for (let i = value.indexOf('$'); i !== -1; i = value.indexOf('$', i + 1)) inValue.push(i);
  const inSource: number[] = [];
  for (let i = source.indexOf('$', from); i !== -1 && i < end; i = source.indexOf('$', i + 1)) inSource.push(i);
  return (index) => {
    const rank = rankOf(inValue, index);
    return rank === undefined ? start : (inSource[rank] ?? start);
  };
}

/** The position of `value` in the increasing list `sorted`, if it is there. */
function rankOf(sorted: readonly number[], value: number): number | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle]!;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** End offset for an expression of `length` characters starting at `offset`, kept on the same line and inside the scalar. */
export function expressionEnd(source: string, offset: number, length: number, scalarEnd: number): number {
  let end = offset;
  while (end < offset + length && end < scalarEnd && source[end] !== '\n') end++;
  return end;
}
