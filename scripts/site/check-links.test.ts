import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, srcsetUrls } from './check-links.ts';

const dist = resolve(import.meta.dirname, 'fixtures/dist');

describe('checkLinks', () => {
  it('reports exactly the broken references of a site built under /formation/', () => {
    const problems = checkLinks(dist, '/formation/');
    expect(problems.map(({ file, reference }) => `${file} ${reference}`).sort()).toEqual(
      [
        '_astro/site.css /formation/img/missing.png',
        'index.html /formation/_astro/absent.js',
        'index.html /formation/lecons/01-a/#ailleurs',
        'index.html /formation/lecons/01-a',
        'index.html /lecons/01-a/',
        'index.html #haut',
        'index.html /formation/img/a-3x.png',
      ].sort(),
    );
    expect(problems.find((p) => p.reference === '/formation/lecons/01-a')?.reason).toBe('dossier sans « / » final');
    expect(problems.find((p) => p.reference === '/lecons/01-a/')?.reason).toBe('en dehors de la base /formation/');
  });

  it('finds every link outside the base when the same files are checked at the root', () => {
    const references = checkLinks(dist, '/').map((p) => p.reference);
    expect(references).toContain('/formation/lecons/01-a/');
    expect(references).not.toContain('/lecons/01-a/');
  });
});

describe('srcsetUrls', () => {
  it('keeps the URLs and drops the descriptors', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x,c.png')).toEqual(['a.png', 'b.png', 'c.png']);
  });
});
