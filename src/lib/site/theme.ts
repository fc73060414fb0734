// The theme rule shared by the blocking head script (public/theme-init.js,
// which cannot import modules) and the toggle; the unit test runs both.

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'atelier-theme';

/** The learner's saved choice wins; otherwise the system preference. */
export function resolveTheme(stored: string | null, prefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return prefersDark ? 'dark' : 'light';
}
