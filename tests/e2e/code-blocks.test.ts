import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtLessons, siteDist } from './support/site.ts';

// Fences written ```yaml title="compose.yaml"``` get a title bar, in plain HTML:
// the highlighting and both themes cost no client JavaScript.
const lessonsDir = resolve('src/content/lessons');
const titled = builtLessons().flatMap((slug) => {
  const source = readFileSync(join(lessonsDir, slug, 'index.mdx'), 'utf8');
  return [...source.matchAll(/^\s*```\w*[^\n]*\btitle="([^"]+)"/gm)].map((match) => ({ slug, title: match[1] ?? '' }));
});

describe('code blocks', () => {
  it('the lessons name files in their fences', () => {
    expect(titled.length).toBeGreaterThan(0);
  });

  it.each(titled.filter((block, index) => titled.findIndex((other) => other.slug === block.slug && other.title === block.title) === index))(
    '$slug shows the title bar "$title" above a focusable, dual-theme block',
    ({ slug, title }) => {
      const html = readFileSync(join(siteDist(), 'lecons', slug, 'index.html'), 'utf8');
      // As the HTML serializer escapes text, then as a regular expression.
      const asHtml = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
      const escaped = asHtml.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(html).toMatch(new RegExp(`<figure class="code-block"><figcaption class="code-title">${escaped}</figcaption><pre [^>]*--shiki-dark:[^>]*tabindex="0"`));
    },
  );
});
