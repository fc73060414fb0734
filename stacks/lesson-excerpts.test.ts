// What a lesson's text shows of a file is what the chapter ships: every code
// block titled with a file path (`compose.yaml (extrait)`, `api/Dockerfile`)
// quotes that file of the lesson's solution or of the chapter's stack, line by
// line (comments and `…` elisions aside). A block titled « (à éviter) » shows
// what not to write; the few illustrations of files no chapter ships are
// listed below with their reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const lessonsDir = join(root, 'src/content/lessons');

/** Illustrations of files the chapter does not ship: `lesson/title: first line` → why. */
const ILLUSTRATIONS: Record<string, string> = {
  '05-api-nodejs/compose.override.yaml (développement): services:': 'Le développement avec develop.watch, montré au chapitre du code de l’API ; la pile qui le livre et le prouve est celle du chapitre 10 (compose.dev.yaml).',
  "09-base-de-donnees/api/src/migrate.js (version simplifiée): import { readdir, readFile } from 'node:fs/promises';": 'Le principe d’un exécuteur de migrations en quelques lignes ; la pile livre le complet (verrou, transaction par fichier, journal).',
  '10-commandes/compose.yaml (extrait): include:': 'Exemple d’include : la pile n’assemble pas de projet venu d’ailleurs.',
  '10-commandes/compose.yaml (extrait): services:': 'Exemple d’extends : la pile n’a pas de services presque identiques à factoriser.',
  '12-plusieurs-machines/compose.yaml (extrait): x-atelier:': 'Le marqueur qui fait vérifier un fichier comme une stack par l’atelier ; la pile du chapitre s’appelle compose.yaml et se vérifie avec --swarm.',
};

interface Excerpt {
  lesson: string;
  line: number;
  title: string;
  file: string;
  lang: string;
  lines: string[];
}

function excerpts(): Excerpt[] {
  const found: Excerpt[] = [];
  for (const lesson of readdirSync(lessonsDir).filter((name) => /^\d\d-/.test(name)).sort()) {
    const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).parse(readFileSync(join(lessonsDir, lesson, 'index.mdx'), 'utf8'));
    visit(tree as never, 'code', (node: { lang?: string | null; meta?: string | null; value: string; position?: { start: { line: number } } }) => {
      const title = /title="([^"]*)"/.exec(node.meta ?? '')?.[1];
      if (!title || /^Terminal\b/.test(title) || /\(à éviter\)/.test(title)) return;
      found.push({ lesson, line: node.position?.start.line ?? 0, title, file: title.split(' ')[0]!, lang: node.lang ?? '', lines: node.value.split('\n') });
    });
  }
  return found;
}

/** A line without its comment, trimmed; comments by the file's language. */
function meaningful(line: string, lang: string): string {
  const comment = lang === 'js' || lang === 'javascript' ? /(^|\s)\/\/.*$/ : lang === 'sql' ? /(^|\s)--.*$/ : /(^|\s)#.*$/;
  return line.replace(comment, '').trim();
}

const stackOf = (lesson: string): string => /^stack:\s*(\S+)/m.exec(readFileSync(join(lessonsDir, lesson, 'index.mdx'), 'utf8'))?.[1] ?? '';

describe('the files a lesson quotes', () => {
  const all = excerpts();

  it('are found: every lesson quotes some', () => {
    console.log(`extraits de fichiers dans les leçons : ${all.length}`);
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((e) => [`${e.lesson} l.${e.line} ${e.title}`, e] as const))('%s quotes the solution or the stack, line by line', (_name, excerpt) => {
    const first = excerpt.lines.map((l) => meaningful(l, excerpt.lang)).find(Boolean) ?? '';
    const key = `${excerpt.lesson}/${excerpt.title}: ${first}`;
    if (key in ILLUSTRATIONS) return;
    const sources = [join(lessonsDir, excerpt.lesson, 'solution', excerpt.file), join(root, 'stacks', stackOf(excerpt.lesson), excerpt.file)].filter(existsSync);
    expect(sources, `${key} : ni la solution ni la pile n’ont ${excerpt.file}`).not.toEqual([]);
    const shipped = new Set(sources.flatMap((path) => readFileSync(path, 'utf8').split('\n').map((l) => meaningful(l, excerpt.lang))));
    const missing = excerpt.lines.map((l) => meaningful(l, excerpt.lang)).filter((l) => l !== '' && !l.includes('…') && !shipped.has(l));
    expect(missing, `${key} : lignes absentes de ${sources.map((s) => s.replace(root, '')).join(' et ')}`).toEqual([]);
  });

  it('lists only illustrations that are still in a lesson', () => {
    const keys = new Set(all.map((e) => `${e.lesson}/${e.title}: ${e.lines.map((l) => meaningful(l, e.lang)).find(Boolean) ?? ''}`));
    expect(Object.keys(ILLUSTRATIONS).filter((key) => !keys.has(key))).toEqual([]);
  });
});
