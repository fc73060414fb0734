import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { siteDist } from './support/site.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(siteDist());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('home page', () => {
  it('is served in French with the course title', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toContain('Atelier Compose');
    await page.close();
  });
});
