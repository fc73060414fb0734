// One-off and repeatable fixer for the faults scripts/typography/corpus.ts
// reports in lessons and READMEs: it rewrites only prose (mdast text nodes,
// box titles, frontmatter labels), never code, and only when a text node's
// source is exactly its value (no escapes), so every change is a plain
// character swap at a known offset.
//   tsx scripts/typography/fix-french.ts          fix, print the count per file
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { markdownFiles, repoRoot } from './corpus.ts';

const NBSP = '\u00a0';

/** French spacing and apostrophes in a run of prose without code. */
export function fixProse(text: string): string {
  return text
    .replace(/ ([:;!?])(?=\s|$|[»)])/g, `${NBSP}$1`)
    .replace(/([\p{L}\p{N})*_])([;!?])(?=\s|$)/gu, `$1${NBSP}$2`)
    .replace(/([\p{L})*_]):(?=\s)/gu, `$1${NBSP}:`)
    .replace(/« ?(?!\u00a0)/g, `«${NBSP}`)
    .replace(/(?<!\u00a0) ?»/g, `${NBSP}»`)
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
    .replace(/(\p{L})'$/u, '$1’');
}

/** The same, leaving `inline code` spans as they are. */
export function fixProseWithCode(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : fixProse(part)))
    .join('');
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Node {
  type: string;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const PROSE_KEYS = /^(\s*(?:-\s+)?(?:title|summary|seedSection|label|hint):\s*)(.*)$/;

export function fixMarkdown(source: string, mdx: boolean): string {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  if (mdx) processor.use(remarkMdx);
  const edits: Edit[] = [];
  visit(processor.parse(source), (visited) => {
    const node = visited as unknown as Node;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    const raw = source.slice(start, end);
    if (node.type === 'code' || node.type === 'inlineCode') return 'skip';
    // Continuation lines of a list item keep their indentation in the source, not in the value.
    const sameText = node.value === raw || node.value?.replace(/\n[ \t]*/g, '\n') === raw.replace(/\n[ \t]*(?:>[ \t]?)*/g, '\n');
    if (node.type === 'text' && sameText) {
      const fixed = fixProse(raw);
      if (fixed !== raw) edits.push({ start, end, text: fixed });
    } else if (node.type === 'yaml') {
      const fixed = raw
        .split('\n')
        .map((line) => line.replace(PROSE_KEYS, (_all, key: string, value: string) => key + fixProseWithCode(value)))
        .join('\n');
      if (fixed !== raw) edits.push({ start, end, text: fixed });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
      // Only the opening tag's title="…": found in the raw text of the element's first line.
      const title = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'title' && typeof a.value === 'string');
      if (title && typeof title.value === 'string') {
        const at = raw.indexOf(`title="${title.value}"`);
        if (at !== -1) {
          const fixed = fixProseWithCode(title.value);
          if (fixed !== title.value) edits.push({ start: start + at + 7, end: start + at + 7 + title.value.length, text: fixed });
        }
      }
    }
    return undefined;
  });
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

if (process.argv[1]?.endsWith('fix-french.ts')) {
  for (const path of markdownFiles()) {
    const file = join(repoRoot, path);
    const before = readFileSync(file, 'utf8');
    const after = fixMarkdown(before, path.endsWith('.mdx'));
    if (after !== before) {
      writeFileSync(file, after);
      console.log(`corrigé : ${path}`);
    }
  }
}
