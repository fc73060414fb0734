import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtLessons, collectErrors, screenshot, useBuiltSite } from './support/site.ts';

const site = useBuiltSite();
const lessons = builtLessons();


async function search(page: Page, query: string): Promise<string[]> {
  await page.getByRole('searchbox', { name: 'Rechercher dans le cours' }).fill(query);
  await page.locator(`[data-search-results][data-query="${query}"]`).waitFor();
  return page.locator('.search-results li a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('search', () => {
  it('finds the reverse-proxy chapter from a French query and opens it', async () => {
    const target = lessons.find((slug) => slug.endsWith('reverse-proxy'));
    if (!target) return expect.fail('the reverse-proxy lesson is not built');
    const page = await site.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(site.server.url);
    const hrefs = await search(page, 'certificat autosigné');
    expect(hrefs[0]).toBe(`/lecons/${target}/`);
    await screenshot(page, 'search-results');
    await page.locator('.search-results li a').first().click();
    await page.waitForURL(`**/lecons/${target}/`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stems French words: a plural finds the singular', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    const plural = await search(page, 'sauvegardes');
    const singular = await search(page, 'sauvegarde');
    expect(plural.length).toBeGreaterThan(0);
    expect(plural.sort()).toEqual(singular.sort());
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    expect(await search(page, 'zzzzzzzzzzzzzzzz')).toEqual([]);
    expect(await page.locator('.search-results').textContent()).toBe('Aucun résultat.');
    await page.close();
  });
});
