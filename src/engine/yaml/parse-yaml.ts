import { Composer, parseDocument, Parser, visit, type Document, type DocumentOptions, type ErrorCode, type ParseOptions, type SchemaOptions } from 'yaml';
import { frenchNumber } from '../format-message.ts';
import { MAX_YAML_DEPTH, MAX_YAML_DOCUMENTS, MAX_YAML_NODE_TOKENS } from '../limits.ts';
import type { ProjectFile, Range } from '../types.ts';
import { yamlErrorMessages } from './yaml-error-messages.ts';

/** A YAML problem found while parsing, already in French, at its exact place. */
export interface YamlIssue {
  code: ErrorCode | 'ALIAS_BOMB' | 'TOO_DEEP' | 'UNKNOWN_ALIAS' | 'TOO_MANY_DOCUMENTS' | 'TOO_COMPLEX';
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

/** One parsed file: the Document keeps every node's offsets, `positions` turns them into lines and columns. */
export interface ParsedYaml {
  file: ProjectFile;
  document: Document.Parsed;
  positions: SourcePositions;
  issues: YamlIssue[];
}

/**
 * Offsets (what yaml's nodes carry) to 1-based line/column ranges, always
 * clamped inside the file so a diagnostic can never point past its end.
 */
export class SourcePositions {
  readonly text: string;
  /** Offsets where each line starts. Our own, not yaml's LineCounter: the lexer stops counting when it gives up on a broken file. */
  readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  range(start: number, end: number): Range {
    const from = Math.max(0, Math.min(start, this.text.length));
    return { start: this.position(from), end: this.position(Math.max(from, Math.min(end, this.text.length))) };
  }

  /** The range of a node from yaml (its `range` triple); value end, not trailing comments. */
  ofNode(node: { range?: [number, number, number] | null | undefined } | null | undefined): Range {
    const r = node?.range;
    if (!r) return this.range(0, 0);
    return this.range(r[0], r[1]);
  }
}

/**
 * Parses one YAML file once, into one entry per YAML document: `docker
 * compose` accepts several `---`-separated documents in a file and merges
 * them in order. Duplicate keys are errors, `<<` merge keys are allowed as
 * compose allows them, and yaml's English error texts are replaced by French
 * messages chosen from the error `code`.
 */
export function parseYaml(file: ProjectFile, positions = new SourcePositions(file.text)): ParsedYaml[] {
  // `uniqueKeys` is off on purpose: yaml compares each key with every other
  // one of its map (quadratic: +80 % on a 1,500-service file). The located
  // walk (`toLocated`) reports the same DUPLICATE_KEY with a Map lookup.
  const options: ParseOptions & DocumentOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: false, merge: true, keepSourceTokens: false };
  const tooDeep = excessiveNesting(file.text, MAX_YAML_DEPTH);
  if (tooDeep !== -1) {
    // yaml would take seconds on 500 KB of `[` or `? ` before we refuse the tree it builds (issue #14).
    const issue: YamlIssue = { code: 'TOO_DEEP', severity: 'error', message: tooDeepMessage, range: positions.range(tooDeep, tooDeep + 1) };
    return [{ file, document: parseDocument('', options), positions, issues: [issue] }];
  }
  const tooMany = excessiveNodeTokens(file.text, MAX_YAML_NODE_TOKENS);
  if (tooMany !== -1) {
    const issue: YamlIssue = { code: 'TOO_COMPLEX', severity: 'error', message: tooComplexMessage, range: positions.range(tooMany, tooMany + 1) };
    return [{ file, document: parseDocument('', options), positions, issues: [issue] }];
  }
  // parseAllDocuments, stopped after MAX_YAML_DOCUMENTS: 40,000 `---` took a minute (issue #14).
  const composer = new Composer(options);
  const documents: Document.Parsed[] = [];
  let notRead: number | undefined;
  for (const document of composer.compose(new Parser().parse(file.text))) {
    if (documents.length === MAX_YAML_DOCUMENTS) {
      notRead = document.range[0];
      break;
    }
    documents.push(document);
  }
  if (documents.length === 0) documents.push(parseDocument(file.text, options));
  const parsed = documents.map((document) => ({ file, document, positions, issues: issuesOf(document, positions) }));
  if (notRead !== undefined) {
    parsed[parsed.length - 1]!.issues.push({
      code: 'TOO_MANY_DOCUMENTS',
      severity: 'warning',
      message: `Plus de ${MAX_YAML_DOCUMENTS} documents YAML (séparés par \`---\`) dans ce fichier\u00a0: l’atelier ne vérifie pas les suivants.`,
      range: positions.range(notRead, notRead + 3),
    });
  }
  return parsed;
}

// frenchNumber, not Intl.NumberFormat: creating a formatter loads ICU's locale data, several
// milliseconds at every start of the CLI for a message almost never shown.
export const tooComplexMessage = `Fichier YAML trop complexe (plus de ${frenchNumber(MAX_YAML_NODE_TOKENS).replace(/\u202f/g, '\u00a0')} crochets, virgules, ancres, alias ou étiquettes)\u00a0: l’atelier ne l’analyse pas. Un fichier compose réel en compte quelques milliers.`;

