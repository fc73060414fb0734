// French typography of everything a learner reads, checked in `npm test`:
// lessons, stack READMEs, rule docs and messages, UI strings of src/i18n, and
// the French of the site's components, layouts, pages and modules.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/engine/rules/catalogue.ts';
import { fr } from '../../src/i18n/fr.ts';
import { astroRuns, tsRuns } from './component-strings.ts';
import { checkCorpus, componentFiles, markdownFiles } from './corpus.ts';
import { checkMarkdown, checkProse, checkStrings } from './french-typography.ts';
import { fixMarkdown } from './fix-french.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus.ts';

const NB = '\u00a0';

describe('the French typography check', () => {
  it('finds each kind of fault, with its position', () => {
    const faults = checkProse("L'API répond : oui ! « ceci» et \"cela\"", 'x');
    expect(faults.map((f) => `${f.rule}@${f.column}`).sort()).toEqual(
      ['apostrophe@2', 'espace-avant@14', 'espace-avant@20', 'espace-guillemets@22', 'espace-guillemets@28', 'guillemets@33', 'guillemets@38'].sort(),
    );
  });

  it('accepts correct French and leaves times, URLs and doubled marks alone', () => {
    expect(checkProse(`L’API répond${NB}: oui${NB}! «${NB}ceci${NB}» à 10:30, voir https://exemple.fr${NB}?!`, 'x')).toEqual([]);
  });

  it('never reads code: fenced blocks, inline code, but reads headings, box titles and frontmatter labels', () => {
    const source = [
      '---',
      'title: L\'essai',
      'objectives:',
      '  - id: a',
      '    label: "Le port `IP:port` reste : à corriger"',
      '---',
      '',
      '## Un titre : faux',
      '',
      "Du code `echo 'a' : b` ignoré.",
      '',
      '```sh',
      "echo 'x' ; ls",
      '```',
      '',
      '<Attention title="Le piège d\'un titre">',
      'Texte juste.',
      '</Attention>',
      '',
    ].join('\n');
    const faults = checkMarkdown(source, 'y.mdx', { mdx: true });
    expect(faults.map((f) => `${f.line}:${f.rule}`).sort()).toEqual(['16:apostrophe', '2:apostrophe', '5:espace-avant', '8:espace-avant'].sort());
  });

  it('checks strings with their inline code left out (rule docs, i18n)', () => {
    expect(checkStrings({ a: 'Écrivez `a : b` ici.', b: ['Non : faux'] }, 'f').map((f) => f.file)).toEqual(['f#b[0]']);
  });

  it('the fixer repairs prose and touches no code', () => {
    const source = "Il dit : « oui » ; l'API `a : 'b'` !\n\n```sh\necho 'x' : y\n```\n";
    const fixed = fixMarkdown(source, false);
    expect(fixed).toBe(`Il dit${NB}: «${NB}oui${NB}»${NB}; l’API \`a : 'b'\`${NB}!\n\n\`\`\`sh\necho 'x' : y\n\`\`\`\n`);
    expect(checkMarkdown(fixed, 'z.md', { mdx: false })).toEqual([]);
  });
});

describe('what a learner reads', () => {
  it('has no French typography fault (lessons, READMEs, rule docs and messages, UI strings, components)', () => {
    const faults = checkCorpus();
    expect(faults.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} « ${f.excerpt} »`)).toEqual([]);
    // About 2 s alone; a loaded 2-core machine needs more than vitest's default 5 s.
  }, 60_000);

  it('uses one word per notion everywhere it reads (lessons, READMEs, rules, UI): greffon, répliques, and « recette » only for the environment before production', () => {
    const banned: [RegExp, string][] = [
      [/\bplugins?\b/i, 'greffon'],
      [/\bréplicas?\b/i, 'répliques'],
      [/\brecettes? (classique|répandue|recopiée|courante)/i, 'formule ou méthode'],
    ];
    // Prose only: code blocks and inline code (package names such as docker-compose-plugin) are left out.
    const prose = (text: string): string => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    const texts = [
      ...markdownFiles().map((path) => ({ name: path, text: prose(readFileSync(join(repoRoot, path), 'utf8')) })),
      ...catalogue.map((rule) => ({ name: `rule ${rule.id}`, text: prose(JSON.stringify({ docs: rule.docs, messages: rule.messages })) })),
      { name: 'src/i18n/fr.ts', text: prose(JSON.stringify(fr)) },
      ...componentFiles().map((path) => {
        const source = readFileSync(join(repoRoot, path), 'utf8');
        const runs = path.endsWith('.astro') ? astroRuns(source) : tsRuns(source, path);
        return { name: path, text: prose(runs.map((run) => run.text).join('\n')) };
      }),
    ];
    const offending = texts.flatMap(({ name, text }) => banned.filter(([pattern]) => pattern.test(text)).map(([pattern, word]) => `${name}: ${pattern} → ${word}`));
    expect(offending).toEqual([]);
  });
});
