import { LineCounter, parseDocument, type Document, type ErrorCode } from 'yaml';
import type { ProjectFile, Range } from '../types.ts';
import { yamlErrorMessages } from './yaml-error-messages.ts';

/** A YAML problem found while parsing, already in French, at its exact place. */
export interface YamlIssue {
  code: ErrorCode | 'ALIAS_BOMB' | 'TOO_DEEP' | 'UNKNOWN_ALIAS';
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
  readonly lineCounter: LineCounter;
  /** Offsets where each line starts. Our own, not yaml's LineCounter: the lexer stops counting when it gives up on a broken file. */
  readonly lineStarts: number[];

  constructor(text: string, lineCounter: LineCounter) {
    this.text = text;
    this.lineCounter = lineCounter;
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
 * Parses one YAML file once. Duplicate keys are errors, `<<`
 * merge keys are allowed as `docker compose` allows them, and yaml's English
 * error texts are replaced by French messages chosen from the error `code`.
 */
export function parseYaml(file: ProjectFile): ParsedYaml {
  const lineCounter = new LineCounter();
  // `uniqueKeys` is off on purpose: yaml compares each key with every other
  // one of its map (quadratic: +80 % on a 1,500-service file). The located
  // walk (`toLocated`) reports the same DUPLICATE_KEY with a Map lookup.
  const document = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true, keepSourceTokens: false });
  const positions = new SourcePositions(file.text, lineCounter);
  const issues: YamlIssue[] = [];
  // yaml often reports a cascade of errors at one spot; the first one is the useful one.
  const seenLines = new Set<number>();
  for (const error of document.errors) {
    const range = positions.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1));
    if (seenLines.has(range.start.line)) continue;
    seenLines.add(range.start.line);
    issues.push({ code: error.code, message: yamlErrorMessages[error.code], range, severity: 'error' });
  }
  return { file, document, positions, issues };
}
