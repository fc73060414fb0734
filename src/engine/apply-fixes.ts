import type { Position, TextEdit } from './types.ts';

// The engine describes fixes (ranges and replacement text); this applies them
// to plain text. One function for everyone who needs the fixed text without
// an editor: the rule tester (each example's `output`), the rules reference
// (the "after" of a fix) and the CLI. Monaco applies the same edits itself.

type Edit = Pick<TextEdit, 'range' | 'text'>;

/** A fix reduced to what applying it needs: its edits in one file. */
export interface FixEdits {
  edits: readonly Edit[];
}

export interface FixResult {
  output: string;
  /** Fixes applied. */
  applied: number;
  /** Fixes left out because they overlap or touch one taken before them (ESLint leaves them for a next pass). */
  skipped: number;
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Offsets of every line start, so each position converts in constant time. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A 1-based position as an offset, clamped to its line and to the text, as the editor clamps it. */
function offsetOf(starts: readonly number[], length: number, { line, column }: Position): number {
  if (line < 1) return 0;
  const start = starts[line - 1];
  if (start === undefined) return length;
  // Past the end of its line a column means the end of the line, as in Monaco.
  const lineEnd = line < starts.length ? starts[line]! - 1 : length;
  return Math.min(start + Math.max(column, 1) - 1, lineEnd);
}

/**
 * `text` with the fixes applied in one pass, as ESLint's fixer does: a fix
 * is all or nothing; fixes are taken in the order of their positions, and one
 * that overlaps or touches a fix already taken is skipped. Positions are the
 * original text's, 1-based, `end` exclusive. O(n log n) in the number of edits.
 */
export function applyFixes(text: string, fixes: readonly FixEdits[]): FixResult {
  const starts = lineStarts(text);
  const located = fixes.map((fix) => {
    const spans: Span[] = fix.edits
      .map((edit) => {
        const start = offsetOf(starts, text.length, edit.range.start);
        return { start, end: Math.max(start, offsetOf(starts, text.length, edit.range.end)), text: edit.text };
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const selfOverlapping = spans.some((span, i) => i > 0 && span.start < spans[i - 1]!.end);
    return { spans, start: spans[0]?.start ?? 0, end: spans.reduce((max, s) => Math.max(max, s.end), 0), selfOverlapping };
  });
  located.sort((a, b) => a.start - b.start || a.end - b.end);
  let output = '';
  let from = 0;
  let lastEnd = -1;
  let applied = 0;
  let skipped = 0;
  for (const fix of located) {
    if (fix.spans.length === 0) continue;
    if (fix.selfOverlapping || fix.start <= lastEnd) {
      skipped++;
      continue;
    }
    for (const span of fix.spans) {
      output += text.slice(from, span.start) + span.text;
      from = span.end;
    }
    lastEnd = fix.end;
    applied++;
  }
  return { output: output + text.slice(from), applied, skipped };
}

/** The edits of one fix applied to `text` (the fix's edits in that file). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  return applyFixes(text, [{ edits }]).output;
}
