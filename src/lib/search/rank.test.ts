import { describe, expect, it } from 'vitest';
import recorded from './fixtures/pagefind-results.json' with { type: 'json' };
import { headingTeaches, queryTerms, rankResults, type IndexedPage } from './rank.ts';

// What the built site's Pagefind index answered, recorded by
// scripts/site/record-search-results.ts: rule pages first, by term density.
const answers = recorded as Record<string, IndexedPage[]>;
const ranked = (query: string) => rankResults(query, answers[query]!);
const urls = (query: string) => ranked(query).map((result) => result.url);

describe('search ranking', () => {
  it('puts the lessons that teach healthchecks (06, 05, 08) first, each opening its section', () => {
    const first = ranked('healthcheck').slice(0, 3);
    expect(first.map((result) => result.label).sort()).toEqual(['Chapitre 05', 'Chapitre 06', 'Chapitre 08']);
    for (const result of first) {
      expect(result.kind).toBe('chapitre');
      expect(result.url).toMatch(/^\/lecons\/0[568]-[a-z-]+\/#/);
      expect(result.section).toMatch(/healthcheck/i);
    }
    // Pagefind alone ranked them 5th, 8th and 11th, behind rule pages.
    expect(answers['healthcheck']!.findIndex((page) => page.url.startsWith('/lecons/08-'))).toBeGreaterThan(7);
  });

  it('puts the chapters with a section on volumes (01, 02, 03) before the volume rules', () => {
    const results = ranked('volume');
    expect(results.slice(0, 3).map((result) => result.label)).toEqual(['Chapitre 02', 'Chapitre 03', 'Chapitre 01']);
    expect(results[0]!.section).toMatch(/^Les volumes/);
    expect(results[3]).toMatchObject({ kind: 'règle', url: '/regles/undefined-volume/' });
  });

  it('opens chapter 06 at its depends_on section, above the depends_on rules', () => {
    const [first, second] = ranked('depends_on');
    expect(first).toMatchObject({ kind: 'chapitre', label: 'Chapitre 06' });
    expect(first!.section).toMatch(/depends_on/);
    expect(first!.url).toMatch(/^\/lecons\/06-architecture-trois-couches\/#.+depends_on/);
    expect(second!.kind).toBe('règle');
  });

  it('says what each result is: chapitre or règle', () => {
    for (const result of ranked('healthcheck')) {
      expect(result.kind === 'chapitre' ? result.label : result.kind).toMatch(/^(Chapitre \d\d|règle)$/);
      if (result.kind === 'règle') expect(result.label).toBe('Règle');
    }
  });

  it('puts the rule named by its id first', () => {
    expect(urls('inline-secret')[0]).toBe('/regles/inline-secret/');
    const page = (url: string, kind: string, score: number, sections: IndexedPage['sections'] = []): IndexedPage => ({
      url,
      score,
      excerpt: '',
      meta: { title: url, kind, ...(kind === 'règle' ? { rule: url.split('/')[2] ?? '' } : { chapter: '06' }) },
      sections,
    });
    const pages = [
      page('/lecons/06-architecture-trois-couches/', 'chapitre', 9, [{ title: 'Les healthchecks', url: '/lecons/06-architecture-trois-couches/#les-healthchecks', excerpt: '', hits: 3 }]),
      page('/regles/healthcheck-test-form/', 'règle', 1),
    ];
    expect(rankResults('healthcheck-test-form', pages)[0]!.url).toBe('/regles/healthcheck-test-form/');
  });

  it('reads a heading as teaching a query when it names every word of it, plurals included', () => {
    expect(headingTeaches('Des healthchecks qui fonctionnent', queryTerms('healthcheck'))).toBe(true);
    expect(headingTeaches('Les volumes\u00a0: des données qui durent', queryTerms('les volumes'))).toBe(true);
    expect(headingTeaches('Ce que fait vraiment depends_on', queryTerms('depends_on'))).toBe(true);
    expect(headingTeaches('Un certificat généré, jamais versionné', queryTerms('certificat autosigné'))).toBe(false);
    expect(headingTeaches('Les réseaux', queryTerms('reseau'))).toBe(true);
    expect(headingTeaches('Une sonde /health honnête', queryTerms('healthcheck'))).toBe(false);
    expect(headingTeaches('Le service PostgreSQL', queryTerms('services'))).toBe(false);
  });
});
