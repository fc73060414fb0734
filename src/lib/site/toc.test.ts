import { describe, expect, it } from 'vitest';
import { tableOfContents } from './toc.ts';

describe('tableOfContents', () => {
  it('nests h3 under the preceding h2 and ignores other levels', () => {
    const toc = tableOfContents([
      { depth: 1, slug: 'titre', text: 'Titre' },
      { depth: 2, slug: 'reseaux', text: 'Réseaux' },
      { depth: 3, slug: 'frontend', text: 'frontend' },
      { depth: 4, slug: 'detail', text: 'Détail' },
      { depth: 3, slug: 'backend', text: 'backend' },
      { depth: 2, slug: 'volumes', text: 'Volumes' },
    ]);
    expect(toc).toEqual([
      {
        slug: 'reseaux',
        text: 'Réseaux',
        children: [
          { slug: 'frontend', text: 'frontend', children: [] },
          { slug: 'backend', text: 'backend', children: [] },
        ],
      },
      { slug: 'volumes', text: 'Volumes', children: [] },
    ]);
  });

  it('keeps an h3 that comes before any h2', () => {
    expect(tableOfContents([{ depth: 3, slug: 'a', text: 'A' }]).map((e) => e.slug)).toEqual(['a']);
  });
});
