import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, builtLessons, screenshot, useBuiltSite } from './support/site.ts';
import { acceptDialogs, goToLine, openWorkshop, waitForCheck, wakePlayground, WORKSHOP } from './workshop-helpers.ts';

// Where the workshop sits (issue #17), in the built site (`npm run build`
// first, or SITE_DIST=another build), in Debian's Chromium: beside the lesson
// on a laptop, below it with a jump link on narrower screens, never wider than
// a phone; and the problems list, the diff and the graph within it.

const SLOW = 300_000;
const site = useBuiltSite();
const lessons = builtLessons();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(width: number, height: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  await acceptDialogs(page);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return page;
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** How many px of a box's height are on screen. */
const onScreen = (box: Box, height: number): number => Math.max(0, Math.min(box.bottom, height) - Math.max(box.top, 0));

/** The boxes the learner needs while reading: the section's heading, and the workshop's editor, objectives and problems. */
async function boxesAt(page: Page, sectionId: string): Promise<Record<'heading' | 'workshop' | 'editor' | 'objectives' | 'problems', Box>> {
  return page.evaluate((id) => {
    const box = (element: Element | null): Box => {
      const { top, bottom, left, right } = element!.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    return {
      heading: box(document.getElementById(id)),
      workshop: box(document.querySelector('[data-workshop]')),
      editor: box(document.querySelector('[data-editor]')),
      objectives: box(document.querySelector('.workshop-objectives')),
      problems: box(document.querySelector('.workshop-diagnostics')),
    };
  }, sectionId);
}

describe('beside the lesson on a 1366×800 screen', { timeout: SLOW }, () => {
  it.each(['03-structure-du-fichier', '07-reverse-proxy', '08-production'])(
    '%s: whatever section is read, the editor, the objectives and the problems stay in view',
    async (slug) => {
      const page = await newPage(1366, 800);
      await openWorkshop(page, site.server.url, slug);
      const sections = await page.$$eval('.prose :is(h2, h3)[id]', (headings) => headings.map((heading) => heading.id));
      expect(sections.length).toBeGreaterThan(4);
      for (const id of sections) {
        await page.evaluate((target) => document.getElementById(target)!.scrollIntoView({ block: 'start' }), id);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const boxes = await boxesAt(page, id);
        const at = `${slug} #${id}`;
        expect(onScreen(boxes.heading, 800), `${at}: heading`).toBeGreaterThan(0);
        // Side by side: the section read is left of the workshop.
        expect(boxes.heading.right, `${at}: heading beside the workshop`).toBeLessThanOrEqual(boxes.workshop.left);
        expect(onScreen(boxes.editor, 800), `${at}: editor`).toBeGreaterThanOrEqual(200);
        expect(onScreen(boxes.objectives, 800), `${at}: objectives`).toBeGreaterThanOrEqual(60);
        expect(onScreen(boxes.problems, 800), `${at}: problems`).toBeGreaterThanOrEqual(60);
      }
      if (slug === '08-production') await page.screenshot({ path: 'test-results/screenshots/layout-08-1366-last-section.png' });
    },
  );

  it('loads the editor at the first scroll, not with the page: the workshop is in view from the start', async () => {
    const page = await newPage(1366, 800);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.server.url}lecons/03-structure-du-fichier/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator(WORKSHOP).getAttribute('data-state')).toBe('closed');
    expect(scripts.some((url) => url.includes('workshop-app'))).toBe(false);
    await page.mouse.move(300, 400);
    await page.mouse.wheel(0, 600);
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
  });

  it.each(['light', 'dark'] as const)('has no axe-core violation beside the lesson, workshop open (%s)', async (scheme) => {
    const page = await newPage(1366, 800, scheme);
    await openWorkshop(page, site.server.url, '08-production');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('below the lesson on a narrower screen', { timeout: SLOW }, () => {
  it('jumps to the workshop and back to the section being read', async () => {
    const page = await newPage(1024, 768);
    await page.goto(`${site.server.url}lecons/08-production/`);
    const jump = page.locator('[data-workshop-jump]');
    expect(await jump.textContent()).toBe('Aller à l’atelier');
    const section = await page.$$eval('.prose h2[id]', (headings) => headings[2]!.id);
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), section);
    await page.evaluate(() => window.scrollBy(0, 120));
    expect(await jump.isVisible()).toBe(true);
    await jump.click();
    await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
    await expect.poll(() => jump.textContent(), { timeout: 10_000 }).toBe('Revenir à la leçon');
    const workshopTop = await page.locator('#atelier').evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(workshopTop)).toBeLessThan(50);
    await jump.click();
    await expect.poll(() => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, section)).toBeLessThan(60);
    expect(await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, section)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => jump.textContent(), { timeout: 10_000 }).toBe('Aller à l’atelier');
  });
});

