import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The diagrams of chapters 02 and 06 are static markup: these checks read the
// component source and protect what a screen reader and the dark theme rely on.

const diagrams = ['architecture-generale', 'trois-couches'] as const;

function source(name: string): string {
  return readFileSync(join(import.meta.dirname, `${name}.astro`), 'utf8');
}

function markup(name: string): string {
  return source(name).split('<style>')[0] ?? '';
}

function ids(text: string): string[] {
  return [...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

describe.each(diagrams)('diagram %s', (name) => {
  const html = markup(name);

  it('is an image labelled by its own <title> and <desc>', () => {
    const svg = /<svg\b[^>]*>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(/\s+/) ?? [];
    expect(labelledBy).toHaveLength(2);
    const [titleId, descId] = labelledBy;
    expect(html).toMatch(new RegExp(`<title id="${titleId}">[^<]{10,}</title>`));
    expect(html).toMatch(new RegExp(`<desc id="${descId}">[^<]{40,}</desc>`));
  });

  it('has a caption and a text alternative with a table', () => {
    expect(html).toMatch(/<figcaption>[^<]{20,}<\/figcaption>/);
    expect(html).toMatch(/<details>\s*<summary>[^<]+<\/summary>\s*<table>/);
    expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('references only markers it defines', () => {
    const defined = new Set(ids(html));
    const referenced = [...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(defined).toContain(id);
  });

  it('takes every colour from the theme (currentColor or a CSS variable with a fallback)', () => {
    const text = source(name);
    const hexColours = [...text.matchAll(/#[0-9a-fA-F]{3,8}\b/g)];
    for (const match of hexColours) {
      const before = text.slice(Math.max(0, match.index - 40), match.index);
      expect(before, `colour ${match[0]} outside var()`).toMatch(/var\(--diagram-[a-z-]+,\s*$/);
    }
    expect(html).not.toMatch(/\s(fill|stroke)="(?!none|url)[^"]+"/);
  });

  it('uses French typographic apostrophes in the text it shows', () => {
    expect(html.replace(/^\/\/.*$/gm, '')).not.toMatch(/'/);
  });
});

it('gives each diagram ids of its own, so two diagrams can share a page', () => {
  const all = diagrams.flatMap((name) => ids(markup(name)));
  expect(new Set(all).size).toBe(all.length);
});

describe('diagram trois-couches, read against the stack of chapter 06', () => {
  const html = markup('trois-couches');
  const compose = parse(readFileSync(join(import.meta.dirname, '../../../stacks/06-architecture-trois-couches/compose.yaml'), 'utf8')) as {
    services: Record<string, { networks?: string[] }>;
  };
  const networksOf = (service: string): string[] => [...(compose.services[service]?.networks ?? [])].sort();

  it('says that only the API reaches the database, as the networks of the stack make it', () => {
    const reachers = Object.keys(compose.services).filter((name) => name !== 'db' && networksOf(name).some((net) => networksOf('db').includes(net)));
    expect(reachers).toEqual(['api']);
    const caption = /<figcaption>([^<]*)<\/figcaption>/.exec(html)?.[1] ?? '';
    expect(caption).toMatch(/seule l’API joint la base/);
  });

  it('lists in its table the networks each service of the stack is on', () => {
    const rows = [...html.matchAll(/<tr><td>(\w+) \([^)]*\)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!.split(/,\s*/).sort()] as const);
    expect(rows.map(([name]) => name).sort()).toEqual(Object.keys(compose.services).sort());
    for (const [name, networks] of rows) expect(networks, name).toEqual(networksOf(name));
  });
});
