import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse as parseImports } from 'es-module-lexer';
import { ELEMENT_NODE, parse, walkSync, type ElementNode } from 'ultrahtml';

// The JavaScript a lesson costs before the reader does anything: the scripts
// and modulepreloads its HTML names, plus everything they import statically
// (the browser fetches those before running them). Dynamic import() chunks,
// such as the editor or the search index, load on demand and are not counted.

export const BUDGET_BYTES = 60 * 1024;

export interface PageBudget {
  page: string;
  /** Site paths of the counted files. */
  files: string[];
  gzipBytes: number;
}

function siteReferences(html: string): string[] {
  const references: string[] = [];
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const { name, attributes } = node as ElementNode;
    if (name === 'script' && attributes['src']) references.push(attributes['src']);
    if (name === 'link' && attributes['rel'] === 'modulepreload' && attributes['href']) references.push(attributes['href']);
  });
  return references;
}

/** Budget of one built page, `page` being its path under `dist` (`lecons/04-client/index.html`). */
export async function pageBudget(dist: string, page: string, base = '/'): Promise<PageBudget> {
  await init;
  const root = base.endsWith('/') ? base : `${base}/`;
  const pageUrl = root + page.replace(/index\.html$/, '');
  const toFile = (sitePath: string): string => join(dist, decodeURIComponent(sitePath.slice(root.length)));
  const seen = new Set<string>();
  const queue = siteReferences(readFileSync(join(dist, page), 'utf8')).map((reference) => posix.normalize(new URL(reference, `http://x${pageUrl}`).pathname));
  let gzipBytes = 0;
  while (queue.length > 0) {
    const sitePath = queue.shift() ?? '';
    if (seen.has(sitePath) || !sitePath.startsWith(root) || !existsSync(toFile(sitePath))) continue;
    seen.add(sitePath);
    const source = readFileSync(toFile(sitePath));
    gzipBytes += gzipSync(source, { level: 6 }).length;
    const [imports] = parseImports(source.toString('utf8'));
    for (const entry of imports) {
      // d === -1: a static import; dynamic import() (d >= 0) and import.meta (d === -2) are lazy or not imports.
      if (entry.d !== -1 || !entry.n || /^[a-z]+:/i.test(entry.n) || !/^[./]/.test(entry.n)) continue;
      queue.push(posix.normalize(new URL(entry.n, `http://x${sitePath}`).pathname));
    }
  }
  return { page, files: [...seen], gzipBytes };
}

export async function siteBudget(dist: string, base = '/'): Promise<PageBudget[]> {
  // The playground too: Monaco comes with the first gesture there as on a lesson (playground-boot.ts).
  const pages = ['index.html', 'bac-a-sable/index.html', ...readdirSync(join(dist, 'lecons')).sort().map((slug) => `lecons/${slug}/index.html`)];
  return Promise.all(pages.map((page) => pageBudget(dist, page, base)));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} Ko`;

async function main(): Promise<void> {
  const dist = process.argv[2] ?? 'dist';
  const budgets = await siteBudget(dist, process.env.BASE_PATH ?? '/');
  console.log(`JavaScript chargé avant toute interaction (gzip), objectif ≤ ${kb(BUDGET_BYTES)} par page :`);
  for (const { page, files, gzipBytes } of budgets) {
    const mark = gzipBytes <= BUDGET_BYTES ? 'ok' : 'DÉPASSÉ';
    console.log(`  ${page.padEnd(48)} ${kb(gzipBytes).padStart(9)}  ${String(files.length).padStart(2)} fichier(s)  ${mark}`);
  }
  const worst = budgets.reduce((max, budget) => Math.max(max, budget.gzipBytes), 0);
  console.log(`Maximum : ${kb(worst)}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
