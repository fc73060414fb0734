import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ELEMENT_NODE, parse, walkSync, type ElementNode } from 'ultrahtml';

// Every internal reference of a built site must resolve to a file of that
// build, as a plain static host (nginx `try_files $uri $uri/`) would serve it:
// `dir/` is `dir/index.html`; `dir` without its slash is a redirect, not a
// file, and is reported because the site is built with `trailingSlash: 'always'`.

export interface LinkProblem {
  /** The file holding the reference, relative to the dist directory. */
  file: string;
  reference: string;
  reason: string;
}

const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  link: ['href'],
  area: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  form: ['action'],
};

// CSS has no parser among our dependencies and url() tokens are regular enough.
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)/g;

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walkFiles(path) : [path];
  });
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name] ?? '');
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** The URLs one srcset attribute lists (`a.png 1x, b.png 2x`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

interface HtmlFacts {
  references: string[];
  ids: Set<string>;
}

function htmlFacts(html: string): HtmlFacts {
  const references: string[] = [];
  const ids = new Set<string>();
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const element = node as ElementNode;
    const attributes = element.attributes;
    if (attributes['id']) ids.add(decodeEntities(attributes['id']));
    if (attributes['name'] && element.name === 'a') ids.add(decodeEntities(attributes['name']));
    for (const attribute of URL_ATTRIBUTES[element.name] ?? []) {
      const value = attributes[attribute];
      if (value === undefined) continue;
      const decoded = decodeEntities(value);
      references.push(...(attribute === 'srcset' ? srcsetUrls(decoded) : [decoded]));
    }
    if (attributes['style']) references.push(...cssUrls(decodeEntities(attributes['style'])));
    if (element.name === 'style') {
      for (const child of element.children) if (child.type !== ELEMENT_NODE) references.push(...cssUrls(String(child.value ?? '')));
    }
  });
  return { references, ids };
}

/** Checks every internal reference of the HTML and CSS files under `dist`, built for `base`. */
export function checkLinks(dist: string, base = '/'): LinkProblem[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  const origin = 'http://site.invalid';
  const problems: LinkProblem[] = [];
  const idsCache = new Map<string, Set<string>>();

  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = htmlFacts(readFileSync(file, 'utf8')).ids;
      idsCache.set(file, ids);
    }
    return ids;
  };

  /** The file a site URL path is served from, or a reason it is not. */
  const target = (pathname: string): { file: string } | { reason: string } => {
    if (!pathname.startsWith(root)) return { reason: `en dehors de la base ${root}` };
    let path: string;
    try {
      path = decodeURIComponent(pathname.slice(root.length));
    } catch {
      return { reason: 'URL mal encodée' };
    }
    const file = join(dist, path);
    if (path === '' || path.endsWith('/')) {
      const index = join(file, 'index.html');
      return existsSync(index) ? { file: index } : { reason: 'pas de index.html' };
    }
    if (!existsSync(file)) return { reason: 'fichier absent' };
    if (statSync(file).isDirectory()) return { reason: 'dossier sans « / » final' };
    return { file };
  };

  for (const file of walkFiles(dist)) {
    const relativePath = relative(dist, file).split(sep).join('/');
    const isHtml = file.endsWith('.html');
    if (!isHtml && !file.endsWith('.css')) continue;
    const text = readFileSync(file, 'utf8');
    const facts = isHtml ? htmlFacts(text) : { references: cssUrls(text), ids: new Set<string>() };
    if (isHtml) idsCache.set(file, facts.ids);
    // The URL the file is served at: `lecons/x/index.html` is `/base/lecons/x/`.
    const pageUrl = new URL(root + relativePath.replace(/(^|\/)index\.html$/, '$1'), origin);

    for (const reference of facts.references) {
      if (reference === '' || /^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) continue;
      const url = new URL(reference, pageUrl);
      const problem = (reason: string): void => void problems.push({ file: relativePath, reference, reason });
      const resolved = target(url.pathname);
      if ('reason' in resolved) {
        problem(resolved.reason);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && resolved.file.endsWith('.html') && !idsOf(resolved.file).has(fragment)) {
        problem(`ancre #${fragment} absente`);
      }
    }
  }
  return problems;
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { base: { type: 'string', default: process.env.BASE_PATH ?? '/' } }, allowPositionals: true });
  const dist = positionals[0] ?? 'dist';
  const problems = checkLinks(dist, values.base);
  for (const { file, reference, reason } of problems) console.log(`${file}: ${reference} — ${reason}`);
  console.log(problems.length === 0 ? `Liens vérifiés dans ${dist} (base ${values.base}) : aucun lien cassé.` : `${problems.length} lien(s) cassé(s).`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
