import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/site.ts';
import { acceptDialogs, goToLine, openWorkshop, waitForCheck, WORKSHOP } from './workshop-helpers.ts';

// The workshop's live service graph in the built site (`npx astro build` first), in Debian's Chromium.

const screenshots = resolve('test-results/screenshots');
/** `WORKSHOP_DIST` lets a developer test a private build while others rebuild the shared dist/. */
const dist = resolve(process.env['WORKSHOP_DIST'] ?? 'dist');
const LESSON = '06-architecture-trois-couches';
const GRAPH = '[data-service-graph]';
const SLOW = 180_000;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

const site = useBuiltSite(dist);
let context: BrowserContext;
let page: Page;

beforeAll(() => {
  mkdirSync(screenshots, { recursive: true });
});

beforeEach(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await acceptDialogs(page);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
});

afterEach(async () => {
  await context?.close();
});

const drawnServices = (): Promise<string[]> =>
  page.$$eval(`${GRAPH} svg [data-service]`, (nodes) => nodes.map((node) => node.getAttribute('data-service') ?? ''));
const tableServices = (): Promise<string[]> =>
  page.$$eval(`${GRAPH} table tbody tr`, (rows) => rows.map((row) => (row as HTMLElement).dataset['service'] ?? ''));

/** Line of the first service in the lesson's start compose file (1-based): always on screen, unlike the end of the file. */
function firstServiceLine(): number {
  const text = readFileSync(resolve('src/content/lessons', LESSON, 'start/compose.yaml'), 'utf8');
  return text.split('\n').findIndex((line) => line === '  client:') + 1;
}

/**
 * Types lines at the cursor with their own indentation: whatever Monaco
 * auto-indents after Enter is selected and replaced, and a suggestion popup is
 * closed first so Enter does not accept it.
 */
async function typeLines(lines: string[]): Promise<void> {
  for (const [index, line] of lines.entries()) {
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(line);
    await page.waitForTimeout(300);
    if (await page.locator('[data-editor] .suggest-widget.visible').count()) await page.keyboard.press('Escape');
    if (index < lines.length - 1) await page.keyboard.press('Enter');
  }
}