/**
 * Where the text passes `max` tokens that each make yaml build a node (flow
 * brackets and commas, `&anchor`, `*alias`, `!tag`, `? ` and `<<`), outside
 * quotes and comments, or -1. One pass, no allocation.
 */
export function excessiveNodeTokens(text: string, max: number): number {
  // Each counted token is one character of the text: a text of `max` characters cannot have more.
  if (text.length <= max) return -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const atToken = i === 0 || ' \t\n[{,:'.includes(text[i - 1]!);
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end;
    } else if ((c === '"' || c === "'") && atToken) {
      i = closingQuote(text, i);
    } else if (c === '[' || c === '{' || c === ',' || (atToken && (c === '&' || c === '*' || c === '!' || (c === '?' && text[i + 1] === ' ') || (c === '<' && text[i + 1] === '<')))) {
      if (++count > max) return i;
    }
  }
  return -1;
}

export const tooDeepMessage = `Imbrication trop profonde (plus de ${MAX_YAML_DEPTH} niveaux)\u00a0: simplifiez la structure.`;

/**
 * Where the YAML nesting certainly exceeds `max` levels, or -1: a lower bound
 * of the depth, read in one pass, from the flow brackets still open (outside
 * quotes and comments) and the `? ` and `- ` indicators that open a line, each
 * of which opens a collection. Deep nesting by indentation alone needs
 * quadratic room (1,000 levels take 500 KB), and yaml reads it quickly.
 */
export function excessiveNesting(text: string, max: number): number {
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let block = 0;
    while (text[i] === ' ' || text[i] === '\t') i++;
    while ((text[i] === '?' || text[i] === '-') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      block++;
      i += 2;
      while (text[i] === ' ' || text[i] === '\t') i++;
    }
    if (flow + block > max) return i;
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i];
      const atToken = i === 0 || ' \t[{,:'.includes(text[i - 1]!);
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? n : end;
        break;
      }
      if ((c === '"' || c === "'") && atToken) {
        i = closingQuote(text, i);
      } else if (c === '[' || c === '{') {
        if (++flow + block > max) return i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i++;
  }
  return -1;
}

/** The offset of the quote closing the one at `open` (YAML escapes: `\"` in double, `''` in single quotes), or the text's end. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

function issuesOf(document: Document.Parsed, positions: SourcePositions): YamlIssue[] {
  const issues: YamlIssue[] = [];
  // yaml often reports a cascade of errors at one spot; the first one is the useful one.
  // Later ones on the same line only widen its range (a key on line 3 whose problem shows on line 4).
  const byLine = new Map<number, YamlIssue>();
  for (const error of document.errors) {
    const range =
      error.code === 'MISSING_CHAR'
        ? widenToUnclosedQuote(document, positions, error.pos)
        : widenToUnclosedBracket(positions, error.code, positions.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)), error.pos[0]);
    const first = byLine.get(range.start.line);
    if (first) {
      const end = range.end;
      if (end.line > first.range.end.line || (end.line === first.range.end.line && end.column > first.range.end.column)) first.range = { start: first.range.start, end };
      continue;
    }
    const issue: YamlIssue = { code: error.code, message: yamlErrorMessages[error.code], range, severity: 'error' };
    byLine.set(range.start.line, issue);
    issues.push(issue);
  }
  return issues;
}

/**
 * An unclosed quote swallows the following lines up to the next quote; yaml
 * reports it at the end. The learner's mistake is the opening quote: the
 * range covers the whole quoted scalar, from that quote.
 */
function widenToUnclosedQuote(document: Document.Parsed, positions: SourcePositions, pos: [number, number]): Range {
  let found: [number, number] | undefined;
  visit(document, {
    Scalar: (_key, node) => {
      const r = node.range;
      if (r && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && r[0] <= pos[0] && pos[0] <= r[1]) {
        found = [r[0], r[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (found) return positions.range(found[0], Math.max(found[1], pos[1]));
  return widenToUnclosedBracket(positions, 'MISSING_CHAR', positions.range(pos[0], Math.max(pos[1], pos[0] + 1)), pos[0]);
}

/**
 * yaml reports an unclosed `[`/`{` where it notices it (the next key); the
 * learner's mistake is the bracket. For indentation and missing-character
 * errors, start the range at an unclosed bracket just before, if any.
 */
function widenToUnclosedBracket(positions: SourcePositions, code: ErrorCode, range: Range, offset: number): Range {
  if (code !== 'BAD_INDENT' && code !== 'MISSING_CHAR' && code !== 'UNEXPECTED_TOKEN') return range;
  const text = positions.text;
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0 && i > offset - 2000; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) {
        const lineStart = text.lastIndexOf('\n', i) + 1;
        // Only a bracket that opens a flow value (`key: [`, `- [`), not one inside a quoted string.
        const before = text.slice(lineStart, i);
        if (!/(^|:\s|-\s)\s*$/.test(before) || /["']/.test(before.replace(/^[^"']*:\s/, ''))) return range;
        return { start: positions.position(i), end: range.end };
      }
      depth--;
    } else if (c === '\n' && depth === 0 && i < offset - 1) {
      // Stop at the first complete line above that does not continue a flow collection.
      const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
      if (!/[[{,]\s*$/.test(line) && !/[[{]/.test(line)) return range;
    }
  }
  return range;
}
