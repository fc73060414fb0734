import { describe, expect, it } from 'vitest';
import { escapeControls } from './escape.ts';
import { escapeData, escapeProperty } from './format-github.ts';

describe('escapeControls', () => {
  it('shows control characters and bidirectional overrides as escapes, and leaves French text alone', () => {
    expect(escapeControls('a\nb\rc\td\u001b[31m\u0000\u007f\u009b')).toBe('a\\nb\\rc\\td\\u001b[31m\\u0000\\u007f\\u009b');
    expect(escapeControls('x\u202ey\u2066z')).toBe('x\\u202ey\\u2066z');
    expect(escapeControls('L’image « nginx » : déjà vue ; été !')).toBe('L’image « nginx » : déjà vue ; été !');
  });
});

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100%\r\n::error::x')).toBe('100%25%0D%0A::error::x');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });
});
