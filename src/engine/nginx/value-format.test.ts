import { describe, expect, it } from 'vitest';
import { acceptsValue, isTime } from './value-format.ts';

describe('isTime reads times as ngx_parse_time does', () => {
  it.each([
    ['1h30m', true, true],
    ['30m1h', true, false],
    ['1y2M3w4d5h6m7s', true, true],
    ['1y', true, true],
    ['1d1y', true, false],
    ['1s', true, true],
    ['1s1s', true, false],
    ['1m 30s', true, true],
    ['1 1s', true, false],
    ['s', true, false],
    ['1x', true, false],
    ['111111111111111111', true, true],
    // Milliseconds: years and months are refused, `ms` is a unit of its own after the others.
    ['1y', false, false],
    ['1M', false, false],
    ['1w', false, true],
    ['500ms', false, true],
    ['1s500ms', false, true],
    ['1ms1ms', false, false],
    ['1ms1s', false, false],
    ['500ms', true, false],
  ] as const)('%s (%s)', (text, isSec, expected) => {
    expect(isTime(text, isSec)).toBe(expected);
  });
});

describe('acceptsValue', () => {
  it.each([
    ['size', ['10k'], true],
    ['size', ['10M'], true],
    ['size', ['10'], true],
    ['size', ['10g'], false],
    ['size', ['k'], false],
    ['size', [''], false],
    ['off', ['10g'], true],
    ['off', ['10t'], false],
    ['num', ['12'], true],
    ['num', ['1k'], false],
    ['msec', ['500ms'], true],
    ['sec', ['500ms'], false],
    ['bufs', ['8', '4k'], true],
    ['bufs', ['0', '4k'], false],
    ['bufs', ['8', '4g'], false],
    ['bufs', ['x', '4k'], false],
  ] as const)('%s %j', (slot, values, expected) => {
    expect(acceptsValue(slot, values)).toBe(expected);
  });
});
