import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/site.ts';
import { acceptDialogs, editorText, goToLine, objectiveStates, openWorkshop, waitForCheck, WORKSHOP } from './workshop-helpers.ts';

// The workshop in the built site (`npx astro build` first), in Debian's Chromium.

const screenshots = resolve('test-results/screenshots');
/** `WORKSHOP_DIST` lets a developer test a private build while others rebuild the shared dist/. */
const dist = resolve(process.env['WORKSHOP_DIST'] ?? 'dist');
const lessons = readdirSync(resolve('src/content/lessons')).filter((slug) => existsSync(join(dist, 'lecons', slug, 'index.html')));

// Opening Monaco on a loaded 2-core CI machine can take many seconds.
const SLOW = 180_000;

/** expect.poll with room for a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

const site = useBuiltSite(dist);
let context: BrowserContext;
let page: Page;

beforeAll(() => {
  mkdirSync(screenshots, { recursive: true });
});

beforeEach(async () => {
  // A fresh context per test: empty localStorage, no saved work.
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await acceptDialogs(page);
  // Browser-side errors end up in the test output, next to a failure they explain.
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
});

afterEach(async () => {
  await context?.close();
});

async function shot(name: string): Promise<void> {
  await page.locator(WORKSHOP).screenshot({ path: join(screenshots, `${name}.png`) });
}

describe('workshop: loading', { timeout: SLOW }, () => {
  it('does not load Monaco until the workshop is opened or scrolled into view', async () => {
    // Below the lesson, as on a tablet (beside it, workshop-layout.test.ts: at the first scroll).
    await page.setViewportSize({ width: 1024, height: 768 });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.server.url}lecons/01-introduction/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.some((url) => url.includes('workshop-app'))).toBe(false);
    expect(await page.locator(WORKSHOP).getAttribute('data-state')).toBe('closed');
    await page.locator(WORKSHOP).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
    expect(scripts.some((url) => url.includes('workshop-app'))).toBe(true);
  });

  it('server-renders the shell: heading, objectives, tabs and the start file', async () => {
    await page.goto(`${site.server.url}lecons/04-client/`);
    expect(await page.locator(`${WORKSHOP} h2`).textContent()).toBe('Atelier');
    expect(await page.locator('[data-objective]').count()).toBeGreaterThan(0);
    expect(await page.locator('[role="tab"]').allTextContents()).toEqual(['compose.yaml', 'nginx/conf.d/default.conf', '.env']);
    expect(await page.locator('[data-preview="compose.yaml"]').textContent()).toContain('services:');
  });
});

describe('workshop: live checking', { timeout: SLOW }, () => {
  it('marks a broken indentation at its line with a French message, and ticks an objective once fixed', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    expect(await editorText(page)).toContain('container_name: mon-site');

    // Line 7 is `    container_name: mon-site`: dedent it to one space.
    await goToLine(page, 7);
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(' ');
    await waitForCheck(page);

    const item = page.locator('[data-diagnostic-list] li.diagnostic-error').first();
    // At the line `docker compose` prints (`yaml: line 1: did not find expected key`), saying where the problem shows.
    expect(await item.getAttribute('data-line')).toBe('1');
    expect(await item.locator('.diagnostic-message').textContent()).toContain('Indentation incorrecte');
    expect(await item.locator('.diagnostic-message').textContent()).toContain('elle apparaît à la ligne 7');
    expect(await item.locator('.diagnostic-location').textContent()).toBe('compose.yaml:1');
    expect(await item.locator('a.diagnostic-rule').getAttribute('href')).toBe('/regles/yaml-syntax/');
    expect(await page.locator('[data-diagnostic-summary]').textContent()).toMatch(/\d+ erreurs?/);

    // The squiggle starts on line 1 of the editor, Compose's line (Monaco paints decorations on its next frame).
    const squiggleLocator = page.locator('[data-editor] .squiggly-error').first();
    await squiggleLocator.waitFor({ timeout: 30_000 });
    const squiggle = await squiggleLocator.boundingBox();
    const lineOne = await page.locator('[data-editor] .line-numbers', { hasText: /^1$/ }).boundingBox();
    if (!squiggle || !lineOne) throw new Error('the squiggle or line 1 is not displayed');
    expect(Math.abs(squiggle.y + squiggle.height / 2 - (lineOne.y + lineOne.height / 2))).toBeLessThan(lineOne.height);
    await shot('01-indentation-error');

    // Fix: put the indentation back, then remove `container_name`: its objective ticks.
    await page.keyboard.press('Control+z');
    await waitForCheck(page);
    expect(await page.locator('[data-diagnostic-list] li.diagnostic-error').count()).toBe(0);
    expect((await objectiveStates(page))['sans-container-name']).toBe(false);
    await goToLine(page, 7);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await waitForCheck(page);
    expect((await objectiveStates(page))['sans-container-name']).toBe(true);
    expect(await page.locator('[data-objective="sans-container-name"] .objective-state').textContent()).toBe('(atteint)');
    await shot('01-objective-ticked');
  });

  it('keeps the edits after a reload, and Reset restores the start files', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await goToLine(page, 2);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await waitForCheck(page);
    expect((await objectiveStates(page))['sans-cle-version']).toBe(true);
    await page.waitForTimeout(600);

    // openWorkshop navigates again: a reload.
    await openWorkshop(page, site.server.url, '01-introduction');
    expect(await editorText(page)).not.toContain("version: '3.8'");
    expect((await objectiveStates(page))['sans-cle-version']).toBe(true);

    await page.click('[data-action="reset"]');
    await waitForCheck(page);
    expect(await editorText(page)).toContain("version: '3.8'");
    expect((await objectiveStates(page))['sans-cle-version']).toBe(false);
  });

  it('jumps to the problem when its entry is clicked, switching tab', async () => {
    await openWorkshop(page, site.server.url, '04-client');
    await page.locator('[role="tab"]', { hasText: 'default.conf' }).click();
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nworker_processes 1');
    await waitForCheck(page);
    const nginxProblem = page.locator('[data-diagnostic-list] li[data-file="nginx/conf.d/default.conf"]').first();
    expect(await nginxProblem.count()).toBe(1);
    await page.locator('[role="tab"]', { hasText: 'compose.yaml' }).click();
    await nginxProblem.locator('button').click();
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('default.conf');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-editor]') !== null)).toBe(true);
    await shot('04-nginx-problem');
  });
});

describe('workshop: editor services', { timeout: SLOW }, () => {
  it('offers the engine fix as a quick fix (Ctrl+.)', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await goToLine(page, 2);
    await page.keyboard.press('Control+.');
    const fix = page.getByText('Supprimer la clé `version`');
    await fix.first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await waitForCheck(page);
    expect(await editorText(page)).not.toContain("version: '3.8'");
    expect((await objectiveStates(page))['sans-cle-version']).toBe(true);
  });

  it('completes compose keys from the Compose Specification schema', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await goToLine(page, 6);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('resta');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'restart' });
    await suggestion.first().waitFor({ timeout: 30_000 });
    await shot('01-completion');
  });

  it('speaks French: Monaco’s own interface and the hovers of Compose keys', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('ControlOrMeta+F');
    const find = page.locator('[data-editor] .find-widget textarea, [data-editor] .find-widget input').first();
    await find.waitFor({ timeout: 30_000 });
    expect(await find.getAttribute('aria-label')).toBe('Rechercher');
    expect(await page.locator('[data-editor] .find-widget [aria-label^="Correspondance précédente"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('[data-editor] .view-lines span', { hasText: /^image$/ }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'L’image du conteneur' });
    await hover.first().waitFor({ timeout: 30_000 });
    await shot('01-compose-hover');
  });

  it('explains an nginx directive on hover, from the nginx reference', async () => {
    await openWorkshop(page, site.server.url, '04-client');
    await page.locator('[role="tab"]', { hasText: 'default.conf' }).click();
    await page.locator('[data-editor] .view-lines span', { hasText: /^listen$/ }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Syntaxe' });
    await hover.first().waitFor({ timeout: 30_000 });
    expect(await hover.first().textContent()).toContain('Documentation nginx');
    // The course's directives are described in French.
    expect(await hover.first().textContent()).toContain('Le port (et l’adresse) où ce serveur accepte les connexions');
    await shot('04-nginx-hover');
  });
});

describe('workshop: every lesson', { timeout: SLOW }, () => {
  it.each(lessons)('%s: the start files do not meet every objective; the solution meets them all with no error', async (slug) => {
    await openWorkshop(page, site.server.url, slug);
    const start = await objectiveStates(page);
    expect(Object.keys(start).length).toBeGreaterThan(0);
    expect(Object.values(start).every(Boolean)).toBe(false);

    await page.click('[data-action="solution"]');
    await waitForCheck(page);
    const solved = await objectiveStates(page);
    expect(solved).toEqual(Object.fromEntries(Object.keys(start).map((id) => [id, true])));
    const errors = await page.locator('[data-diagnostic-list] li.diagnostic-error').allTextContents();
    expect(errors).toEqual([]);
    // Met by « Voir la solution »: said, and not counted as the learner's work.
    expect(await page.locator('[data-solution-message]').isVisible()).toBe(true);
    expect(await page.locator('[data-done-message]').isVisible()).toBe(false);
    await shot(`${slug}-solution`);
  });
});

describe('workshop: progress', { timeout: SLOW }, () => {
  it('counts the objectives the learner meets, not the solution’s, and ticks a finished lesson in the sidebar of every page', async () => {
    const tickText = (slug: string) => page.locator(`.sidebar .progress-tick[data-lesson="${slug}"] [aria-hidden="true"]`).textContent();
    await openWorkshop(page, site.server.url, '01-introduction');
    expect(await tickText('01-introduction')).toBe('0/5');
    // One objective met by the learner: removing the `version` line (line 2).
    await goToLine(page, 2);
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await waitForCheck(page);
    await poll(() => tickText('01-introduction')).toBe('1/5');

    // « Voir la solution » meets them all but counts for nothing, even after a reload.
    await page.click('[data-action="solution"]');
    await waitForCheck(page);
    expect(await page.locator('[data-solution-message]').isVisible()).toBe(true);
    await page.waitForTimeout(600); // the session's save delay
    await expectTick(page, '01-introduction', false);
    expect(await tickText('01-introduction')).toBe('1/5');
    await openWorkshop(page, site.server.url, '01-introduction');
    expect(await page.locator('[data-solution-message]').isVisible()).toBe(true);
    await expectTick(page, '01-introduction', false);

    // Back to the start files, then the learner fixes them line by line (bottom up, so line numbers hold).
    await page.click('[data-action="reset"]');
    await waitForCheck(page);
    const replaceLine = async (line: number, text: string) => {
      await goToLine(page, line);
      await page.keyboard.press('Shift+End');
      if (text === '') await page.keyboard.press('Delete');
      else await page.keyboard.insertText(text);
    };
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End'); // the empty line after the last one
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.insertText(':ro');
    await replaceLine(9, '      - "${HTTP_PORT:-8080}:80"');
    await replaceLine(7, '');
    await replaceLine(6, '    image: nginx:1.30-alpine');
    await replaceLine(2, '');
    await waitForCheck(page);
    await poll(() => page.locator('[data-done-message]').isVisible()).toBe(true);
    await expectTick(page, '01-introduction', true);
    expect(await tickText('01-introduction')).toBe('✓\u00a05/5');
    await page.goto(`${site.server.url}lecons/02-architecture/`);
    await expectTick(page, '01-introduction', true);
    await expectTick(page, '02-architecture', false);
    await page.goto(site.server.url);
    expect(await page.locator('.course-map .progress-tick[data-lesson="01-introduction"] .visually-hidden').textContent()).toBe('Leçon terminée\u00a0: 5 objectifs sur 5');
  });

  it('sets corrupt saved data aside, says so in French, and keeps working', async () => {
    await page.goto(`${site.server.url}lecons/01-introduction/`);
    await page.evaluate(() => localStorage.setItem('atelier-compose:progress', '{"version": 1, "lessons": '));
    await openWorkshop(page, site.server.url, '01-introduction');
    const message = page.locator('[data-workshop-message]');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('n’a pas pu être relu');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.some((key) => key.startsWith('atelier-compose:progress:sauvegarde:'))).toBe(true);
    expect(await editorText(page)).toContain('services:');
    await shot('01-corrupt-storage');
  });

  it('refuses a progress file that is not one, in French', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await page.locator('[data-import-input]').setInputFiles({ name: 'progression.json', mimeType: 'application/json', buffer: Buffer.from('pas du json') });
    await poll(() => page.locator('[data-workshop-message]').textContent()).toContain('Ce fichier ne peut pas être importé');
  });

  it('downloads the edited files as a zip', async () => {
    await openWorkshop(page, site.server.url, '04-client');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-files"]')]);
    expect(download.suggestedFilename()).toBe('atelier-04-client.zip');
    const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(Object.keys(entries).sort()).toEqual(['04-client/.env', '04-client/compose.yaml', '04-client/nginx/conf.d/default.conf']);
    expect(strFromU8(entries['04-client/compose.yaml']!)).toContain('services:');
  });

  it('links the chapter stack as a zip built with the site', async () => {
    await page.goto(`${site.server.url}lecons/04-client/`);
    const href = await page.locator(`${WORKSHOP} a[download]`).getAttribute('href');
    expect(href).toBe('/telechargements/04-client.zip');
    const response = await page.request.get(new URL(href!, site.server.url).toString());
    expect(response.status()).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(await response.body())));
    expect(names.some((name) => name === '04-client/compose.yaml')).toBe(true);
    expect(names.some((name) => /(^|\/)\.env$|node_modules|\/certs\//.test(name))).toBe(false);
  });

  it('exports the progress as JSON that imports back', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await goToLine(page, 2);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await waitForCheck(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
    const path = await download.path();
    expect(download.suggestedFilename()).toBe('atelier-compose-progression.json');

    const other = await context.browser()!.newContext();
    const fresh = await other.newPage();
    await openWorkshop(fresh, site.server.url, '01-introduction');
    await fresh.locator('[data-import-input]').setInputFiles(path);
    await poll(() => fresh.locator('[data-workshop-message]').textContent()).toContain('Progression importée');
    await waitForCheck(fresh);
    expect(await editorText(fresh)).not.toContain("version: '3.8'");
    await other.close();
  });
});

describe('workshop: keyboard and accessibility', { timeout: SLOW }, () => {
  it('moves between file tabs with the arrow keys, as the ARIA tabs pattern', async () => {
    await openWorkshop(page, site.server.url, '04-client');
    await page.locator('[role="tab"]').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('nginx/conf.d/default.conf');
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('default.conf');
    expect(await editorText(page)).toContain('server');
    await page.keyboard.press('End');
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('.env');
    await page.keyboard.press('Home');
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('compose.yaml');
  });

  it('lets Escape leave the editor, so Tab never traps the learner', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-editor]') === null)).toBe(true);
  });

  it('shows a hint on demand', async () => {
    await openWorkshop(page, site.server.url, '01-introduction');
    const toggle = page.locator('[data-objective="sans-cle-version"] [data-hint-toggle]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-objective="sans-cle-version"] .objective-hint').isVisible()).toBe(true);
  });

  it('follows the site theme', async () => {
    await openWorkshop(page, site.server.url, '07-reverse-proxy');
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    await poll(() => page.locator('[data-editor] .monaco-editor').getAttribute('class')).toContain('vs-dark');
    await page.locator('[role="tab"]', { hasText: 'proxy.conf.template' }).click();
    await shot('07-nginx-dark');
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
    await poll(() => page.locator('[data-editor] .monaco-editor').getAttribute('class')).not.toContain('vs-dark');
    await shot('07-nginx-light');
  });

  it.each(['closed', 'open', 'with problems and the diff view', 'dark theme, with problems and the diff view'])('has no axe-core violation (%s)', async (state) => {
    if (state === 'closed') await page.goto(`${site.server.url}lecons/04-client/`);
    else await openWorkshop(page, site.server.url, '04-client');
    if (state.startsWith('dark')) await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    if (state.endsWith('with problems and the diff view')) {
      await page.locator('[data-objective] [data-hint-toggle]').first().click();
      await page.click('[data-action="diff"]');
      await page.waitForSelector('[data-diff-editor] .monaco-diff-editor');
    }
    const results = await new AxeBuilder({ page }).include(WORKSHOP).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

async function expectTick(target: Page, slug: string, done: boolean): Promise<void> {
  await poll(() => target.locator(`.progress-tick[data-lesson="${slug}"]`).getAttribute('data-done')).toBe(String(done));
}
