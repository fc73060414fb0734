import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, SCREENSHOTS, useBuiltSite } from './support/site.ts';
import { acceptDialogs, editorText, waitForCheck, wakePlayground, WORKSHOP } from './workshop-helpers.ts';

// The playground /bac-a-sable/ in the built site (`npx astro build` first), in Debian's Chromium.

const SLOW = 180_000;
const FIXTURES = resolve('tests/e2e/fixtures/playground');
const site = useBuiltSite();
const contexts: BrowserContext[] = [];
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** The playground with Monaco loaded (a click in the plain view), or, with `wake` false, as it opens. */
async function openPlayground(hash = '', colorScheme: 'light' | 'dark' = 'light', wake = true): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  await acceptDialogs(page);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${site.server.url}bac-a-sable/${hash}`);
  if (!wake) return page;
  await wakePlayground(page);
  await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
  return page;
}

/** Holds the editor's module back until the returned function is called: what the learner does before it arrives can be tested. */
async function holdEditor(context: BrowserContext): Promise<() => void> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/playground-app\.[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function tabs(page: Page): Promise<string[]> {
  return page.$$eval('[data-file-tabs] [role="tab"]', (items) => items.map((item) => (item as HTMLElement).dataset['path'] ?? ''));
}

async function diagnosticsAt(page: Page): Promise<string[]> {
  return page.$$eval('[data-diagnostic-list] [data-rule-id]', (items) =>
    items.map((item) => `${(item as HTMLElement).dataset['file']}:${(item as HTMLElement).dataset['line']} ${(item as HTMLElement).dataset['ruleId']}`),
  );
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `playground-${name}.png`), fullPage: true });
}

async function loadFixtures(page: Page): Promise<void> {
  await page.locator('[data-file-input]').setInputFiles([join(FIXTURES, 'compose.yaml'), join(FIXTURES, 'site.conf')]);
  await poll(() => tabs(page)).toEqual(['compose.yaml', 'site.conf']);
  await waitForCheck(page);
}

describe('playground', { timeout: SLOW }, () => {
  it('is linked from the header and checks brought files: diagnostics at their lines and the service graph', async () => {
    const page = await openPlayground();
    await page.goto(`${site.server.url}`);
    await page.locator('.site-nav a', { hasText: 'Bac à sable' }).click();
    await wakePlayground(page);
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    await loadFixtures(page);
    await poll(() => diagnosticsAt(page)).toEqual(
      expect.arrayContaining(['compose.yaml:13 unknown-dependency', 'site.conf:6 nginx-duplicate-location']),
    );
    await poll(() => page.locator('[data-service-graph] svg [data-service="proxy"]').count()).toBe(1);
    await expect(page.locator('[data-service-graph] svg [data-from="proxy"][data-to="api"]').count()).resolves.toBe(1);
    // Saved in localStorage: a reload keeps the project.
    await page.waitForTimeout(600);
    await page.reload();
    await wakePlayground(page);
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    expect(await tabs(page)).toEqual(['compose.yaml', 'site.conf']);
    await shot(page, 'files');
  });

  it('says so instead of drawing a graph of more than 60 services, and draws again below', async () => {
    const page = await openPlayground();
    const services = (count: number): Buffer =>
      Buffer.from(`services:\n${Array.from({ length: count }, (_, i) => `  s${i}:\n    image: nginx:1.30-alpine\n`).join('')}`);
    await page.locator('[data-file-input]').setInputFiles({ name: 'compose.yaml', mimeType: 'text/yaml', buffer: services(61) });
    await poll(() => page.locator('[data-service-graph] .service-graph-note').innerText()).toContain('Ce projet compte 61 services');
    expect(await page.locator('[data-service-graph] svg').count()).toBe(0);
    await page.locator('[data-file-input]').setInputFiles({ name: 'compose.yaml', mimeType: 'text/yaml', buffer: services(3) });
    await poll(() => page.locator('[data-service-graph] svg [data-service="s2"]').count()).toBe(1);
    expect(await page.locator('[data-service-graph] .service-graph-note').isVisible()).toBe(false);
  });

  it('refuses a binary file by name and keeps the open files', async () => {
    const page = await openPlayground();
    await loadFixtures(page);
    await page.locator('[data-file-input]').setInputFiles([join(FIXTURES, 'logo.png')]);
    await poll(() => page.locator('[data-workshop-message]').innerText()).toContain('logo.png');
    expect(await tabs(page)).toEqual(['compose.yaml', 'site.conf']);
    await page.locator('[data-file-input]').setInputFiles({ name: 'bad.conf', mimeType: 'application/octet-stream', buffer: Buffer.from([0x73, 0, 1, 2]) });
    await poll(() => page.locator('[data-workshop-message]').innerText()).toContain('1\u00a0fichier binaire («\u00a0bad.conf\u00a0»)');
    expect(await tabs(page)).toEqual(['compose.yaml', 'site.conf']);
  });

  it('opens a .zip, a folder and dropped files', async () => {
    const page = await openPlayground();
    const zip = zipSync({ 'projet/compose.yaml': strToU8('services:\n  web:\n    image: nginx:1.30-alpine\n'), 'projet/conf.d/a.conf': strToU8('server {\n    listen 80;\n}\n') });
    await page.locator('[data-file-input]').setInputFiles({ name: 'projet.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await poll(() => tabs(page)).toEqual(['compose.yaml', 'conf.d/a.conf']);
    await page.locator('[data-folder-input]').setInputFiles(FIXTURES);
    await poll(() => tabs(page)).toEqual(['compose.yaml', 'conf.d/a.conf', 'site.conf']);
    await poll(() => page.locator('[data-workshop-message]').innerText()).toContain('logo.png');
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['A=1\n'], '.env', { type: 'text/plain' }));
      return transfer;
    });
    await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer });
    await poll(() => tabs(page)).toEqual(['.env', 'compose.yaml', 'conf.d/a.conf', 'site.conf']);
  });

  it('round-trips a share link: read-only first, then replaces the own project', async () => {
    const page = await openPlayground();
    await loadFixtures(page);
    await page.locator('[data-action="share"]').click();
    const link = await page.locator('[data-share-link]').inputValue();
    expect(link).toContain('#p=');

    const other = await openPlayground();
    const ownTabs = await tabs(other);
    await other.goto(link);
    await other.reload();
    await wakePlayground(other);
    await other.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    await expect(other.locator('[data-share-banner]').innerText()).resolves.toContain('Projet partagé, en lecture seule');
    expect(await tabs(other)).toEqual(['compose.yaml', 'site.conf']);
    expect(await other.getAttribute(WORKSHOP, 'data-readonly')).toBe('true');
    expect(await other.locator('[data-edit-controls]').isHidden()).toBe(true);
    await shot(other, 'shared');
    await other.locator('[data-action="replace"]').click();
    expect(await other.locator('[data-share-banner]').isHidden()).toBe(true);
    await other.waitForTimeout(300);
    await other.reload();
    await wakePlayground(other);
    await other.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    expect(await tabs(other)).toEqual(['compose.yaml', 'site.conf']);
    expect(ownTabs).toEqual(['compose.yaml']);
  });

  it('keeps the own project when asked', async () => {
    const page = await openPlayground();
    await loadFixtures(page);
    await page.locator('[data-action="share"]').click();
    const link = await page.locator('[data-share-link]').inputValue();
    const other = await openPlayground();
    await other.goto(link);
    await other.reload();
    await wakePlayground(other);
    await other.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    expect(await tabs(other)).toEqual(['compose.yaml', 'site.conf']);
    await other.locator('[data-action="keep"]').click();
    await poll(() => tabs(other)).toEqual(['compose.yaml']);
    expect(await other.locator('[data-share-banner]').isHidden()).toBe(true);
    expect(new URL(other.url()).hash).toBe('');
  });

  it('explains a corrupted link in French and keeps working', async () => {
    const page = await openPlayground('#p=eJzLSM3JyVcozy_KSQEAGgQEXQ');
    await poll(() => page.locator('[data-workshop-message]').innerText()).toContain('incomplet ou abîmé');
    expect(await tabs(page)).toEqual(['compose.yaml']);
    expect(await page.locator('[data-share-banner]').isHidden()).toBe(true);
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('Control+A');
    // One flow-style line: Monaco's auto-indent cannot shift it.
    await page.keyboard.type('services: {web: {image: nginx, depends_on: [ghost]}}');
    await waitForCheck(page);
    await poll(() => diagnosticsAt(page)).toContain('compose.yaml:1 unknown-dependency');
    expect(await editorText(page)).toContain('ghost');
  });

  it('works from the keyboard: file list, add a file, arrows between tabs', async () => {
    const page = await openPlayground();
    await page.locator('[data-file-name]').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('conf.d/site.conf');
    await page.keyboard.press('Enter');
    await poll(() => tabs(page)).toEqual(['compose.yaml', 'conf.d/site.conf']);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe('conf.d/site.conf');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe('compose.yaml');
    expect(await page.getAttribute('[role="tab"][data-path="compose.yaml"]', 'aria-selected')).toBe('true');
    // A name the engine does not read is refused in French.
    await page.locator('[data-file-name]').fill('Dockerfile');
    await page.locator('[data-file-name]').press('Enter');
    await poll(() => page.locator('[data-workshop-message]').innerText()).toContain('«\u00a0Dockerfile\u00a0» n’est pas un fichier que l’atelier vérifie');
    // Tab from the name field reaches the file list's buttons, then the tab list.
    await page.locator('[data-start-select]').focus();
    const reached: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? ''));
    }
    expect(reached).toContain('tab');
  });

  it('opens on a plain text area without Monaco, loads the editor on the first click and keeps what was typed meanwhile', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // The editor's module is held back, so the keystrokes below surely come before it.
    const release = await holdEditor(context);
    await page.goto(`${site.server.url}bac-a-sable/`);
    const plain = page.locator('[data-plain-editor]');
    await expect(plain.inputValue()).resolves.toBe('services:\n  web:\n    image: nginx:1.30-alpine\n');
    expect(await tabs(page)).toEqual(['compose.yaml']);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(await page.getAttribute(WORKSHOP, 'data-state')).toBe('plain');
    expect(scripts.filter((path) => path.includes('playground-app'))).toEqual([]);
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    // Where the editor's box sits in the page (not the viewport: focusing may scroll).
    const box = (): Promise<number[]> =>
      page.$eval('[data-file-panel]', (panel) => {
        const rect = panel.getBoundingClientRect();
        return [rect.left + window.scrollX, rect.top + window.scrollY, rect.width, rect.height];
      });
    const before = await box();

    await plain.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# avant l’éditeur');
    expect(await page.getAttribute(WORKSHOP, 'data-state')).toBe('loading');
    release();
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
    await page.waitForFunction(() => document.activeElement?.closest('[data-editor] .monaco-editor') != null, undefined, { timeout: 30_000 });
    // Monaco has the focus where the caret was: the next keystrokes follow the first ones.
    await page.keyboard.type(' et après');
    await poll(() => editorText(page)).toContain('# avant l’éditeur et après');
    expect(await box()).toEqual(before);
    await waitForCheck(page);
    await page.waitForTimeout(600);
    await page.reload();
    await expect(page.locator('[data-plain-editor]').inputValue()).resolves.toContain('# avant l’éditeur et après');
  });

  it('keeps a click on an action made before the editor arrived and a file tab chosen in the plain view, and asks for a drop again', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const first = await context.newPage();
    await first.goto(`${site.server.url}bac-a-sable/`);
    await first.evaluate(() =>
      localStorage.setItem('atelier-compose:bac-a-sable', JSON.stringify({ version: 1, files: { 'compose.yaml': 'services: {}\n', '.env': 'A=1\n' }, updatedAt: '2026-12-07T00:00:00Z' })),
    );
    await first.close();
    const page = await context.newPage();
    const release = await holdEditor(context);
    await page.goto(`${site.server.url}bac-a-sable/`);
    expect(await tabs(page)).toEqual(['.env', 'compose.yaml']);
    expect(await page.getAttribute('[role="tab"][data-path="compose.yaml"]', 'aria-selected')).toBe('true');
    await page.locator('[role="tab"][data-path=".env"]').click();
    await expect(page.locator('[data-plain-editor]').inputValue()).resolves.toBe('A=1\n');
    await page.locator('[data-action="share"]').click();
    expect(await page.locator('[data-share-output]').isHidden()).toBe(true);
    // Files dropped before then are not lost silently (nor opened by the browser in place of the page).
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['B=2\n'], '.env', { type: 'text/plain' }));
      return transfer;
    });
    await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer });
    await expect(page.locator('[data-workshop-message]').innerText()).resolves.toContain('déposez vos fichiers à nouveau');
    release();
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
    await poll(() => page.locator('[data-share-link]').inputValue()).toContain('#p=');
    expect(await page.getAttribute('[role="tab"][data-path=".env"]', 'aria-selected')).toBe('true');
    await poll(() => editorText(page)).toContain('A=1');
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations (%s)', async (scheme) => {
    const page = await openPlayground('', scheme, false);
    await page.locator('[data-plain-editor]').waitFor();
    expect(await page.getAttribute(WORKSHOP, 'data-state')).toBe('plain');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, `plain-${scheme}`);
    await wakePlayground(page);
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    await loadFixtures(page);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, scheme);
  });
});
