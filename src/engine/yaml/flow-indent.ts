// go-yaml, which Compose reads files with, lets the lines of a `[...]` or
// `{...}` that spans lines start anywhere, even left of the key that opens it:
//
//     command: [
//     "make", "test"
//     ]
//
// eemeli/yaml follows the YAML 1.2 spec, where those lines must be indented
// more than that key, and ends the collection at the first one that is not
// (lexer.js, "Flow sequence in block collection must be sufficiently
// indented"). `indentFlowLines` indents such lines so that eemeli/yaml reads
// the file as go-yaml does; `toOriginal` brings the offsets of that text back
// to the learner's. Probed on Compose 2.40.3: `config` accepts those lines
// at any indentation, column 1 included.

export interface IndentedText {
  text: string;
  /** An offset in `text` to the offset of the same character in the original text (an added space: the line's start). */
  toOriginal(offset: number): number;
}


/**
 * The text with every line inside a multi-line flow collection indented past
 * the line that opens it, or undefined when no line needs it. A best effort
 * (quotes, comments and block scalars are followed, not every YAML corner):
 * the caller keeps the result only when eemeli/yaml then reads it without error.
 */
export function indentFlowLines(text: string): IndentedText | undefined {
  const lines = text.split('\n');
  const out: string[] = [];
  /** Per added run: its offset in the new text and its length. */
  const added: { at: number; length: number }[] = [];
  let depth = 0;
  let openIndent = 0;
  let quote: '"' | "'" | undefined;
  /** Inside a block scalar (`|`, `>`): its lines are text, until one indented as much as its key or less. */
  let blockScalarIndent: number | undefined;
  let offset = 0;
  // At most as many spaces as the file has characters (a `[` opened 100,000 columns right must not make gigabytes): past it the file is left to the error.
  let budget = text.length;
  for (const line of lines) {
    const indent = /^ */.exec(line)![0].length;
    const blank = line.trim() === '';
    let written = line;
    if (blockScalarIndent !== undefined && (blank || indent > blockScalarIndent)) {
      out.push(written);
      offset += written.length + 1;
      continue;
    }
    blockScalarIndent = undefined;
    if (depth > 0 && quote === undefined && !blank && line[indent] !== '#' && indent <= openIndent) {
      const length = openIndent + 2 - indent;
      budget -= length;
      if (budget < 0) return undefined;
      added.push({ at: offset, length });
      written = ' '.repeat(length) + line;
    }
    // The characters of the line, as go-yaml's scanner meets them (only what opens or closes a collection or a quote matters).
    let previous = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote === "'") {
        if (c === "'") {
          if (line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      // A value starts after `: `, `- `, at the line's start, and after `[`, `{` or `,` inside a flow collection.
      const valueStart = previous === '' || previous === ':' || previous === '-' || previous === '?' || (depth > 0 && (previous === '[' || previous === '{' || previous === ','));
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && valueStart) quote = c;
      else if ((c === '[' || c === '{') && (valueStart || depth > 0)) {
        if (depth === 0) openIndent = indent;
        depth++;
      } else if ((c === ']' || c === '}') && depth > 0) depth--;
      else if ((c === '|' || c === '>') && depth === 0 && valueStart && (previous === ':' || previous === '-')) blockScalarIndent = indent;
      previous = c;
    }
    out.push(written);
    offset += written.length + 1;
  }
  if (added.length === 0) return undefined;
  // Spaces added before each run and by it, for a binary search: remapping every node of a file stays O(n log n).
  const before: number[] = [];
  let total = 0;
  for (const run of added) {
    before.push(total);
    total += run.length;
  }
  return {
    text: out.join('\n'),
    toOriginal(position: number): number {
      let low = 0;
      let high = added.length - 1;
      if (added[0]!.at > position) return position;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (added[mid]!.at <= position) low = mid;
        else high = mid - 1;
      }
      const run = added[low]!;
      // An added space stands for the line's start; after the run, every added space so far is taken off.
      return position < run.at + run.length ? run.at - before[low]! : position - before[low]! - run.length;
    },
  };
}
