import { describe, expect, it } from 'vitest';
import { joinBase } from './paths.ts';

describe('joinBase', () => {
  it('keeps root-relative paths at the root', () => {
    expect(joinBase('/', 'lecons/04-client/')).toBe('/lecons/04-client/');
    expect(joinBase('/', '/')).toBe('/');
    expect(joinBase('/', '')).toBe('/');
  });

  it('puts every path under a sub-path, with or without its trailing slash', () => {
    expect(joinBase('/formation/', 'lecons/04-client/')).toBe('/formation/lecons/04-client/');
    expect(joinBase('/formation', 'lecons/04-client/')).toBe('/formation/lecons/04-client/');
    expect(joinBase('/formation/', '/pagefind/pagefind.js')).toBe('/formation/pagefind/pagefind.js');
    expect(joinBase('/formation/', '')).toBe('/formation/');
  });

  it('never doubles a slash', () => {
    expect(joinBase('/a/b/', '//c')).toBe('/a/b/c');
    expect(joinBase('formation/', 'x')).toBe('/formation/x');
  });
});
