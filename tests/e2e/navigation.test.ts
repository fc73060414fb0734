import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TICKS_STORAGE_KEY } from '../../src/components/workshop/progress-ticks.ts';
import { axeViolations, builtLessons, collectErrors, useBuiltSite } from './support/site.ts';

const site = useBuiltSite();
const lessons = builtLessons();


const currentSlug = (page: Page): string => new URL(page.url()).pathname.replace(/^.*\/lecons\/([^/]+)\/$/, '$1');

describe('course navigation', () => {
  it('goes from the home page to chapter 1, through every chapter with « Suivant », and back with « Précédent »', async () => {
    const page = await site.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(site.server.url);
    await page.getByRole('link', { name: 'Commencer le chapitre 1' }).click();
    await page.waitForURL(/\/lecons\//);

    const forward = [currentSlug(page)];
    while ((await page.locator('a[rel=next]').count()) > 0) {
      await page.getByRole('link', { name: /^Suivant/ }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(`/${forward.at(-1)}/`));
      forward.push(currentSlug(page));
    }
    expect(forward).toEqual(lessons);

    const backward = [currentSlug(page)];
    while ((await page.locator('a[rel=prev]').count()) > 0) {
      await page.getByRole('link', { name: /^← Précédent/ }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(`/${backward.at(-1)}/`));
      backward.push(currentSlug(page));
    }
    expect(backward).toEqual([...lessons].reverse());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches every chapter from the sidebar and marks the current one', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}lecons/${lessons[0]}/`);
    const hrefs = await page.locator('nav.sidebar a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(lessons.map((slug) => `/lecons/${slug}/`));
    expect(await page.locator('nav.sidebar [data-lesson]').evaluateAll((ticks) => ticks.map((tick) => tick.getAttribute('data-lesson')))).toEqual(lessons);
    await page.close();
  });

  it('ticks a finished lesson on the course map and in the sidebar, from the saved progress', async () => {
    const [done, notDone] = lessons;
    const context = await site.browser.newContext();
    await context.addInitScript(
      ([key, slug, started]) =>
        localStorage.setItem(key ?? '', JSON.stringify({ version: 1, lessons: { [slug ?? '']: { done: true }, [started ?? '']: { done: false, met: ['une'] } } })),
      [TICKS_STORAGE_KEY, done, notDone],
    );
    const page = await context.newPage();
    await page.goto(site.server.url);
    const shown = (where: string, slug: string | undefined) => page.locator(`${where} [data-lesson="${slug}"] [aria-hidden="true"]`).textContent();
    const heard = (where: string, slug: string | undefined) => page.locator(`${where} [data-lesson="${slug}"] .visually-hidden`).textContent();
    expect(await shown('.course-map', done)).toMatch(/^✓\u00a0(\d+)\/\1 objectifs$/);
    expect(await shown('.course-map', notDone)).toMatch(/^1\/\d+ objectifs$/);
    expect(await heard('.course-map', notDone)).toMatch(/^1 objectif atteint sur \d+$/);
    expect(await shown('.course-map', lessons[2])).toMatch(/^0\/\d+ objectifs$/);
    await page.goto(`${site.server.url}lecons/${notDone}/`);
    expect(await shown('.sidebar', lessons[2])).toMatch(/^0\/\d+$/);
    expect(await heard('.sidebar', done)).toMatch(/^Leçon terminée\u00a0: (\d+) objectifs sur \1$/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('jumps to a section from the table of contents', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}lecons/${lessons[0]}/`);
    const link = page.locator('.toc a').nth(1);
    const target = (await link.getAttribute('href')) ?? '';
    await link.click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(decodeURIComponent(target));
    expect(await page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`).count()).toBe(1);
    await page.close();
  });

  it('moves focus to the content with the skip link', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}lecons/${lessons[0]}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.close();
  });

  it('answers an unknown page with the French 404 page', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.server.url}lecons/n-existe-pas/`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page introuvable');
    await page.getByRole('link', { name: 'Retour au parcours' }).click();
    await page.waitForURL(site.server.url);
    await page.close();
  });
});
