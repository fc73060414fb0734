// Orders Pagefind's results for the course. Pagefind scores by term density,
// so a short rule page that names `healthcheck` three times outranks the
// lesson whose whole section teaches it (issue #17: lessons 06 and 05 came
// 4th and 8th for « healthcheck », 08 not in the first eight). A chapter with
// a section heading about the query comes first; the rest keep Pagefind's
// order. Each result links to its best section and says what it is.

/** What the search index knows of a page (Pagefind's result data, reduced). */
export interface IndexedPage {
  url: string;
  /** Pagefind's relevance score (higher is better). */
  score: number;
  excerpt: string;
  meta: { title?: string; kind?: string; chapter?: string; rule?: string };
  /** One per heading with an id, plus the page top (its url has no `#`). */
  sections: IndexedSection[];
}

export interface IndexedSection {
  title: string;
  url: string;
  excerpt: string;
  /** How many query words the section holds. */
  hits: number;
}

export type ResultKind = 'chapitre' | 'règle' | 'page';

export interface RankedResult {
  kind: ResultKind;
  /** « Chapitre 06 », « Règle », « Page », shown before the title. */
  label: string;
  title: string;
  /** The matching section's address, or the page's. */
  url: string;
  /** The section the link opens, when it is not the top of the page. */
  section?: string;
  excerpt: string;
}

// Words a heading may hold without being about anything.
const STOP_WORDS = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'et', 'ou', 'en', 'à', 'a', 'au', 'aux', 'pour', 'par', 'avec', 'sans', 'dans', 'sur', 'qui', 'que']);

/** Lower case, no accents; letters, digits and `_` kept (`depends_on` is one word). */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.length > 0);
}

export function queryTerms(query: string): string[] {
  return words(query).filter((word) => !STOP_WORDS.has(word));
}

/** `healthchecks` and `volumes` are about `healthcheck` and `volume`: French and English plurals. */
function sameWord(word: string, term: string): boolean {
  if (word === term) return true;
  if (!word.startsWith(term)) return false;
  const rest = word.slice(term.length);
  return rest === 's' || rest === 'x' || rest === 'es';
}

/** Whether a heading is about the query: it names every term of it. */
export function headingTeaches(heading: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const inHeading = words(heading);
  return terms.every((term) => inHeading.some((word) => sameWord(word, term)));
}

function kindOf(page: IndexedPage): ResultKind {
  return page.meta.kind === 'chapitre' || page.meta.kind === 'règle' ? page.meta.kind : 'page';
}

function labelOf(page: IndexedPage, kind: ResultKind): string {
  if (kind === 'chapitre') return page.meta.chapter ? `Chapitre ${page.meta.chapter}` : 'Chapitre';
  return kind === 'règle' ? 'Règle' : 'Page';
}

const isPageTop = (section: IndexedSection): boolean => !section.url.includes('#');

/** The section a result should open: the heading about the query, else the one with most hits. */
function bestSection(page: IndexedPage, terms: readonly string[]): { section: IndexedSection; teaches: boolean } | undefined {
  const headed = page.sections.filter((section) => !isPageTop(section));
  const teaching = headed.filter((section) => headingTeaches(section.title, terms));
  if (teaching.length > 0) return { section: teaching.reduce((a, b) => (b.hits > a.hits ? b : a)), teaches: true };
  const top = page.sections.find(isPageTop);
  if (top && headingTeaches(top.title, terms)) return { section: top, teaches: true };
  const withHits = headed.filter((section) => section.hits > 0);
  if (withHits.length === 0) return undefined;
  return { section: withHits.reduce((a, b) => (b.hits > a.hits ? b : a)), teaches: false };
}

/**
 * Tiers, then Pagefind's score within a tier: the rule whose id is the query
 * (« inline-secret »), then the chapters that teach the query in a section or
 * their title, then everything else.
 */
export function rankResults(query: string, pages: readonly IndexedPage[]): RankedResult[] {
  const terms = queryTerms(query);
  const exactId = query.trim().toLowerCase();
  const ranked = pages.map((page, index) => {
    const kind = kindOf(page);
    const best = bestSection(page, terms);
    const tier = kind === 'règle' && page.meta.rule === exactId ? 0 : kind === 'chapitre' && best?.teaches ? 1 : 2;
    const section = best && !isPageTop(best.section) ? best.section : undefined;
    const result: RankedResult = {
      kind,
      label: labelOf(page, kind),
      title: page.meta.title ?? page.url,
      url: section?.url ?? page.url,
      excerpt: section?.excerpt ?? page.excerpt,
      ...(section ? { section: section.title } : {}),
    };
    return { result, tier, score: page.score, index };
  });
  ranked.sort((a, b) => a.tier - b.tier || b.score - a.score || a.index - b.index);
  return ranked.map((entry) => entry.result);
}
