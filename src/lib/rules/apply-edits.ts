import type { TextEdit } from '../../engine/types.ts';

// The engine only describes fixes (ranges and replacement text); applying
// them is the editor's job. The page needs the result as plain text at build
// time, with no Monaco, hence this small function.

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

/** `text` with every edit applied; edits are given in the original text's 1-based positions and must not overlap. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'text'>[]): string {
  const located = edits
    .map((edit) => ({ start: offsetOf(text, edit.range.start.line, edit.range.start.column), end: offsetOf(text, edit.range.end.line, edit.range.end.column), text: edit.text }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
