import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, builtLessons, collectErrors, screenshot, useBuiltSite } from './support/site.ts';

const site = useBuiltSite();
const lessons = builtLessons();


// Every page in both themes: the theme comes from the system preference when
// nothing is saved, so a dark context is the dark theme.
describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await site.browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the home page lists every chapter, without console errors or axe violations', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(site.server.url);
    expect(await page.getAttribute('html', 'data-theme')).toBe(colorScheme);
    expect(await page.locator('.course-map > li').count()).toBe(lessons.length);
    await screenshot(page, `home-${colorScheme}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(lessons)('lesson %s renders, without console errors or axe violations', async (slug) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${site.server.url}lecons/${slug}/`);
    expect(response?.status()).toBe(200);
    const title = await page.textContent('h1');
    expect(await page.title()).toContain(title?.trim());
    expect(await page.getAttribute('meta[name=description]', 'content')).toMatch(/.{20,}/);
    expect(await page.locator(`.sidebar a[aria-current=page][href$="/lecons/${slug}/"]`).count()).toBe(1);
    expect(await page.locator(`.sidebar .progress-tick[data-lesson="${slug}"]`).count()).toBe(1);
    expect(await page.locator('#atelier').count()).toBe(1);
    // The seed text is the maintainers' source, never shown to the learner: the header does not cite it.
    expect(await page.locator('.lesson-header').textContent()).not.toMatch(/D’après la section|texte de référence/);
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${slug}-${colorScheme}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('on a 360 px wide phone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(['', ...lessons.map((slug) => `lecons/${slug}/`), 'page-absente/'])('page "/%s" does not scroll sideways', async (path) => {
    const page = await context.newPage();
    await page.goto(site.server.url + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (path === '' || path.includes(lessons[0] ?? '')) await screenshot(page, `mobile-${path === '' ? 'home' : lessons[0]}`);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
