// The French a learner reads in the site's components, pages and layouts, as
// runs of prose for the typography check (french-typography.ts): the text of
// .astro templates (an element's text children joined, its inline children
// and expressions standing as one neutral character), the attributes a reader
// meets (title, aria-label, alt, placeholder…), and the string and template
// literals of .astro scripts and .ts modules that are French sentences.
//
// Parsers: Astro's own compiler (`@astrojs/compiler-rs`, the one the site
// builds with) for .astro files, whose ESTree covers frontmatter, template and
// <script>; TypeScript's for .ts modules. Which literals are French is decided
// by the words they hold (a French diacritic, a typographic mark, or a French
// function word): code strings (selectors, class names, keys) hold none.
import { parse } from '@astrojs/compiler-rs';
import ts from 'typescript';
import { checkProse, type TypographyFault } from './french-typography.ts';

export interface ProseRun {
  /** The prose, one neutral `X` for each inline element or expression, line ends as spaces. */
  text: string;
  /** For each character of `text`, its offset in the source file. */
  offsets: number[];
  kind: 'template' | 'attribute' | 'literal';
}

/** Attributes whose value a reader sees or hears. */
const PROSE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'alt', 'placeholder', 'label', 'content']);
/** Elements whose text is not prose. */
const CODE_ELEMENTS = new Set(['code', 'kbd', 'pre', 'style', 'script', 'samp', 'var']);

const FRENCH_MARK = /[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊÎÔÙÛŒ’«»]/;
const FRENCH_ELISION = /(?<![\p{L}\w-])(l|d|j|n|s|c|qu|jusqu|lorsqu|puisqu)'\p{L}/iu;
const FRENCH_WORD = /(?<![\p{L}\w-])(le|la|les|des|du|un|une|et|est|pour|avec|sur|dans|pas|au|aux|ce|ces|cette|votre|vos|ne|en|il|elle|ils|sont|par|qui|que)(?![\p{L}\w-])/iu;

/**
 * A literal is French prose when it holds French words between spaces, or a
 * space before `: ; ! ?` (which English and code never write), not code. A
 * separator such as `' ; '` is French punctuation joining French items.
 */
export function looksFrench(text: string): boolean {
  if (/^\s+[;:!?]\s+$/.test(text)) return true;
  if (!/\p{L}/u.test(text)) return false;
  if (FRENCH_MARK.test(text) || /\s[;:!?](\s|$)/.test(text)) return true;
  // An elision with a straight apostrophe (« Ouvrir l'atelier »): words between spaces, then l', d', qu'…
  if (/\s/.test(text) && FRENCH_ELISION.test(text)) return true;
  return /\s/.test(text) && FRENCH_WORD.test(text);
}

/**
 * HTML character references of template text, decoded. Written here because
 * the template text comes from the compiler raw (`&nbsp;`), and the decoders on
 * npm are not among the project's dependencies; an unknown name throws, so a
 * new entity is never read as plain letters.
 */
const NAMED: Record<string, string> = { nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", hellip: '…', laquo: '«', raquo: '»', rsquo: '’', nbsp_narrow: '\u202f' };

function decode(raw: string, start: number): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  const pattern = /&(#x[0-9a-f]+|#\d+|[a-z]+);/giy;
  for (let i = 0; i < raw.length; ) {
    pattern.lastIndex = i;
    const match = raw[i] === '&' ? pattern.exec(raw) : null;
    if (match) {
      const name = match[1]!;
      const char = name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : NAMED[name];
      if (char === undefined) throw new Error(`unknown HTML entity &${name}; at offset ${start + i}`);
      text += char;
      offsets.push(start + i);
      i += match[0].length;
    } else {
      text += raw[i] === '\n' ? ' ' : raw[i];
      offsets.push(start + i);
      i += 1;
    }
  }
  return { text, offsets };
}

interface EsNode {
  type: string;
  start: number;
  end: number;
  value?: unknown;
  raw?: string;
  name?: { name?: string; type?: string } | string;
  children?: EsNode[];
  openingElement?: EsNode;
  attributes?: EsNode[];
  quasis?: EsNode[];
  expressions?: EsNode[];
  [key: string]: unknown;
}

function elementName(node: EsNode): string {
  const name = node.openingElement?.name;
  return typeof name === 'object' && name?.type === 'JSXIdentifier' ? (name.name ?? '') : '';
}

/**
 * The source offset of each UTF-16 unit of a literal's value, read from its
 * raw text (escapes such as `\u00a0` stand for one character at their place).
 */
export function cookedOffsets(raw: string, start: number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw[i] !== '\\') {
      const unit = raw.codePointAt(i)! > 0xffff ? 2 : 1;
      for (let k = 0; k < unit; k += 1) offsets.push(start + i + k);
      i += unit;
      continue;
    }
    const escape = /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/.exec(raw.slice(i))![0];
    const braced = /^\\u\{([0-9a-fA-F]+)\}$/.exec(escape);
    // A backslash before a line end continues the line: no character.
    const units = /^\\(\r\n|\n|\r|\u2028|\u2029)$/.test(escape) ? 0 : braced && parseInt(braced[1]!, 16) > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k += 1) offsets.push(start + i);
    i += escape.length;
  }
  return offsets;
}