describe('on a 360×780 phone, workshop open', { timeout: SLOW }, () => {
  it('never covers the editor with the floating jump link, wherever the page is scrolled', async () => {
    const page = await newPage(360, 780);
    await openWorkshop(page, site.server.url, '05-api-nodejs');
    const editorTop = await page.locator('[data-editor]').evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    const placements = new Set<string>();
    // From the editor's top entering at the bottom of the screen to its bottom leaving at the top.
    for (let offset = -700; offset <= 700; offset += 100) {
      await page.evaluate((y) => window.scrollTo(0, y), editorTop + offset);
      await page.waitForTimeout(50);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const { link, editor, placement } = await page.evaluate(() => {
        const jump = document.querySelector<HTMLElement>('[data-workshop-jump]')!;
        const box = (element: Element) => {
          const { top, bottom, left, right } = element.getBoundingClientRect();
          return { top, bottom, left, right };
        };
        return { link: getComputedStyle(jump).visibility === 'hidden' ? undefined : box(jump), editor: box(document.querySelector('[data-editor]')!), placement: jump.dataset['placement'] ?? '' };
      });
      placements.add(placement);
      if (!link) continue;
      const overlap = link.top < editor.bottom && link.bottom > editor.top && link.left < editor.right && link.right > editor.left;
      expect(overlap, `scrolled ${offset} px from the editor: the link (${placement}) covers it`).toBe(false);
    }
    // It did move: at the bottom while the editor is above, at the top or aside while it is below or fills the screen.
    expect(placements.has('bottom')).toBe(true);
    expect(placements.has('top')).toBe(true);
  });

  it.each([...lessons.map((slug) => `lecons/${slug}/`), 'bac-a-sable/'])('/%s is no wider than the screen', async (path) => {
    const page = await newPage(360, 780);
    if (path.startsWith('lecons/')) await openWorkshop(page, site.server.url, path.split('/')[1]!);
    else {
      await page.goto(`${site.server.url}${path}`);
      await wakePlayground(page);
      await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
    }
    // The graph and its table are the widest things the workshop draws.
    const graph = page.locator('[data-service-graph]');
    if (await graph.isVisible()) {
      await page.waitForSelector('[data-service-graph] svg');
      await graph.locator('summary').click();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (path.includes('08-production')) await screenshot(page, 'layout-08-360');
  });

  it('fits the service graph to the screen, zooms in to pan it sideways with the keyboard, and fits it again', async () => {
    const page = await newPage(360, 780);
    await openWorkshop(page, site.server.url, '08-production');
    const drawing = page.locator('[data-service-graph] .service-graph-drawing');
    await drawing.locator('svg').waitFor();
    const size = () =>
      drawing.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, svg: element.querySelector('svg')!.getBoundingClientRect().width }));
    const fitted = await size();
    expect(fitted.svg).toBeLessThanOrEqual(fitted.client);
    expect(fitted.scroll).toBeLessThanOrEqual(fitted.client + 1);
    expect(await page.getByRole('button', { name: 'Ajuster à la largeur' }).getAttribute('aria-pressed')).toBe('true');
    const level = page.locator('.service-graph-zoom-level');
    const fittedLevel = await level.textContent();
    expect(fittedLevel).toMatch(/^\d+\u202f%$/);

    await page.getByRole('button', { name: 'Agrandir' }).click();
    await page.getByRole('button', { name: 'Agrandir' }).click();
    const zoomed = await size();
    expect(zoomed.svg).toBeGreaterThan(fitted.svg);
    expect(zoomed.scroll).toBeGreaterThan(zoomed.client);
    expect(await drawing.getAttribute('tabindex')).toBe('0');
    expect(await page.getByRole('button', { name: 'Ajuster à la largeur' }).getAttribute('aria-pressed')).toBe('false');
    await drawing.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => drawing.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Réduire' }).click();
    expect((await size()).svg).toBeLessThan(zoomed.svg);
    await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
    expect(await level.textContent()).toBe(fittedLevel);
    expect(await drawing.getAttribute('tabindex')).toBeNull();
  });
});

