import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, builtLessons, collectErrors, screenshot, useBuiltSite } from './support/site.ts';

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
    expect(hrefs[0]).toMatch(new RegExp(`^/lecons/${target}/(#.+)?$`));
    await screenshot(page, 'search-results');
    await page.locator('.search-results li a').first().click();
    await page.waitForURL(`**/lecons/${target}/**`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ranks the lessons that teach healthchecks first, says what each result is and opens the section', async () => {
    const page = await (await site.browser.newContext()).newPage();
    const errors = collectErrors(page);
    await page.goto(site.server.url);
    const hrefs = await search(page, 'healthcheck');
    expect(hrefs.slice(0, 3).map((href) => href.slice(0, '/lecons/00'.length)).sort()).toEqual(['/lecons/05', '/lecons/06', '/lecons/08']);
    const first = page.locator('.search-results li').first();
    expect(await first.locator('.search-kind').textContent()).toMatch(/^Chapitre 0[568]$/);
    expect(await first.locator('.search-section').textContent()).toMatch(/^Section\u00a0: .*healthcheck/i);
    const kinds = await page.locator('.search-results .search-kind').allTextContents();
    expect(kinds.every((kind) => /^(Chapitre \d\d|Règle)$/.test(kind))).toBe(true);
    expect(kinds).toContain('Règle');
    // The open list passes axe in both themes.
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
    await first.locator('a').click();
    await page.waitForURL(`**${hrefs[0]!}`);
    // The section's heading is where the link lands.
    const heading = page.locator(`[id="${decodeURIComponent(hrefs[0]!.split('#')[1]!)}"]`);
    expect(await heading.textContent()).toMatch(/healthcheck/i);
    expect(errors).toEqual([]);
    await page.context().close();
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
