import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';

// Records what the built site's Pagefind index answers for a few queries, as
// the search box receives it (score, url, meta, sections), so the ranking's
// unit test runs on the real index's answers. Re-run after the lessons change:
//   npm run build && node scripts/site/record-search-results.ts
const QUERIES = ['healthcheck', 'volume', 'depends_on', 'inline-secret'];
const OUTPUT = 'src/lib/search/fixtures/pagefind-results.json';

const server = await serveStatic(process.env.SITE_DIST ?? 'dist');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const answers = await page.evaluate(async (queries) => {
    // Pagefind's own module, as the search box loads it.
    const url = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ url);
    await pagefind.options({ baseUrl: '/' });
    const out: Record<string, unknown[]> = {};
    for (const query of queries) {
      const search = await pagefind.search(query);
      out[query] = await Promise.all(
        search.results.slice(0, 30).map(async (result: { score: number; data(): Promise<Record<string, any>> }) => {
          const data = await result.data();
          return {
            url: data.url,
            score: Math.round(result.score * 1000) / 1000,
            excerpt: data.excerpt,
            meta: { title: data.meta.title, kind: data.meta.kind, chapter: data.meta.chapter, rule: data.meta.rule },
            sections: data.sub_results.map((sub: Record<string, any>) => ({ title: sub.title, url: sub.url, excerpt: sub.excerpt, hits: sub.locations.length })),
          };
        }),
      );
    }
    return out;
  }, QUERIES);
  writeFileSync(OUTPUT, `${JSON.stringify(answers, null, 1)}\n`);
  console.log(`${OUTPUT}: ${QUERIES.map((query) => `${query} ${answers[query]?.length ?? 0}`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
