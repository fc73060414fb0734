import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { serveWithNginx, nginxRootfs, type NginxSite } from './support/nginx.ts';
import { builtLessons, collectErrors, SCREENSHOTS, siteDist } from './support/site.ts';

// The instructors' deployment, for real: deploy/nginx/default.conf in nginx 1.30
// serving the built site, checked by `nginx -t`, over HTTP, and in Chromium.
const dist = siteDist();
const lessons = builtLessons(dist);
let site: NginxSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveWithNginx(nginxRootfs(), dist, resolve('deploy/nginx/default.conf'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP GET: unlike fetch, it shows the compressed answer and does not follow redirects. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    request(new URL(path, site.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

describe('deploy/nginx/default.conf in nginx 1.30', () => {
  it('passes nginx -t', () => {
    expect(site.testOutput).toMatch(/syntax is ok/);
    expect(site.testOutput).toMatch(/test is successful/);
    expect(site.testOutput).not.toMatch(/\[warn\]/);
  });

  it('serves a lesson page, gzipped, revalidated, with the security and isolation headers', async () => {
    const answer = await get(`/lecons/${lessons[0]}/`, { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it.each(['/', '/formation/'])('caches hashed assets under %s for a year, with the same security headers', async (base) => {
    const css = readdirSync(join(dist, '_astro')).find((file) => file.endsWith('.css'));
    const answer = await get(`${base}_astro/${css}`, { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('answers an unknown page with the site 404 page and its headers', async () => {
    const answer = await get('/lecons/n-existe-pas/');
    expect(answer.status).toBe(404);
    expect(answer.body.toString('utf8')).toContain('Page introuvable');
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('redirects a lesson URL without its slash, relatively, and answers /health', async () => {
    const redirect = await get(`/lecons/${lessons[0]}`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers['location']).toBe(`/lecons/${lessons[0]}/`);
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe('ok\n');
  });

  it('runs the site in Chromium under its CSP and COEP: cross-origin isolated, no blocked resource, search working', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${site.url}lecons/${lessons[0]}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    // The workshop loads its editor and workers once opened: they must pass the CSP too.
    await page.locator('[data-open-workshop]').click();
    await page.waitForSelector('[data-workshop][data-state="ready"]', { timeout: 90_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SCREENSHOTS, 'nginx-workshop.png') });
    await page.getByRole('searchbox').fill('nginx');
    await page.locator('[data-search-results][data-query="nginx"]').waitFor();
    expect(await page.locator('.search-results li a').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
