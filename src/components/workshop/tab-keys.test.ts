import { describe, expect, it } from 'vitest';
import { tabForKey } from './tab-keys.ts';

describe('tab keyboard navigation', () => {
  it('moves right and left, wrapping at the ends', () => {
    expect(tabForKey('ArrowRight', 0, 3)).toBe(1);
    expect(tabForKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabForKey('ArrowLeft', 0, 3)).toBe(2);
  });

  it('jumps to the first and last tab with Home and End', () => {
    expect(tabForKey('Home', 2, 3)).toBe(0);
    expect(tabForKey('End', 0, 3)).toBe(2);
  });

  it('leaves other keys to the browser', () => {
    expect(tabForKey('Enter', 0, 3)).toBeUndefined();
    expect(tabForKey('ArrowDown', 0, 3)).toBeUndefined();
  });
});
