import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/site.ts';
import { openWorkshop } from './workshop-helpers.ts';

const site = useBuiltSite();

/** The stylesheets a page links in its HTML: they block its first paint. */
async function linkedStylesheets(url: string): Promise<{ href: string; monaco: boolean }[]> {
  const html = await (await fetch(url)).text();
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => new URL(match[1]!, url).href);
  return Promise.all(hrefs.map(async (href) => ({ href, monaco: (await (await fetch(href)).text()).includes('.monaco-editor') })));
}

// Astro linked the CSS of the editor's lazy chunk in every lesson's head
// (withastro/astro#9495): 178 KB that blocked the first paint (#17, Lighthouse).
describe('editor stylesheets', () => {
  it('are not linked by a lesson or the playground, whose first paint they would block', async () => {
    for (const path of ['lecons/08-production/', 'bac-a-sable/']) {
      const sheets = await linkedStylesheets(`${site.server.url}${path}`);
      expect(sheets.length, path).toBeGreaterThan(0);
      expect(sheets.filter((sheet) => sheet.monaco).map((sheet) => sheet.href), path).toEqual([]);
    }
  });

  it('come with the editor when the workshop opens: Monaco and the service graph are styled', async () => {
    const page = await site.browser.newPage();
    await openWorkshop(page, site.server.url, '08-production');
    const styles = await page.evaluate(() => ({
      editorPosition: getComputedStyle(document.querySelector('.monaco-editor')!).position,
      codicons: [...document.fonts].some((font) => font.family.replace(/"/g, '') === 'codicon'),
      graphZone: getComputedStyle(document.querySelector('.workshop-graph')!).getPropertyValue('--graph-zone-0').trim(),
    }));
    expect(styles).toEqual({ editorPosition: 'relative', codicons: true, graphZone: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    await page.close();
  });
});
