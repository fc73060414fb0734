import { describe, expect, it } from 'vitest';
import { frenchNumber, formatMessage } from './format-message.ts';
import { composeFileOrder } from './classify-file.ts';
import { shorten } from './limits.ts';

describe('shorten', () => {
  it('keeps a text that fits, and cuts a longer one in its last third with « … »', () => {
    expect(shorten('abcdefghij', 10)).toBe('abcdefghij');
    expect(shorten('abcdefghijk', 10)).toBe('abcdefg…jk');
    expect(shorten('abcdefghijk', 10)).toHaveLength(10);
    expect(shorten('abcdef', 2)).toBe('a…');
    expect(shorten('abcdef', 3)).toBe('ab…');
  });
});

describe('formatMessage and frenchNumber', () => {
  it('fills placeholders, spaces around the name allowed, and leaves an unknown one visible', () => {
    expect(formatMessage('{{a}} et {{ b }} sauf {{c}}', { a: 1, b: 'deux' })).toBe('1 et deux sauf {{c}}');
    expect(formatMessage('{{a }}x', { a: 'y' })).toBe('yx');
  });

  it('groups thousands with thin non-breaking spaces', () => {
    expect([999, 1000, 99_900, 1_234_567].map(frenchNumber)).toEqual(['999', '1\u202f000', '99\u202f900', '1\u202f234\u202f567']);
  });
});

describe('composeFileOrder', () => {
  it('takes only a base file’s exact name as the base, in a folder or not', () => {
    expect(['my-compose.yaml', 'compose.yaml'].sort(composeFileOrder)).toEqual(['compose.yaml', 'my-compose.yaml']);
    expect(['compose.yaml.bak', 'compose.yaml'].sort(composeFileOrder)).toEqual(['compose.yaml', 'compose.yaml.bak']);
    expect(['b/x.yaml', 'c/stack.yml'].sort(composeFileOrder)).toEqual(['c/stack.yml', 'b/x.yaml']);
  });
});