describe('workshop: service graph', { timeout: SLOW }, () => {
  it('is not loaded by the lesson page before the workshop opens', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.server.url}lecons/${LESSON}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator(GRAPH).isHidden()).toBe(true);
    expect(await page.locator(WORKSHOP).getAttribute('data-state')).toBe('closed');
    const bodies = await Promise.all(scripts.map(async (url) => (await fetch(url)).text()));
    expect(scripts.length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body.includes('Voir le graphe sous forme de tableau'))).toEqual([]);
  });

  it('draws lesson 06 and follows an edit: a new cache service on backend appears in the drawing and the table', async () => {
    await openWorkshop(page, site.server.url, LESSON);
    await page.waitForSelector(`${GRAPH} svg[role="img"]`);
    expect(await drawnServices()).toEqual(['client', 'api', 'db']);
    expect(await page.locator(`${GRAPH} svg`).getAttribute('aria-label')).toBe('Graphe des services\u00a0: 3 services, 2 réseaux, 2 dépendances, 1 volume nommé');
    expect(await page.locator(`${GRAPH} [data-zone]`).evaluateAll((zones) => zones.map((zone) => zone.getAttribute('data-zone')))).toEqual([
      'frontend',
      'backend',
    ]);
    expect(await page.locator(`${GRAPH} svg [data-service="client"]`).textContent()).toContain('port 8080→80');
    expect(await page.locator(`${GRAPH} [data-from="client"][data-to="api"]`).textContent()).toBe('démarré');

    // The table says the same, for screen readers and keyboard users.
    await page.locator(`${GRAPH} summary`).click();
    expect(await tableServices()).toEqual(['client', 'api', 'db']);
    expect(await page.locator(`${GRAPH} tr[data-service="client"] td`).allTextContents()).toEqual([
      'nginx:1.30-alpine',
      'frontend',
      '8080→80',
      'api (démarré)',
      '—',
    ]);

    await goToLine(page, firstServiceLine());
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await typeLines(['  cache:', '    image: redis:8-alpine', '    networks:', '      - backend']);
    await waitForCheck(page);

    await poll(drawnServices).toEqual(['cache', 'client', 'api', 'db']);
    expect(await tableServices()).toEqual(['cache', 'client', 'api', 'db']);
    expect(await page.locator(`${GRAPH} tr[data-service="cache"] td`).allTextContents()).toEqual(['redis:8-alpine', 'backend', '—', '—', '—']);
    expect(await page.locator(`${GRAPH} svg`).getAttribute('aria-label')).toBe('Graphe des services\u00a0: 4 services, 2 réseaux, 2 dépendances, 1 volume nommé');
    // The new box sits inside the backend zone, outside frontend.
    const inZone = async (zone: string): Promise<boolean> => {
      const zoneBox = await page.locator(`${GRAPH} [data-zone="${zone}"] rect`).boundingBox();
      const box = await page.locator(`${GRAPH} svg [data-service="cache"] rect`).boundingBox();
      if (!zoneBox || !box) throw new Error('graph not displayed');
      return box.x >= zoneBox.x && box.x + box.width <= zoneBox.x + zoneBox.width && box.y >= zoneBox.y && box.y + box.height <= zoneBox.y + zoneBox.height;
    };
    expect(await inZone('backend')).toBe(true);
    expect(await inZone('frontend')).toBe(false);
    await page.locator(GRAPH).screenshot({ path: join(screenshots, '06-service-graph-cache.png') });
  });

  it('draws `certs` (network_mode: none) of chapter 08 outside every network, and no arrow through a box it does not join', async () => {
    await openWorkshop(page, site.server.url, '08-production');
    await page.waitForSelector(`${GRAPH} svg[role="img"]`);
    const drawn = await page.locator(`${GRAPH} svg`).evaluate((root) => {
      const box = (element: Element) => {
        const { x, y, width, height } = (element as SVGGraphicsElement).getBBox();
        return { x, y, width, height };
      };
      return {
        clusters: [...root.querySelectorAll('.service-graph-zone rect')].map(box),
        services: [...root.querySelectorAll('[data-service]')].map((node) => ({ name: node.getAttribute('data-service')!, ...box(node.querySelector('rect')!) })),
        edges: [...root.querySelectorAll('[data-from]')].map((edge) => ({
          ends: [edge.getAttribute('data-from')!, edge.getAttribute('data-to')!],
          points: [...(edge.querySelector('polyline') as SVGPolylineElement).points].map(({ x, y }) => ({ x, y })),
        })),
      };
    });
    type Box = { x: number; y: number; width: number; height: number };
    const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const certs = drawn.services.find((service) => service.name === 'certs')!;
    expect(drawn.clusters.length).toBeGreaterThan(1);
    expect(drawn.clusters.filter((cluster) => overlaps(certs, cluster))).toEqual([]);
    // Orthogonal routing: each segment is a thin box; inset boxes, as touching a border is not crossing.
    for (const edge of drawn.edges) {
      for (const [index, a] of edge.points.slice(0, -1).entries()) {
        const b = edge.points[index + 1]!;
        const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 };
        for (const service of drawn.services.filter((s) => !edge.ends.includes(s.name))) {
          const inner = { x: service.x + 1, y: service.y + 1, width: service.width - 2, height: service.height - 2 };
          expect(overlaps(segment, inner), `${edge.ends.join('→')} through ${service.name}`).toBe(false);
        }
      }
    }
    await page.locator(GRAPH).screenshot({ path: join(screenshots, '08-service-graph.png') });
  });

  it('keeps the last good graph, dimmed, while the YAML is broken', async () => {
    await openWorkshop(page, site.server.url, LESSON);
    await page.waitForSelector(`${GRAPH} svg[role="img"]`);
    await goToLine(page, 2);
    await page.keyboard.press('End');
    await page.keyboard.type(' "oops');
    await waitForCheck(page);
    await poll(() => page.locator(GRAPH).getAttribute('data-stale')).toBe('true');
    expect(await page.locator(`${GRAPH} .service-graph-note`).textContent()).toContain('Graphe du dernier fichier valide');
    expect(await drawnServices()).toEqual(['client', 'api', 'db']);
    await page.locator(`${GRAPH} summary`).click();
    const results = await new AxeBuilder({ page }).include(GRAPH).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.locator(GRAPH).screenshot({ path: join(screenshots, '06-service-graph-stale.png') });
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('Control+z');
    await waitForCheck(page);
    await poll(() => page.locator(GRAPH).getAttribute('data-stale')).toBe('false');
    expect(await page.locator(`${GRAPH} .service-graph-note`).isHidden()).toBe(true);
  });

  it('fits a wide stack to its column, and zooms in to read it, scrolled sideways and reachable with the keyboard', async () => {
    // Chapter 11's start files: the widest drawing of the course (elk lays the others out narrower than the column).
    await openWorkshop(page, site.server.url, '11-bonnes-pratiques');
    await page.waitForSelector(`${GRAPH} svg[role="img"]`);
    const drawing = page.locator(`${GRAPH} .service-graph-drawing`);
    const sizes = () =>
      drawing.evaluate((element) => ({
        scroll: element.scrollWidth,
        client: element.clientWidth,
        svg: element.querySelector('svg')!.getBoundingClientRect().width,
        natural: Number(element.querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]),
      }));
    const fitted = await sizes();
    expect(fitted.natural).toBeGreaterThan(fitted.client);
    expect(fitted.svg).toBeLessThanOrEqual(fitted.client);
    expect(await drawing.getAttribute('tabindex')).toBeNull();
    const zoomIn = page.locator(`${GRAPH} [data-zoom="in"]`);
    while ((await sizes()).svg < fitted.natural - 1) await zoomIn.click();
    const zoomed = await sizes();
    expect(Math.abs(zoomed.svg - fitted.natural)).toBeLessThanOrEqual(1);
    expect(zoomed.scroll).toBeGreaterThan(zoomed.client);
    expect(await drawing.getAttribute('tabindex')).toBe('0');
    const results = await new AxeBuilder({ page }).include(GRAPH).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.locator(GRAPH).screenshot({ path: join(screenshots, '11-service-graph-wide.png') });
  });

  it.each(['light', 'dark'])('has no axe-core violation with the graph and its table shown (%s theme)', async (theme) => {
    await openWorkshop(page, site.server.url, LESSON);
    await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
    await page.waitForSelector(`${GRAPH} svg[role="img"]`);
    await page.locator(`${GRAPH} summary`).click();
    await page.locator(GRAPH).scrollIntoViewIfNeeded();
    const results = await new AxeBuilder({ page }).include(GRAPH).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.locator(GRAPH).screenshot({ path: join(screenshots, `06-service-graph-${theme}.png`) });
  });
});
