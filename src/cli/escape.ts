// Text from the checked files (paths, values quoted in messages) reaches the
// terminal and CI logs. Control characters in it could move the cursor, clear
// the line or print a fake result line; they are shown as escapes instead.

/** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows (Trojan Source). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\n` → `\\n`, ESC → `\\u001b`…: printable, on one line, and never mistaken for a line of ours. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
