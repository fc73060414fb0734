import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The chapter 07 diagram is static markup: these checks read the component
// source and protect what a screen reader, the dark theme and the layout rely on.

const source = readFileSync(join(import.meta.dirname, 'reverse-proxy.astro'), 'utf8');
const markup = source.split('<style>')[0] ?? '';
const svg = /<svg\b[\s\S]*?<\/svg>/.exec(markup)?.[0] ?? '';
const alternative = /<figcaption>[\s\S]*<\/details>/.exec(markup)?.[0] ?? '';
const VIEWBOX_WIDTH = 760;

describe('reverse-proxy diagram', () => {
  it('is an image labelled by its own <title> and <desc>', () => {
    const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    expect(open).toContain('role="img"');
    const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(open)?.[1]?.split(/\s+/) ?? [];
    expect(svg).toMatch(new RegExp(`<title id="${titleId}">[^<]{10,}</title>`));
    expect(svg).toMatch(new RegExp(`<desc id="${descId}">[^<]{40,}</desc>`));
  });

  it('draws every service of the chapter and repeats each one in its text alternative', () => {
    for (const service of ['proxy', 'client', 'api', 'db', 'cache']) {
      expect(svg).toMatch(new RegExp(`<text class="name"[^>]*>${service}</text>`));
      expect(alternative).toContain(`<code>${service}`);
    }
    expect(alternative).toMatch(/<details>\s*<summary>[^<]+<\/summary>\s*<ol>/);
  });

  it('shows the redirect, TLS and the proxy cut off from backend, in the picture and in words', () => {
    expect(svg).toContain('301');
    expect(svg).toContain('TLS');
    expect(svg).toContain('aucune route');
    expect(alternative).toContain('301');
    expect(alternative).toMatch(/ne sont pas sur <code>backend<\/code>/);
    expect(alternative).toContain('internal: true');
  });

  it('references only markers it defines', () => {
    const defined = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const referenced = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(defined).toContain(id);
  });

  it('takes every colour from the theme (currentColor or a --diagram-* variable with a fallback)', () => {
    for (const match of source.matchAll(/#[0-9a-fA-F]{3,8}\b/g)) {
      const before = source.slice(Math.max(0, match.index - 40), match.index);
      expect(before, `colour ${match[0]} outside var()`).toMatch(/var\(--diagram-[a-z0-9-]+,\s*$/);
    }
    expect(svg).not.toMatch(/\s(fill|stroke)="(?!none|url)[^"]+"/);
  });

  it('keeps its labels inside the drawing', () => {
    for (const match of svg.matchAll(/<text\b[^>]*\sx="(\d+(?:\.\d+)?)"[^>]*>([^<]*)<\/text>/g)) {
      const x = Number(match[1]);
      expect(x, match[2]).toBeGreaterThanOrEqual(0);
      expect(x, match[2]).toBeLessThanOrEqual(VIEWBOX_WIDTH);
    }
  });

  it('uses French typographic apostrophes in the text it shows', () => {
    expect(markup.replace(/^\/\/.*$/gm, '')).not.toMatch(/'/);
  });
});
