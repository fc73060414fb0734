// Runs blocking in <head>, before the first paint, so a dark page never flashes
// light. Same rule as src/lib/theme.ts (resolveTheme), checked by its test.
(function () {
  var stored = null;
  try {
    stored = localStorage.getItem('atelier-theme');
  } catch (e) {
    // Storage can be disabled; fall back to the system preference.
  }
  var theme = stored === 'light' || stored === 'dark' ? stored : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.dataset.theme = theme;
})();
