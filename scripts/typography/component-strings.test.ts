// The French of components, pages and modules reaches the typography check:
// template text (across inline elements), the attributes a reader meets, and
// French literals of scripts and modules; code never does.
import { describe, expect, it } from 'vitest';
import { astroRuns, checkComponent, cookedOffsets, looksFrench, tsRuns } from './component-strings.ts';
import { fixComponent } from './fix-components.ts';

const NB = '\u00a0';

const astro = [
  '---',
  "const label = 'Projet enregistré : oui';",
  "const selector = '[data-action=\"add\"]';",
  '---',
  '<section class="bloc : x" title="L\'atelier du chapitre" aria-label="Fichiers : trois">',
  '  <p>Écrivez vos fichiers <code>a : b</code> : ils sont vérifiés&nbsp;!</p>',
  "  <p>Dans l'éditeur, <kbd>Tab</kbd> indente.</p>",
  '</section>',
  '<script>',
  '  window.confirm("Supprimer le projet ?");',
  '</script>',
  '',
].join('\n');

describe('the French a reader meets in components', () => {
  it('reads template text as one run per element, inline elements and code as one neutral character, entities decoded', () => {
    const texts = astroRuns(astro).map((run) => run.text);
    expect(texts).toContain(`Écrivez vos fichiers X : ils sont vérifiés${NB}!`);
    expect(texts).toContain("Dans l'éditeur, X indente.");
    expect(texts.join('|')).not.toContain('a : b');
  });

  it('reads prose attributes and French literals of frontmatter and scripts, never classes or selectors', () => {
    const texts = astroRuns(astro).map((run) => run.text);
    expect(texts).toEqual(expect.arrayContaining(["L'atelier du chapitre", 'Fichiers : trois', 'Projet enregistré : oui', 'Supprimer le projet ?']));
    expect(texts.join('|')).not.toMatch(/bloc|data-action/);
  });

  it('places each fault at its line and column in the source', () => {
    const faults = checkComponent(astro, 'x.astro').map((f) => `${f.line}:${f.column} ${f.rule}`);
    expect(faults.sort()).toEqual(['10:39 espace-avant', '2:34 espace-avant', '5:35 apostrophe', '5:78 espace-avant', '6:46 espace-avant', '7:12 apostrophe'].sort());
  });

  it('reads .ts modules: French literals and templates (expressions as one character), escapes counted at their place', () => {
    const source = [
      "const key = 'atelier:progression';",
      "const a = 'Le stockage n\\u00a0est pas disponible : votre travail sera perdu.';",
      'const b = `« ${name} » existe déjà dans le projet.`;',
      "throw new Error('engine worker died: restart');",
      '',
    ].join('\n');
    expect(tsRuns(source).map((run) => run.text)).toEqual([`Le stockage n${NB}est pas disponible : votre travail sera perdu.`, '« X » existe déjà dans le projet.']);
    expect(checkComponent(source, 'm.ts').map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['2:50 espace-avant', '3:12 espace-guillemets', '3:22 espace-guillemets']);
  });

  it('maps escapes to their offsets', () => {
    expect(cookedOffsets('a\\u00a0b\\n\\u{1F600}', 10)).toEqual([10, 11, 17, 18, 20, 20]);
  });

  it('tells French from code', () => {
    expect(['Aucun problème détecté.', 'Objectif atteint : X', ' ; ', 'Graphe des services', "Ouvrir l'atelier"].every(looksFrench)).toBe(true);
    expect(['[data-action="add"]', 'click', 'engine worker died: restart', 'utf8', 'a:hover', '', "the engine's answer", "don't stop", "[data-x='y']"].some(looksFrench)).toBe(false);
  });

  it('the fixer writes &nbsp; in templates, \\u00a0 in literals, ’ for apostrophes, and leaves nothing to fix', () => {
    const { text, count } = fixComponent(astro, 'x.astro');
    expect(count).toBe(6);
    expect(text).toContain('<code>a : b</code>&nbsp;: ils');
    expect(text).toContain("'Projet enregistré\\u00a0: oui'");
    expect(text).toContain('title="L’atelier du chapitre"');
    expect(text).toContain('Dans l’éditeur');
    expect(text).toContain('class="bloc : x"');
    expect(checkComponent(text, 'x.astro')).toEqual([]);
  });
});
