// What a learner reads, file by file, for the French typography check
// (scripts/typography/french-typography.ts): lessons, stack READMEs, rule docs
// and messages, src/i18n, and the French of the site's components, layouts,
// pages and modules (component-strings.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../../src/engine/rules/catalogue.ts';
import { fr } from '../../src/i18n/fr.ts';
import { checkComponent } from './component-strings.ts';
import { checkMarkdown, checkStrings, type TypographyFault } from './french-typography.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const chapter = /^(0\d|1[0-2])-/;

/** Lessons and stack READMEs, relative to the repository. */
export function markdownFiles(): string[] {
  const lessons = readdirSync(join(repoRoot, 'src/content/lessons'))
    .filter((name) => chapter.test(name))
    .map((name) => `src/content/lessons/${name}/index.mdx`);
  const readmes = readdirSync(join(repoRoot, 'stacks'))
    .filter((name) => chapter.test(name))
    .map((name) => `stacks/${name}/README.md`);
  return [...lessons, 'stacks/README.md', ...readmes].sort();
}

/** Modules that hold French only inside code shown as code (never checked, as in lessons), with why. */
export const CODE_ONLY: Record<string, string> = {
  'src/pages/_verifier-en-ci.ts': 'les extraits de commandes et de YAML de la page « Vérifier vos fichiers en CI », affichés comme du code',
};

/** Components, layouts, pages and site modules: their template text, attributes and French literals. */
export function componentFiles(): string[] {
  return ['src/components', 'src/layouts', 'src/pages', 'src/lib']
    .flatMap((dir) => readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).map((path) => `${dir}/${path}`))
    .filter((path) => /\.(astro|ts)$/.test(path) && !/\.(test|d)\.ts$/.test(path) && !path.includes('/testing/') && !(path in CODE_ONLY))
    .sort();
}

export function checkCorpus(): TypographyFault[] {
  const faults: TypographyFault[] = [];
  for (const path of markdownFiles()) {
    faults.push(...checkMarkdown(readFileSync(join(repoRoot, path), 'utf8'), path, { mdx: path.endsWith('.mdx') }));
  }
  for (const rule of catalogue) {
    faults.push(...checkStrings({ docs: { ...rule.docs, chapter: undefined }, messages: rule.messages }, `rule ${rule.id}`));
  }
  faults.push(...checkStrings(fr, 'src/i18n/fr.ts'));
  for (const path of componentFiles()) faults.push(...checkComponent(readFileSync(join(repoRoot, path), 'utf8'), path));
  return faults;
}

// `tsx scripts/typography/corpus.ts`: the faults, counted by rule and by file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const faults = checkCorpus();
  const by = (key: (f: TypographyFault) => string) => Object.entries(Object.groupBy(faults, key)).map(([k, v]) => `${String(v?.length).padStart(5)}  ${k}`);
  console.log(`${faults.length} fautes\n${by((f) => f.rule).join('\n')}\n\n${by((f) => f.file.split('#')[0]!).join('\n')}`);
  if (process.argv.includes('--list')) for (const f of faults) console.log(`${f.file}:${f.line}:${f.column} ${f.rule} ${f.excerpt}`);
}
