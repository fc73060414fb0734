// Reads the documentation's syntax notation ("*`name`* [*`value`*] ...",
// "`on` | `off`", "[`=`[*`response`*]] *`uri`*") and derives how many
// arguments a directive takes. Hand-written because the notation is nginx's
// own documentation convention; no library parses it.

export interface Arity {
  min: number;
  /** `Infinity` when a `...` allows any number more. */
  max: number;
  /** The syntax ends with `{...}`. */
  block: boolean;
}

type Item = { kind: 'word' } | { kind: 'optional'; inner: Item[][] } | { kind: 'repeat' } | { kind: 'alt' };

/** Splits "a [b | c] d..." into items at one bracket depth; glued text (`a[:b]`) is one word. */
function parseSequence(text: string, at: { i: number }, closing: string | undefined): Item[] {
  const items: Item[] = [];
  let inWord = false;
  while (at.i < text.length) {
    const ch = text[at.i]!;
    if (closing !== undefined && ch === closing) {
      at.i++;
      return items;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      inWord = false;
      at.i++;
      continue;
    }
    if (text.startsWith('...', at.i)) {
      items.push({ kind: 'repeat' });
      inWord = false;
      at.i += 3;
      continue;
    }
    if (ch === '|' && !inWord) {
      items.push({ kind: 'alt' });
      at.i++;
      continue;
    }
    if (ch === '[') {
      at.i++;
      const inner = parseSequence(text, at, ']');
      if (inWord) continue; // glued optional part: still the same argument
      const next = text[at.i];
      if (next !== undefined && next !== ' ' && next !== ']' && next !== '|' && !text.startsWith('...', at.i)) {
        // `[x]:[y]` glued to what follows: one argument made of optional parts.
        items.push({ kind: 'word' });
        inWord = true;
        continue;
      }
      items.push({ kind: 'optional', inner: splitAlternatives(inner) });
      continue;
    }
    if (!inWord) {
      items.push({ kind: 'word' });
      inWord = true;
    }
    at.i++;
  }
  return items;
}

function splitAlternatives(items: Item[]): Item[][] {
  const alternatives: Item[][] = [[]];
  for (const item of items) {
    if (item.kind === 'alt') alternatives.push([]);
    else alternatives[alternatives.length - 1]!.push(item);
  }
  return alternatives;
}

function countSequence(items: Item[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let last: { min: number; max: number } | undefined;
  for (const item of items) {
    if (item.kind === 'repeat') {
      if (last && last.max > 0) max = Infinity;
      continue;
    }
    if (item.kind === 'word') last = { min: 1, max: 1 };
    else if (item.kind === 'optional') last = { min: 0, max: countAlternatives(item.inner).max };
    else continue;
    min += last.min;
    max += last.max;
  }
  return { min, max };
}

function countAlternatives(alternatives: Item[][]): { min: number; max: number } {
  const counts = alternatives.map(countSequence);
  return { min: Math.min(...counts.map((c) => c.min)), max: Math.max(...counts.map((c) => c.max)) };
}

/** One syntax line of the reference (Markdown flavour). */
export function arityOfSyntax(markdown: string): Arity {
  let text = markdown.replace(/[*`]/g, '').trim();
  const block = text.endsWith('{...}');
  if (block) text = text.slice(0, -'{...}'.length).trim();
  const items = parseSequence(text, { i: 0 }, undefined);
  return { ...countAlternatives(splitAlternatives(items)), block };
}

/** A directive with several syntax lines accepts the union of them. */
export function arityOfSyntaxes(lines: readonly string[]): Arity {
  const arities = lines.map(arityOfSyntax);
  if (arities.length === 0) return { min: 0, max: Infinity, block: false };
  return {
    min: Math.min(...arities.map((a) => a.min)),
    max: Math.max(...arities.map((a) => a.max)),
    block: arities.some((a) => a.block),
  };
}
