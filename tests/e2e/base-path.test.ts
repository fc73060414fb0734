import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/site/check-links.ts';
import { launchBrowser } from './support/browser.ts';
import { builtLessons, collectErrors } from './support/site.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

// Instructors deploy under a sub-path: the same site, built with
// BASE_PATH=/formation/, must work there and only there.
const BASE = '/formation/';
const dist = resolve(process.env.SITE_DIST_FORMATION ?? '.cache/dist-formation');

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!process.env.SITE_DIST_FORMATION) {
    // Vitest exports its own NODE_ENV, MODE and BASE_URL to process.env; the build must not inherit them.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR|VITEST.*)$/.test(name)));
    execFileSync('npm', ['run', 'build'], { env: { ...env, BASE_PATH: BASE, OUT_DIR: dist }, stdio: 'pipe' });
  }
  server = await serveStatic(dist, BASE);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`the site built under ${BASE}`, () => {
  it('has no internal link, script, stylesheet or image outside the sub-path', () => {
    expect(checkLinks(dist, BASE)).toEqual([]);
  });

  it('loads a lesson with all its assets, and navigates to the next one', async () => {
    const [first, second] = builtLessons(dist);
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}lecons/${first}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header') as Element).display)).toBe('flex');
    await page.getByRole('link', { name: /^Suivant/ }).click();
    await page.waitForURL(`**${BASE}lecons/${second}/`);
    await page.getByRole('link', { name: 'Atelier Compose' }).click();
    await page.waitForURL(server.url);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches with the index under the sub-path and links results under it', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.getByRole('searchbox').fill('nginx');
    await page.locator('[data-search-results][data-query="nginx"]').waitFor();
    const hrefs = await page.locator('.search-results li a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    // Rule pages (/regles/) are indexed too; a result may open the matching section (#anchor).
    for (const href of hrefs) expect(href).toMatch(/^\/formation\/(lecons|regles)\/[\w-]+\/(#[\w-]+)?$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
