import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/check.ts';
import type { ExamplesIsland } from '../../src/lib/rules/rule-page.ts';
import { axeViolations, collectErrors, screenshot, siteDist, useBuiltSite } from './support/site.ts';

interface ListedRule {
  id: string;
  severity: string;
  title: string;
  url: string;
}

// The CLI is the public list of rules: every rule it names must have its built page.
const listed = JSON.parse(execFileSync(process.execPath, ['bin/atelier-compose.cjs', 'rules', '--format', 'json'], { encoding: 'utf8' })) as ListedRule[];
const dist = siteDist();

function pageHtml(id: string): string {
  const file = join(dist, 'regles', id, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests.`);
  // Scoped styles tag elements with data-astro-cid-*; the assertions are about content.
  return readFileSync(file, 'utf8').replace(/ data-astro-cid-[\w-]+/g, '');
}

function island(html: string): ExamplesIsland {
  const match = /<script type="application\/json" id="rule-examples">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no #rule-examples data island');
  return JSON.parse(match[1]) as ExamplesIsland;
}

function projectOf(files: Record<string, string>): { path: string; text: string }[] {
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('rules reference in dist/', () => {
  it('lists a non-trivial catalogue', () => {
    expect(listed.length).toBeGreaterThan(30);
  });

  it('has a page for the internal-error id too, which the workshop links like any rule', () => {
    expect(pageHtml('internal-error')).toContain('<h1>Erreur interne de l’atelier</h1>');
  });

  it.each(listed.map((rule) => [rule.id, rule] as const))('%s has its page with both examples, each giving the verdict the page claims', (id, rule) => {
    const html = pageHtml(id);
    const data = island(html);
    expect(data.ruleId).toBe(id);
    expect(html).toContain('Exemple');
    expect(data.failing.length).toBeGreaterThan(0);
    expect(data.passing.length).toBeGreaterThan(0);
    for (const example of data.failing) {
      // Each shown file name is a code block title on the page.
      for (const path of Object.keys(example.files)) expect(html).toContain(`<figcaption class="code-title">${escapeHtml(path)}`);
      const raised = checkProject(projectOf(example.files), example.options)
        .diagnostics.filter((d) => d.ruleId === id)
        .map((d) => ({ messageId: d.messageId, file: d.file, line: d.range.start.line, column: d.range.start.column }));
      expect(raised.length).toBeGreaterThan(0);
      expect(raised).toEqual(example.diagnostics);
      for (const d of example.diagnostics) expect(html).toContain(`<code>${escapeHtml(d.file)}:${d.line}:${d.column}</code>`);
    }
    for (const example of data.passing) {
      const raised = checkProject(projectOf(example.files), example.options).diagnostics.filter((d) => d.ruleId === id || d.ruleId === 'internal-error');
      expect(raised).toEqual([]);
    }
    // The page's title is the CLI's title, backticks rendered as code.
    // The heading carries the rule id for the search index (data-pagefind-meta).
    expect(html).toContain(`<h1 data-pagefind-meta="rule:${rule.id}">${escapeHtml(rule.title).replace(/`([^`]+)`/g, '<code>$1</code>')}</h1>`);
  });
});

