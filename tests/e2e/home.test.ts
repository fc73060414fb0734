import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/site.ts';

const site = useBuiltSite();


describe('home page', () => {
  it('is served in French with the course title', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toContain('Atelier Compose');
    await page.close();
  });
});
