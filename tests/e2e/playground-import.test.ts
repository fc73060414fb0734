import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, strToU8, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { axeViolations, screenshot, useBuiltSite } from './support/site.ts';
import { editorText, wakePlayground, WORKSHOP } from './workshop-helpers.ts';

// Issue #17, "Playground: the user's own files, safely": imports keep their
// folders, a second import asks before replacing and can be undone, refusals
// are summed up by reason, `.env.example` becomes `.env`, zip bombs and
// oversized share links are refused in French without freezing the tab.

const SLOW = 180_000;
const site = useBuiltSite();
const contexts: BrowserContext[] = [];
const temp = mkdtempSync(join(tmpdir(), 'atelier-import-'));
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });
const MESSAGE = '[data-workshop-message]';

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function openPlayground(hash = '', viewport = { width: 1280, height: 900 }): Promise<{ page: Page; dialogs: string[] }> {
  const context = await site.browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${site.server.url}bac-a-sable/${hash}`);
  await wakePlayground(page);
  await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
  return { page, dialogs };
}

async function tabs(page: Page): Promise<string[]> {
  return page.$$eval('[data-file-tabs] [role="tab"]', (items) => items.map((item) => (item as HTMLElement).dataset['path'] ?? ''));
}

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const root = join(temp, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const yaml = (buffer: string) => ({ name: 'compose.yaml', mimeType: 'text/yaml', buffer: Buffer.from(buffer) });

describe('playground imports', { timeout: SLOW }, () => {
  it('keeps the folder structure of a folder (nginx/proxy.conf.template stays there)', async () => {
    const { page } = await openPlayground();
    await page.locator('[data-folder-input]').setInputFiles(folder('stack', { 'compose.yaml': 'services: {}\n', 'nginx/proxy.conf.template': 'server {}\n' }));
    await poll(() => tabs(page)).toEqual(['compose.yaml', 'nginx/proxy.conf.template']);
    await page.locator('[data-folder-input]').setInputFiles(folder('nginx', { 'client.conf': 'server {}\n' }));
    await poll(() => tabs(page)).toEqual(['compose.yaml', 'nginx/client.conf', 'nginx/proxy.conf.template']);
  });

  it('asks before replacing a file, keeps the own version when declined, and undoes an accepted import', async () => {
    const { page } = await openPlayground();
    // The empty project already has a compose.yaml: the first import replaces it too.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-file-input]').setInputFiles(yaml('services:\n  premier: {image: nginx:1.30-alpine}\n'));
    await poll(() => editorText(page)).toContain('premier');
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('[data-file-input]').setInputFiles(yaml('services:\n  second: {image: nginx:1.30-alpine}\n'));
    await poll(async () => questions.length).toBe(1);
    expect(questions[0]).toContain('Un fichier du projet sera remplacé par ceux apportés\u00a0: «\u00a0compose.yaml\u00a0»');
    await page.waitForTimeout(300);
    expect(await editorText(page)).toContain('premier');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-file-input]').setInputFiles(yaml('services:\n  second: {image: nginx:1.30-alpine}\n'));
    await poll(() => editorText(page)).toContain('second');
    await page.locator('[data-action="undo-import"]').click();
    await poll(() => editorText(page)).toContain('premier');
    await expect(page.locator(MESSAGE).innerText()).resolves.toContain('Import annulé');
  });

  it('sums refused files up in one French message grouped by reason, and offers .env.example as .env', async () => {
    const { page } = await openPlayground();
    const files = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`src/module-${i}.js`, 'export {};\n']));
    const root = folder('depot', { ...files, 'compose.yaml': 'services: {}\n', '.env.example': 'A=1\n', 'logo.conf': new Uint8Array([0, 1, 2]) });
    await page.locator('[data-folder-input]').setInputFiles(root);
    await poll(() => tabs(page)).toEqual(['.env', 'compose.yaml']);
    const message = await page.locator(MESSAGE).innerText();
    expect(message).toContain('«\u00a0.env.example\u00a0» est ouvert comme «\u00a0.env\u00a0»');
    expect(message).toContain('24\u00a0fichiers que l’atelier ne vérifie pas');
    expect(message).toContain('1\u00a0fichier binaire («\u00a0logo.conf\u00a0»)');
    expect(message.match(/module-/g)).toHaveLength(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'playground-import-refusals');
    const phone = await openPlayground('', { width: 360, height: 780 });
    await phone.page.locator('[data-folder-input]').setInputFiles(root);
    await poll(() => phone.page.locator(MESSAGE).innerText()).toContain('fichier binaire');
    await screenshot(phone.page, 'playground-import-refusals-phone');
  });

  it('refuses a zip bomb of 100,000 entries in French, without freezing the tab', async () => {
    const { page } = await openPlayground();
    const entries = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`b/${i}.conf`, new Uint8Array(0)]));
    const bomb = Buffer.from(zipSync(entries, { level: 0 }));
    await page.locator('[data-file-input]').setInputFiles({ name: 'bombe.zip', mimeType: 'application/zip', buffer: bomb });
    await poll(() => page.locator(MESSAGE).innerText()).toContain('1\u00a0archive .zip aux entrées trop nombreuses («\u00a0bombe.zip\u00a0»)');
    // Measured in the page, from the input's change to the message (the upload through the test driver is not the tab's work).
    const took = await page.evaluate(() => performance.getEntriesByName('atelier:import', 'measure').at(-1)?.duration ?? -1);
    console.log(`zip of 100,000 entries (${(bomb.length / 1024 / 1024).toFixed(1)} MB) refused in ${Math.round(took)} ms in the page`);
    expect(took).toBeGreaterThanOrEqual(0);
    // The tab still answers at once.
    const answered = Date.now();
    await page.evaluate(() => 1 + 1);
    console.log(`page answered ${Date.now() - answered} ms later`);
    expect(await tabs(page)).toEqual(['compose.yaml']);
  });

  it('refuses an entry declaring 1 GiB, and one that lies about its size, before inflating them', async () => {
    const { page } = await openPlayground();
    const zip = zipSync({ 'compose.yaml': new Uint8Array(16 * 1024 * 1024).fill(0x20) }, { level: 1 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 100, true);
    view.setUint32(zip.length - 22 - (46 + 'compose.yaml'.length) + 24, 100, true);
    await page.locator('[data-file-input]').setInputFiles({ name: 'menteur.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await poll(() => page.locator(MESSAGE).innerText()).toContain('archive .zip trop volumineuse une fois décompressée («\u00a0menteur.zip\u00a0»)');
    expect(await editorText(page)).toContain('nginx:1.30-alpine');
  });

  it('refuses a share link carrying a 5 MB file, as an import would', async () => {
    const json = JSON.stringify({ v: 1, files: { 'compose.yaml': `# ${'a'.repeat(5 * 1024 * 1024)}\n` } });
    const bytes = deflateSync(strToU8(json), { level: 9 });
    const fragment = `#p=${Buffer.from(bytes).toString('base64url')}`;
    expect(fragment.length).toBeLessThan(8000);
    const { page } = await openPlayground(fragment);
    await poll(() => page.locator(MESSAGE).innerText()).toContain('plus gros que ce que le bac à sable ouvre');
    expect(await tabs(page)).toEqual(['compose.yaml']);
  });
});
