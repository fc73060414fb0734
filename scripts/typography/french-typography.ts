// French typography of what a learner reads: lessons (MDX prose, headings,
// box titles, frontmatter labels and hints), stack READMEs, rule docs and
// messages, UI strings. Code (fenced and inline) is never checked.
//
// Quotes and apostrophes: retext-quotes (retextjs), told that French quotes
// are « » (then “ ”) and that apostrophes are curly. Spaces: no maintained
// npm package checks French spacing (typograf's `fr` locale only has quote
// and letter data, and its default rules remove the space before « : » and
// « ? »), so the spacing rule below is written here: a non-breaking space
// (U+00A0, or the narrow U+202F) before : ; ! ? and inside « ».
import { parse as parseYaml } from 'yaml';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import retextLatin from 'retext-latin';
import retextQuotes from 'retext-quotes';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';

export type TypographyRule = 'espace-avant' | 'espace-guillemets' | 'apostrophe' | 'guillemets';

export interface TypographyFault {
  file: string;
  line: number;
  column: number;
  rule: TypographyRule;
  /** The text around the fault, for the report. */
  excerpt: string;
}

interface Position {
  line: number;
  column: number;
}

const NBSP = /[\u00a0\u202f]/;
const quotes = unified().use(retextLatin).use(retextQuotes, { preferred: 'smart', smart: ['«»', '“”', '‘’'] });

function at(text: string, index: number, start: Position): Position {
  let { line, column } = start;
  for (let i = 0; i < index; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { line, column };
}

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 25), index + 15).replace(/\n/g, ' ');
}

/** Faults in one run of prose (no code inside), positioned from `start`. */
export function checkProse(text: string, file: string, start: Position = { line: 1, column: 1 }): TypographyFault[] {
  const faults: TypographyFault[] = [];
  const add = (rule: TypographyRule, index: number): void => {
    faults.push({ file, ...at(text, index, start), rule, excerpt: excerpt(text, index) });
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    if (char === ';' || char === '!' || char === '?' || char === ':') {
      // `:` only as punctuation (followed by a space or the end): not 10:30, http://, C:\.
      const punctuation = char !== ':' || after === undefined || /\s/.test(after);
      if (!punctuation) continue;
      // `!` and `?` doubled or combined (?!, !!) need one space before the first only.
      if ((char === '!' || char === '?') && (before === '!' || before === '?')) continue;
      if (before === ' ' || (before !== undefined && /[\p{L}\p{N})»\]*_]/u.test(before))) add('espace-avant', i);
      else if (before === undefined && i === 0 && (after === undefined || /\s/.test(after))) add('espace-avant', i);
    } else if (char === '«') {
      if (after === undefined || !NBSP.test(after)) add('espace-guillemets', i);
    } else if (char === '»') {
      if (before === undefined || !NBSP.test(before)) add('espace-guillemets', i);
    }
  }
  if (/['"]/.test(text)) {
    const vfile = new VFile({ value: text });
    quotes.runSync(quotes.parse(vfile), vfile);
    for (const message of vfile.messages) {
      const index = message.place && 'offset' in message.place ? message.place.offset : message.place && 'start' in message.place ? message.place.start.offset : undefined;
      const offset = index ?? 0;
      add(/apostrophe/.test(message.reason) ? 'apostrophe' : 'guillemets', offset);
    }
  }
  return faults;
}

/** Prose with `inline code` spans cut out (kept as a neutral character so columns stay right). */
export function checkStringWithCode(text: string, file: string, start: Position = { line: 1, column: 1 }): TypographyFault[] {
  const masked = text.replace(/`[^`]*`/g, (span) => 'X'.repeat(span.length));
  return checkProse(masked, file, start);
}

const FRONTMATTER_PROSE = new Set(['title', 'summary', 'seedSection', 'label', 'hint']);

function frontmatterStrings(value: unknown, key: string | undefined, out: string[]): void {
  if (typeof value === 'string') {
    if (key !== undefined && FRONTMATTER_PROSE.has(key)) out.push(value);
  } else if (Array.isArray(value)) value.forEach((item) => frontmatterStrings(item, key, out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) frontmatterStrings(v, k, out);
}

interface Node {
  type: string;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: Position & { offset?: number } };
}

/** Lessons and READMEs: prose, headings, box titles and frontmatter labels; code left out. */
export function checkMarkdown(source: string, file: string, options: { mdx: boolean }): TypographyFault[] {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  if (options.mdx) processor.use(remarkMdx);
  const tree = processor.parse(source);
  const faults: TypographyFault[] = [];
  visit(tree, (visited) => {
    const node = visited as unknown as Node;
    const start = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'text' && node.value !== undefined) {
      faults.push(...checkProse(node.value, file, start));
    } else if (node.type === 'yaml' && node.value !== undefined) {
      const strings: string[] = [];
      frontmatterStrings(parseYaml(node.value), undefined, strings);
      for (const text of strings) {
        const line = node.value.split('\n').findIndex((l) => l.includes(text.slice(0, 30)));
        faults.push(...checkStringWithCode(text, file, { line: start.line + 1 + Math.max(line, 0), column: 1 }));
      }
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'title' && typeof attribute.value === 'string') {
          faults.push(...checkStringWithCode(attribute.value, file, start));
        }
      }
    } else if (node.type === 'code' || node.type === 'inlineCode') return 'skip';
    return undefined;
  });
  return faults;
}

/** Every string of a nested object (i18n tables, rule docs), each with its key path. */
export function checkStrings(value: unknown, file: string, path = ''): TypographyFault[] {
  if (typeof value === 'string') return checkStringWithCode(value, `${file}#${path}`);
  if (Array.isArray(value)) return value.flatMap((item, i) => checkStrings(item, file, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => (typeof item === 'function' ? [] : checkStrings(item, file, path ? `${path}.${key}` : key)));
  }
  return [];
}
