import { resolveTheme, THEME_STORAGE_KEY, type Theme } from '../../lib/site/theme.ts';

function saved(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function apply(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  for (const button of document.querySelectorAll('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

export function initThemeToggle(): void {
  const system = matchMedia('(prefers-color-scheme: dark)');
  apply(resolveTheme(saved(), system.matches));
  // Until the learner chooses, the page follows the system as it changes.
  system.addEventListener('change', () => apply(resolveTheme(saved(), system.matches)));
  for (const button of document.querySelectorAll('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const next: Theme = document.documentElement.dataset['theme'] === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // Storage disabled: the choice lasts for this page only.
      }
      apply(next);
    });
  }
}
