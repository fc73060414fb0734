// The lesson's table of contents: h2 entries with their h3 children, from the
// headings Astro's Markdown pipeline already collected (ids included).

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) {
      toc.push({ slug: heading.slug, text: heading.text, children: [] });
    } else if (heading.depth === 3) {
      const parent = toc.at(-1);
      const entry = { slug: heading.slug, text: heading.text, children: [] };
      // An h3 before any h2 is listed at the top level rather than lost.
      if (parent) parent.children.push(entry);
      else toc.push(entry);
    }
  }
  return toc;
}
