import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** The built site under test: `dist/` from `npm run build`, or another build via SITE_DIST. */
export function siteDist(): string {
  return resolve(process.env.SITE_DIST ?? 'dist');
}

/** Lesson slugs as built (folders under `lecons/`), in course order. */
export function builtLessons(dist = siteDist()): string[] {
  const dir = join(dist, 'lecons');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` before the e2e tests.`);
  return readdirSync(dir).sort();
}

export const SCREENSHOTS = resolve('test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// Not failures of the site: leaving a page cancels its pending requests
// (ERR_ABORTED), and Chromium cancels in-flight requests when the machine's
// network interfaces change (ERR_NETWORK_CHANGED), as when Docker starts a
// stack on the same CI machine.
const ENVIRONMENT_NOISE = /net::ERR_(ABORTED|NETWORK_CHANGED)\b/;

/** Console errors, uncaught exceptions and failed requests of a page, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !ENVIRONMENT_NOISE.test(message.text())) errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (!ENVIRONMENT_NOISE.test(reason)) errors.push(`requestfailed: ${request.url()} ${reason}`);
  });
  return errors;
}

/** axe-core violations, as short readable lines (rule, impact, first targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? '?'}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

export interface SiteSession {
  browser: Browser;
  server: StaticServer;
}

/**
 * Serves the built site on loopback and opens Debian's Chromium for the
 * tests of one file, closing both after them. Read `site.browser` and
 * `site.server` inside tests and hooks (they are set in `beforeAll`).
 */
export function useBuiltSite(dist = siteDist()): SiteSession {
  const session = {} as SiteSession;
  beforeAll(async () => {
    session.server = await serveStatic(dist);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
