import { joinBase } from '../../lib/site/paths.ts';

// Pagefind's JS API, loaded on the first keystroke: the index and its WASM
// cost nothing to a reader who never searches. Pagefind has no types package.
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
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

function renderResults(list: HTMLElement, results: PagefindResultData[], empty: string): void {
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
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
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
        const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
        renderResults(list, results, form.dataset['empty'] ?? '');
      } catch {
        list.textContent = form.dataset['unavailable'] ?? '';
      }
      // Lets a test (or a stylesheet) know which query the list shows.
      list.dataset['query'] = query;
      list.hidden = false;
    });
  }
}