function literalRun(value: string, raw: string, start: number): ProseRun {
  const offsets = cookedOffsets(raw, start);
  if (offsets.length !== value.length) throw new Error(`literal at ${start}: ${offsets.length} offsets for ${value.length} characters`);
  return { text: value.replace(/\n/g, ' '), offsets, kind: 'literal' };
}

/** Template literal parts joined, each expression one `X`; a part's raw text starts after its `\`` or `}`. */
function templateRun(parts: { text: string; raw: string; start: number }[]): ProseRun {
  let text = '';
  const offsets: number[] = [];
  parts.forEach((part, index) => {
    if (index > 0) {
      text += 'X';
      offsets.push(part.start);
    }
    text += part.text.replace(/\n/g, ' ');
    offsets.push(...cookedOffsets(part.raw, part.start + 1));
  });
  if (offsets.length !== text.length) throw new Error(`template at ${parts[0]?.start}: offsets do not match its text`);
  return { text, offsets, kind: 'literal' };
}

/** Prose runs of an .astro file. */
export function astroRuns(source: string): ProseRun[] {
  const runs: ProseRun[] = [];
  const { ast } = parse(source) as unknown as { ast: EsNode };

  const element = (node: EsNode): void => {
    if (CODE_ELEMENTS.has(elementName(node))) return;
    let text = '';
    const offsets: number[] = [];
    for (const child of node.children ?? []) {
      if (child.type === 'JSXText') {
        const decoded = decode(source.slice(child.start, child.end), child.start);
        text += decoded.text;
        offsets.push(...decoded.offsets);
      } else {
        text += 'X';
        offsets.push(child.start);
      }
    }
    if (looksFrench(text)) runs.push({ text, offsets, kind: 'template' });
  };

  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const node = value as EsNode;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'TSLiteralType') return;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment' || node.type === 'AstroRoot') element(node);
    if (node.type === 'JSXElement' && CODE_ELEMENTS.has(elementName(node)) && elementName(node) !== 'script') return;
    if (node.type === 'JSXAttribute') {
      const name = typeof node.name === 'object' ? node.name?.name : undefined;
      const attribute = node.value as EsNode | null;
      if (attribute?.type === 'Literal' && typeof attribute.value === 'string') {
        const decoded = decode(attribute.value, attribute.start + 1);
        if (name && PROSE_ATTRIBUTES.has(name) && looksFrench(decoded.text)) runs.push({ ...decoded, kind: 'attribute' });
        return;
      }
    }
    if (node.type === 'Literal' && typeof node.value === 'string') {
      if (looksFrench(node.value)) runs.push(literalRun(node.value, source.slice(node.start + 1, node.end - 1), node.start + 1));
      return;
    }
    if (node.type === 'TemplateLiteral' && node.quasis) {
      const parts = node.quasis.map((quasi) => ({ text: String((quasi.value as { cooked?: string }).cooked ?? ''), raw: String((quasi.value as { raw?: string }).raw ?? ''), start: quasi.start }));
      const run = templateRun(parts);
      if (looksFrench(run.text)) runs.push(run);
      for (const expression of node.expressions ?? []) walk(expression);
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'type') walk(child);
  };
  walk(ast);
  return runs;
}

/** Prose runs of a .ts module: its French string and template literals. */
export function tsRuns(source: string, fileName = 'module.ts'): ProseRun[] {
  const runs: ProseRun[] = [];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksFrench(node.text)) runs.push(literalRun(node.text, node.getText(file).slice(1, -1), node.getStart(file) + 1));
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head, ...node.templateSpans.map((span) => span.literal)].map((part) => ({
        text: part.text,
        raw: part.getText(file).slice(1, ts.isTemplateTail(part) ? -1 : -2),
        start: part.getStart(file),
      }));
      const run = templateRun(parts);
      if (looksFrench(run.text)) runs.push(run);
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    node.forEachChild(visit);
  };
  visit(file);
  return runs;
}

/** Line and column (1-based) of a source offset. */
function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The typography faults of one component, page or module, at their place in the source. */
export function checkComponent(source: string, file: string): TypographyFault[] {
  const runs = file.endsWith('.astro') ? astroRuns(source) : tsRuns(source, file);
  return runs.flatMap((run) => {
    // Literals may hold Markdown `code` (hover texts): masked as the rule docs are.
    const text = run.kind === 'template' ? run.text : run.text.replace(/`[^`]*`/g, (span) => 'X'.repeat(span.length));
    return checkProse(text, file).map((fault) => ({ ...fault, ...position(source, run.offsets[fault.column - 1] ?? run.offsets[0] ?? 0) }));
  });
}
