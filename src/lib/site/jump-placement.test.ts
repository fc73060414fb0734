import { describe, expect, it } from 'vitest';
import { jumpPlacement } from './jump-placement.ts';

// A 780 px phone screen, a link that needs a 64 px band.
const HEIGHT = 780;
const BAND = 64;

describe('the floating jump link never covers the editor', () => {
  it('stays at the bottom while the editor is away from the bottom band, or absent', () => {
    expect(jumpPlacement(undefined, HEIGHT, BAND)).toBe('bottom');
    expect(jumpPlacement({ top: 100, bottom: 600 }, HEIGHT, BAND)).toBe('bottom');
    expect(jumpPlacement({ top: 900, bottom: 1300 }, HEIGHT, BAND)).toBe('bottom');
    expect(jumpPlacement({ top: -500, bottom: 716 }, HEIGHT, BAND)).toBe('bottom');
  });

  it('moves to the top when the editor reaches into the bottom band', () => {
    expect(jumpPlacement({ top: 300, bottom: 740 }, HEIGHT, BAND)).toBe('top');
    expect(jumpPlacement({ top: 64, bottom: 1200 }, HEIGHT, BAND)).toBe('top');
  });

  it('steps aside when the editor fills both bands', () => {
    expect(jumpPlacement({ top: 20, bottom: 770 }, HEIGHT, BAND)).toBe('hidden');
    expect(jumpPlacement({ top: -200, bottom: 1200 }, HEIGHT, BAND)).toBe('hidden');
  });
});
