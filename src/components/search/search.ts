import { rankResults, type IndexedPage, type RankedResult } from '../../lib/search/rank.ts';
import { joinBase } from '../../lib/site/paths.ts';

// Pagefind's JS API, loaded on the first keystroke: the index and its WASM
// cost nothing to a reader who never searches. Pagefind has no types package.
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: IndexedPage['meta'];
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string): Promise<{ results: { score: number; data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
// Ranked among this many of Pagefind's best (one small fragment each): enough
// for a chapter that Pagefind puts 11th to reach the first eight.
const RANKED_POOL = 30;
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const module = (await import(/* @vite-ignore */ joinBase(base, 'pagefind/pagefind.js'))) as Pagefind;
    await module.options({ baseUrl: base });
    return module;
  })();
  return pagefind;
}

export function indexedPage(score: number, data: PagefindResultData): IndexedPage {
  return {
    url: data.url,
    score,
    excerpt: data.excerpt,
    meta: data.meta,
    sections: (data.sub_results ?? []).map((sub) => ({ title: sub.title, url: sub.url, excerpt: sub.excerpt, hits: sub.locations.length })),
  };
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function renderResults(list: HTMLElement, results: RankedResult[], empty: string): void {
  list.replaceChildren();
  if (results.length === 0) {
    const none = document.createElement('p');
    none.textContent = empty;
    list.append(none);
    return;
  }
  const ol = document.createElement('ol');
  for (const result of results) {
    const item = document.createElement('li');
    item.dataset['kind'] = result.kind;
    const link = document.createElement('a');
    link.href = result.url;
    link.append(span('search-kind', result.label), ' ', span('search-title', result.title));
    if (result.section) link.append(span('search-section', `Section\u00a0: ${result.section}`));
    const excerpt = document.createElement('p');
    // Pagefind escapes the page text and only adds <mark> around the matches.
    excerpt.innerHTML = result.excerpt;
    item.append(link, excerpt);
    ol.append(item);
  }
  list.append(ol);
}

export function initSearch(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-search]')) {
    const input = form.querySelector<HTMLInputElement>('input[type=search]');
    const list = form.querySelector<HTMLElement>('[data-search-results]');
    if (!input || !list) continue;
    form.addEventListener('submit', (event) => event.preventDefault());
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        input.value = '';
        list.hidden = true;
      }
    });
    input.addEventListener('input', async () => {
      const query = input.value.trim();
      if (query.length < 2) {
        list.hidden = true;
        return;
      }
      try {
        const search = await (await loadPagefind()).debouncedSearch(query);
        if (search === null || input.value.trim() !== query) return; // superseded by a newer keystroke
        const pages = await Promise.all(search.results.slice(0, RANKED_POOL).map(async (result) => indexedPage(result.score, await result.data())));
        if (input.value.trim() !== query) return;
        renderResults(list, rankResults(query, pages).slice(0, MAX_RESULTS), form.dataset['empty'] ?? '');
      } catch {
        list.textContent = form.dataset['unavailable'] ?? '';
      }
      // Lets a test (or a stylesheet) know which query the list shows.
      list.dataset['query'] = query;
      list.hidden = false;
    });
  }
}