describe('rules reference in Chromium', () => {
  const site = useBuiltSite(dist);

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    // axe-core's Playwright builder needs a page of an explicit context.
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(new URL(path, site.server.url).href);
    expect(response?.status(), path).toBe(200);
    return { page, errors };
  }

  it('is linked from the site header, and its index links to every rule', async () => {
    const { page, errors } = await open('');
    await page.getByRole('navigation', { name: 'Rubriques du site' }).getByRole('link', { name: 'Règles' }).click();
    await page.waitForURL('**/regles/');
    expect(await page.locator('h1').textContent()).toBe('Règles de l’atelier');
    const hrefs = await page.locator('.rules-list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.sort()).toEqual(listed.map((rule) => `/regles/${rule.id}/`).sort());
    expect(await page.locator('h2').allTextContents()).toEqual(['Compose', 'nginx', 'Compose ↔ nginx']);
    await page.locator('.rules-list a[href="/regles/no-version-key/"]').click();
    await page.waitForURL('**/regles/no-version-key/');
    expect(await page.locator('h1').textContent()).toBe('La clé version est obsolète');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('every link of the index answers 200', async () => {
    const { page } = await open('regles/');
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      const response = await fetch(new URL(href, site.server.url));
      expect(response.status, href).toBe(200);
    }
    await page.context().close();
  });

  it('a rule page renders its failing and passing examples, its diagnostics, quick fix and chapter', async () => {
    const { page, errors } = await open('regles/no-version-key/');
    await expect(page.getByRole('heading', { level: 2, name: 'Exemple incorrect' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { level: 2, name: 'Exemple correct' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('.rule-example-failing figcaption').allTextContents()).toEqual(['compose.yaml']);
    expect(await page.locator('.rule-example-passing figcaption').allTextContents()).toEqual(['compose.yaml']);
    expect(await page.locator('.rule-example-failing .astro-code').textContent()).toContain('version: "3.8"');
    expect(await page.locator('.rule-example-failing .line-flagged').allTextContents()).toEqual(['version: "3.8"']);
    expect(await page.locator('.rule-example-passing .line-flagged').count()).toBe(0);
    expect(await page.locator('.rule-diagnostics li').allTextContents()).toEqual([expect.stringMatching(/^compose\.yaml:1:1 La clé version est obsolète/)]);
    expect(await page.locator('#correction-rapide + p').textContent()).toContain('Supprimer la clé version');
    expect(await page.locator('.fix-change figcaption').allTextContents()).toEqual(['compose.yaml (avant)', 'compose.yaml (après)']);
    const chapter = page.locator('.rule-facts a');
    expect(await chapter.getAttribute('href')).toBe('/lecons/03-structure-du-fichier/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await screenshot(page, 'rule-no-version-key');
    await chapter.click();
    await page.waitForURL('**/lecons/03-structure-du-fichier/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // One page per kind, with several examples and a quick fix among them.
  const axePages = ['regles/', 'regles/internal-error/', 'regles/yaml-syntax/', 'regles/no-version-key/', 'regles/nginx-missing-semicolon/', 'regles/proxy-wrong-port/'];
  it.each(axePages)('axe-core finds no violation on /%s, light and dark', async (path) => {
    const { page } = await open(path);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `rules-${path.split('/')[1] || 'index'}-dark`);
    await page.context().close();
    // yaml-syntax shows an example per YAML error (about 30): two scans of it took 100 s on two busy cores.
  }, 150_000);

  it('headings never skip a level', async () => {
    for (const path of axePages) {
      const { page } = await open(path);
      const levels = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
      expect(levels[0], path).toBe(1);
      levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0), `${path} heading ${index}`).toBeLessThanOrEqual(1));
      await page.context().close();
    }
  });

  it('fits a phone screen: no page-wide horizontal scroll, code blocks scroll on their own', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    for (const path of axePages) {
      const page = await context.newPage();
      await page.goto(new URL(path, site.server.url).href);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      if (path === 'regles/proxy-wrong-port/') await screenshot(page, 'rules-proxy-wrong-port-phone');
      await page.close();
    }
    await context.close();
  });

  it('the site search finds a rule page from a French word of its title', async () => {
    const { page, errors } = await open('');
    const query = 'obsolète';
    await page.getByRole('searchbox', { name: 'Rechercher dans le cours' }).fill(query);
    await page.locator(`[data-search-results][data-query="${query}"]`).waitFor();
    const hrefs = await page.locator('.search-results li a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs).toContain('/regles/no-version-key/');
    // The excerpt is prose, not the page's facts list.
    const excerpt = await page.locator('.search-results li', { has: page.locator('a[href="/regles/no-version-key/"]') }).textContent();
    expect(excerpt).not.toContain('Identifiant');
    await screenshot(page, 'rules-search');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
