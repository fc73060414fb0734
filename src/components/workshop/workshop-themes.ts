import type { editor } from 'monaco-editor/editor/editor.api';

// The site's code blocks use Shiki's github-light-default and
// github-dark-default; these rules give the editor the same palette so a
// snippet looks the same in the prose and in the workshop.

export const LIGHT_THEME = 'atelier-light';
export const DARK_THEME = 'atelier-dark';

export const lightTheme: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '57606a', fontStyle: 'italic' },
    { token: 'keyword', foreground: 'cf222e' },
    { token: 'type', foreground: '116329' },
    { token: 'string', foreground: '0a3069' },
    { token: 'string.escape', foreground: '0a3069', fontStyle: 'bold' },
    { token: 'number', foreground: '0550ae' },
    { token: 'constant', foreground: '0550ae' },
    { token: 'variable', foreground: '953800' },
    { token: 'operator', foreground: 'cf222e' },
    { token: 'operators', foreground: 'cf222e' },
    { token: 'delimiter', foreground: '1f2328' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editor.foreground': '#1f2328',
    'editorLineNumber.foreground': '#6e7781',
    'editorLineNumber.activeForeground': '#1f2328',
    // Light enough that every token colour above keeps a 4.5:1 contrast on them.
    'diffEditor.removedTextBackground': '#ffebe9',
    'diffEditor.removedLineBackground': '#fff5f4',
    'diffEditor.insertedTextBackground': '#dafbe1',
    'diffEditor.insertedLineBackground': '#f0fff4',
  },
};

export const darkTheme: editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '9198a1', fontStyle: 'italic' },
    { token: 'keyword', foreground: 'ff7b72' },
    { token: 'type', foreground: '7ee787' },
    { token: 'string', foreground: 'a5d6ff' },
    { token: 'string.escape', foreground: 'a5d6ff', fontStyle: 'bold' },
    { token: 'number', foreground: '79c0ff' },
    { token: 'constant', foreground: '79c0ff' },
    { token: 'variable', foreground: 'ffa657' },
    { token: 'operator', foreground: 'ff7b72' },
    { token: 'operators', foreground: 'ff7b72' },
    { token: 'delimiter', foreground: 'e6edf3' },
  ],
  colors: {
    'editor.background': '#0d1117',
    'editor.foreground': '#e6edf3',
    'editorLineNumber.foreground': '#8b949e',
    'editorLineNumber.activeForeground': '#e6edf3',
    'diffEditor.removedTextBackground': '#3d1417',
    'diffEditor.removedLineBackground': '#26100f',
    'diffEditor.insertedTextBackground': '#0f2e1c',
    'diffEditor.insertedLineBackground': '#0b2016',
  },
};

/** The site sets `data-theme` on `<html>`; without it, the system preference decides. */
export function siteTheme(root: HTMLElement = document.documentElement): typeof LIGHT_THEME | typeof DARK_THEME {
  const theme = root.dataset['theme'];
  if (theme === 'dark') return DARK_THEME;
  if (theme === 'light') return LIGHT_THEME;
  return matchMedia('(prefers-color-scheme: dark)').matches ? DARK_THEME : LIGHT_THEME;
}
