import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { resolveTheme, THEME_STORAGE_KEY } from './theme.ts';

const initScript = readFileSync(resolve('public/theme-init.js'), 'utf8');

/** Runs the real head script against a fake page and returns the theme it set. */
function runInitScript(stored: string | null, prefersDark: boolean, storageThrows = false): string | undefined {
  const dataset: Record<string, string> = {};
  runInNewContext(initScript, {
    localStorage: {
      getItem: (key: string) => {
        if (storageThrows) throw new Error('SecurityError');
        return key === THEME_STORAGE_KEY ? stored : null;
      },
    },
    matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && prefersDark }),
    document: { documentElement: { dataset } },
  });
  return dataset['theme'];
}

describe('resolveTheme', () => {
  it('keeps the saved choice over the system preference', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('follows the system when nothing valid is saved', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme('sepia', false)).toBe('light');
  });
});

describe('public/theme-init.js', () => {
  it.each([
    [null, false],
    [null, true],
    ['light', true],
    ['dark', false],
    ['sepia', true],
  ] as const)('agrees with resolveTheme for saved %s, system dark %s', (stored, prefersDark) => {
    expect(runInitScript(stored, prefersDark)).toBe(resolveTheme(stored, prefersDark));
  });

  it('still sets a theme when storage is blocked', () => {
    expect(runInitScript(null, true, true)).toBe('dark');
  });
});
