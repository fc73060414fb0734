import { describe, expect, it } from 'vitest';
import { builtLessons, useBuiltSite } from './support/site.ts';

const site = useBuiltSite();
const lesson = builtLessons()[0];


const background = 'getComputedStyle(document.body).backgroundColor';

describe('theme', () => {
  it('follows the system, toggles, and remembers the choice across pages', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}lecons/${lesson}/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await page.evaluate(background)).toBe('rgb(255, 255, 255)');
    const toggle = page.getByRole('button', { name: 'Thème sombre' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(background)).toBe('rgb(13, 17, 23)');
    // Code blocks switch palette with the page, through Shiki's CSS variables.
    expect(await page.locator('.astro-code').first().evaluate((pre) => getComputedStyle(pre).backgroundColor)).toBe('rgb(13, 17, 23)');

    await page.goto(site.server.url);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getByRole('button', { name: 'Thème sombre' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('sets the theme before the body is parsed, so a dark page never flashes light', async () => {
    const context = await site.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset['theme'];
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.server.url);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
    await context.close();
  });
});