describe('the problems list next to the code', { timeout: SLOW }, () => {
  /** The problems as listed: severity, file and line, top to bottom. */
  const listed = (page: Page): Promise<string[]> =>
    page.$$eval('[data-diagnostic-list] li[data-rule-id]', (items) =>
      items.map((item) => {
        const data = (item as HTMLElement).dataset;
        const severity = item.className.match(/diagnostic-(error|warning|info)/)?.[1];
        return `${severity} ${data['file']}:${data['line']}:${data['column']}`;
      }),
    );

  it('lists errors first, then by position, whatever order the engine found them in', async () => {
    const page = await newPage(1366, 800);
    await openWorkshop(page, site.server.url, '01-introduction');
    // The start file: `version` (line 2) and `nginx:latest` (line 6) warnings, the `container_name` note (line 7).
    expect(await listed(page)).toEqual(['warning compose.yaml:2:1', 'warning compose.yaml:6:12', 'info compose.yaml:7:21']);
    // An invalid port on line 9: below the warnings in the file, the engine reports it last, the list shows it first.
    await goToLine(page, 9);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('http');
    await waitForCheck(page);
    expect(await listed(page)).toEqual(['error compose.yaml:9:9', 'warning compose.yaml:2:1', 'warning compose.yaml:6:12', 'info compose.yaml:7:21']);
  });

  it('selects the very range of a problem when its card is clicked, and keeps its rule link inside the card', async () => {
    const page = await newPage(1366, 800);
    await openWorkshop(page, site.server.url, '01-introduction');
    const card = page.locator('[data-diagnostic-list] li[data-rule-id="image-tag"]');
    const inside = await card.evaluate((item) => {
      const outer = item.getBoundingClientRect();
      const link = item.querySelector('a.diagnostic-rule')!.getBoundingClientRect();
      return link.left >= outer.left && link.right <= outer.right && link.top >= outer.top && link.bottom <= outer.bottom;
    });
    expect(inside).toBe(true);
    await card.locator('button').click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-editor]') !== null)).toBe(true);
    // Typing replaces the selection: exactly `nginx:latest`, the range the rule reports.
    await page.keyboard.type('nginx:1.30-alpine');
    await waitForCheck(page);
    expect(await page.locator('[data-editor] .view-line', { hasText: 'image:' }).first().innerText()).toMatch(/^\s*image:\snginx:1\.30-alpine$/);
    expect(await page.locator('[data-diagnostic-list] li[data-rule-id="image-tag"]').count()).toBe(0);
  });
});

describe('the diff with the solution', { timeout: SLOW }, () => {
  it.each([
    { width: 1920, height: 1080, layout: 'side-by-side', caption: /^Vue côte à côte/ },
    { width: 1366, height: 800, layout: 'inline', caption: /^Vue en une colonne/ },
    { width: 360, height: 780, layout: 'inline', caption: /^Vue en une colonne/ },
  ])('at $width px wide is $layout, and its caption says so', async ({ width, height, layout, caption }) => {
    const page = await newPage(width, height);
    await openWorkshop(page, site.server.url, '04-client');
    await page.click('[data-action="diff"]');
    await page.waitForSelector('[data-diff-editor] .monaco-diff-editor');
    await expect.poll(() => page.locator('[data-diff]').getAttribute('data-layout')).toBe(layout);
    expect(await page.locator('[data-diff-caption]').textContent()).toMatch(caption);
    // Monaco's own layout agrees with the caption: two editors side by side, or one.
    const editors = await page.$$eval('[data-diff-editor] .monaco-editor', (items) =>
      items.filter((item) => (item as HTMLElement).offsetWidth > 50).map((item) => item.getBoundingClientRect().left),
    );
    if (layout === 'side-by-side') expect(new Set(editors.map(Math.round)).size).toBe(2);
    else expect(new Set(editors.map(Math.round)).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
});
