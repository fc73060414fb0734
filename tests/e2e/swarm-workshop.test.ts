import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSite } from './support/site.ts';
import { acceptDialogs, editorText, goToLine, objectiveStates, openWorkshop, waitForCheck } from './workshop-helpers.ts';

// Chapter 12's workshop in the built site (`npm run build` first), in Debian's
// Chromium: the stack file is checked as `docker stack deploy` reads it.

const SLOW = 180_000;
const LESSON = '12-plusieurs-machines';

const site = useBuiltSite();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await acceptDialogs(page);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
});

afterEach(async () => {
  await context?.close();
});

const errorAt = (line: number) => page.locator(`[data-diagnostic-list] li.diagnostic-error[data-line="${line}"]`);

describe('chapter 12 workshop: a compose file becomes a stack', { timeout: SLOW }, () => {
  it('says in French what docker stack deploy refuses in the chapter 11 file, and forgets it once removed', async () => {
    await openWorkshop(page, site.server.url, LESSON);
    expect(await page.locator('[role="tab"]').allTextContents()).toEqual([expect.stringMatching(/^stack\.yaml\b/)]);
    expect(Object.values(await objectiveStates(page)).some(Boolean)).toBe(false);
    // The lesson's frontmatter (`swarm: true`) reaches the workshop, which passes it to the engine.
    expect(JSON.parse((await page.locator('script[data-workshop-data]').textContent()) ?? '{}')).toMatchObject({ swarm: true });

    // Line 6 is `name: atelier`: the Swarm schema refuses it, with its reason and the rule's page.
    const refused = errorAt(6).filter({ hasText: 'docker stack deploy' });
    expect(await refused.count()).toBe(1);
    expect(await refused.locator('.diagnostic-message').textContent()).toContain('le nom de la stack se donne à la commande');
    expect(await refused.locator('a.diagnostic-rule').getAttribute('href')).toBe('/regles/swarm-schema/');
    // `depends_on` with conditions is refused too, and `build` without an image.
    const messages = (await page.locator('[data-diagnostic-list] li.diagnostic-error .diagnostic-message').allTextContents()).join('\n');
    expect(messages).toContain('forme longue de depends_on');
    expect(messages).toContain('no image specified');

    const nameRefused = page.locator('[data-diagnostic-list] li.diagnostic-error', { hasText: 'refuse name' });
    expect(await nameRefused.count()).toBe(1);
    await goToLine(page, 6);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await waitForCheck(page);
    expect(await editorText(page)).not.toContain('name: atelier');
    expect(await nameRefused.count()).toBe(0);
  });

  it('ticks the replicas objective on the solution and unticks it at two replicas', async () => {
    await openWorkshop(page, site.server.url, LESSON);
    await page.click('[data-action="solution"]');
    await waitForCheck(page);
    const solved = await objectiveStates(page);
    expect(Object.values(solved).every(Boolean)).toBe(true);
    expect(await page.locator('[data-diagnostic-list] li.diagnostic-error').count()).toBe(0);

    // `replicas: 3` of `api` becomes `replicas: 2`. The editor draws only the lines in view: Ctrl+G reaches it.
    const lines = readFileSync(resolve('src/content/lessons', LESSON, 'solution/stack.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l, i) => l.trim() === 'replicas: 3' && lines.slice(0, i).some((p) => p.trim() === 'api:')) + 1;
    expect(line).toBeGreaterThan(0);
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    await waitForCheck(page);
    expect((await objectiveStates(page))['api-repliquee']).toBe(false);
    expect((await objectiveStates(page))['base-epinglee']).toBe(true);
  });
});
