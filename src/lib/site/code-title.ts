import type { Element, ElementContent, Root } from 'hast';
import type { ShikiTransformer } from 'shiki';

// Lessons name the file a block shows in the fence meta, ```yaml title="compose.yaml"```.
// Shiki receives the raw meta string and no parser for it, hence this small one.

/** The `title="…"` (or `title='…'`) value of a fence meta string. */
export function titleFromMeta(meta: string | undefined): string | undefined {
  if (!meta) return undefined;
  const match = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(meta);
  const title = match?.[1] ?? match?.[2];
  return title?.trim() || undefined;
}

/**
 * Wraps a titled block in `<figure class="code-block">` with a `<figcaption>`
 * title bar, and makes every block focusable: a horizontally scrollable region
 * must be reachable with the keyboard.
 */
export const codeTitleTransformer: ShikiTransformer = {
  name: 'atelier:code-title',
  pre(node) {
    node.properties['tabindex'] = '0';
  },
  root(root): Root | undefined {
    const title = titleFromMeta(this.options.meta?.__raw);
    const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
    if (!title || !pre) return undefined;
    const caption: ElementContent = {
      type: 'element',
      tagName: 'figcaption',
      properties: { className: ['code-title'] },
      children: [{ type: 'text', value: title }],
    };
    return {
      type: 'root',
      children: [{ type: 'element', tagName: 'figure', properties: { className: ['code-block'] }, children: [caption, pre] }],
    };
  },
};
