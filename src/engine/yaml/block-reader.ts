import { expandedSize, type LocatedEntry, type LocatedMap, type LocatedScalar, type LocatedSeq, type LocatedValue, type ScalarTransform, type ScalarValue } from './located.ts';

/**
 * A fast reader for the plain block YAML that nearly every compose file is
 * written in, straight to the located tree.
 *
 * Why our own code next to eemeli `yaml`: `yaml` stays the parser of record
 * (errors and their positions, anchors, tags, block scalars, multi-line
 * strings, several documents), but its lexer, CST and Document cost about
 * 100 ms on a 10,000-line file in Node, twice the engine's whole budget,
 * while this reader takes a few milliseconds. It accepts a strict subset and
 * answers `undefined` at the first thing outside it, so `yaml` then decides:
 *
 * - block mappings and sequences (compact `- key: value` included), spaces
 *   only, comments, blank lines;
 * - one-line plain, single-quoted and double-quoted (without `\`) scalars,
 *   resolved with the YAML 1.2 core schema as `yaml` does;
 * - one-line flow collections (`[a, "b"]`, `{k: v}`).
 *
 * Anything else (anchors, aliases, merge keys, tags, `|`/`>`, multi-line
 * scalars or flows, `---`, directives, tabs, CR, control characters,
 * duplicate keys, odd indentation, any syntax error) is left to `yaml`.
 * `block-reader.test.ts` checks on the corpus and on generated documents
 * that whenever this reader answers, `yaml` finds no error and builds the
 * very same tree, ranges included.
 */
export function readBlockYaml(text: string, transform: ScalarTransform): LocatedValue | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  const lines = contentLines(text);
  if (!lines || lines.starts.length === 0) return undefined;
  try {
    const reader = new BlockReader(text, lines, transform);
    const root = reader.node();
    if (!reader.atEnd()) return undefined;
    if (reader.aliases === 0) return root;
    // Aliases share values, so a few lines can stand for a huge tree (an alias
    // bomb): located.ts then asks yaml's own guard; here such a file simply goes to yaml.
    const { expanded, distinct } = expandedSize(root);
    return expanded <= 10 * distinct + 1000 ? root : undefined;
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/** Tabs, CR, a byte-order mark and control characters: left to `yaml`, which knows their rules. */
const UNSUPPORTED_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;

/** Thrown, and caught by `readBlockYaml`, at the first construction outside the subset. */
const OUTSIDE_SUBSET = Symbol('outside the block subset');

function outside(): never {
  throw OUTSIDE_SUBSET;
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;
const AMPERSAND = 38;
/** go-yaml's anchor and alias name characters (scannerc.go, is_alpha). */
const ANCHOR_NAME_CHARACTER = /^[0-9A-Za-z_-]$/;
const ASTERISK = 42;

/** Characters a plain scalar may not start with (YAML's c-indicators); `-`, `?` and `:` are refused too, for simplicity. */
const INDICATOR_START = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_STOP = new Set(',[]{}'.split('').map((c) => c.charCodeAt(0)));

interface ContentLines {
  /** Offset of each non-blank, non-comment line. */
  starts: number[];
  /** Its indentation, in spaces. */
  indents: number[];
  /** Offset of its end (the `\n`, or the end of the text). */
  ends: number[];
}

function contentLines(text: string): ContentLines | undefined {
  const starts: number[] = [];
  const indents: number[] = [];
  const ends: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let first = start;
    while (first < end && text.charCodeAt(first) === SPACE) first++;
    if (first < end && text.charCodeAt(first) !== HASH) {
      if (first === start && isDocumentMarker(text, start, end)) return undefined;
      starts.push(start);
      indents.push(first - start);
      ends.push(end);
    }
    start = end + 1;
  }
  return { starts, indents, ends };
}

/** `---`, `...` and `%` directives at the start of a line belong to multi-document YAML. */
function isDocumentMarker(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 37) return true;
  if (c !== DASH && c !== 46) return false;
  const marker = c === DASH ? '---' : '...';
  return text.startsWith(marker, start) && (start + 3 === end || text.charCodeAt(start + 3) === SPACE);
}

/** The YAML 1.2 core schema, in `yaml`'s order of tags (null, bool, octal, int, hex, nan/inf, exponent, float). */
export function resolvePlain(source: string): ScalarValue {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  const first = source.charCodeAt(0);
  // Every number starts with a digit, a sign or a dot: the common case, a word, stops here.
  if (!((first >= 48 && first <= 57) || first === 43 || first === DASH || first === 46)) return source;
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? Number.NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}

class BlockReader {
  /** Index of the content line being read. */
  private line = 0;
  private readonly text: string;
  private readonly starts: number[];
  private readonly indents: number[];
  private readonly ends: number[];
  private readonly transform: ScalarTransform;
  private depth = 0;
  /** Anchored values, by name: an alias is the very same value, as located.ts shares it. */
  private readonly anchors = new Map<string, LocatedValue>();
  /** Anchors whose value is being read: an alias to one of them would be infinite. */
  private readonly pending = new Set<string>();
  aliases = 0;

  constructor(text: string, lines: ContentLines, transform: ScalarTransform) {
    this.text = text;
    this.starts = lines.starts;
    this.indents = lines.indents;
    this.ends = lines.ends;
    this.transform = transform;
  }

  atEnd(): boolean {
    return this.line === this.starts.length;
  }

  /** The block node starting at the current line (a map or a sequence). */
  node(): LocatedValue {
    // Deep nesting is `yaml`'s business (and located.ts's depth guard).
    if (++this.depth > 64) outside();
    const start = this.starts[this.line]! + this.indents[this.line]!;
    const result = this.isSeqItem(start) ? this.seq(this.indents[this.line]!) : this.map(this.indents[this.line]!, start);
    this.depth--;
    return result;
  }

  private isSeqItem(offset: number): boolean {
    return this.text.charCodeAt(offset) === DASH && (offset + 1 === this.ends[this.line] || this.text.charCodeAt(offset + 1) === SPACE);
  }

  private skipSpaces(offset: number, end: number): number {
    while (offset < end && this.text.charCodeAt(offset) === SPACE) offset++;
    return offset;
  }

  /**
   * After a value on this line: only spaces and a comment. (A more-indented
   * line below, a continuation, is refused by the collection's loop.)
   */
  private endLine(offset: number): void {
    const end = this.ends[this.line]!;
    const next = this.skipSpaces(offset, end);
    if (next < end && !(this.text.charCodeAt(next) === HASH && next > offset)) outside();
    this.line++;
  }

  private map(indent: number, firstKey: number): LocatedMap {
    const entries = new Map<string, LocatedEntry>();
    let offset = firstKey;
    let end = firstKey;
    for (;;) {
      const { key, keyEnd, after } = this.key(offset, this.ends[this.line]!);
      if (entries.has(key) || key === '<<') outside();
      const read = this.blockValue(after, indent, false);
      entries.set(key, { key, keyRange: [offset, keyEnd], value: read.value });
      end = read.end;
      if (this.line >= this.starts.length || this.indents[this.line]! < indent) break;
      if (this.indents[this.line]! > indent) outside();
      offset = this.starts[this.line]! + indent;
      if (this.isSeqItem(offset)) outside();
    }
    return { kind: 'map', entries, range: [firstKey, end] };
  }

  private seq(indent: number): LocatedSeq {
    const items: LocatedValue[] = [];
    const first = this.starts[this.line]! + indent;
    let end = first;
    for (;;) {
      const read = this.blockValue(this.starts[this.line]! + indent + 1, indent, true);
      items.push(read.value);
      end = read.end;
      if (this.line >= this.starts.length || this.indents[this.line]! < indent) break;
      if (this.indents[this.line]! > indent) outside();
      // Same indentation but no `-`: the parent mapping's next key (`ports:` then `- ...` at its own column).
      if (!this.isSeqItem(this.starts[this.line]! + indent)) break;
    }
    return { kind: 'seq', items, range: [first, end] };
  }

  /**
   * The value after `key:` or `-` (from `offset`, on the current line):
   * on the same line, on the lines below, or nothing. `end` is where a block
   * collection ending with it ends (for an alias, the alias itself).
   */
  private blockValue(offset: number, indent: number, inSeq: boolean): { value: LocatedValue; end: number } {
    const lineStart = this.starts[this.line]!;
    const lineEnd = this.ends[this.line]!;
    let start = this.skipSpaces(offset, lineEnd);
    let anchor: string | undefined;
    if (this.text.charCodeAt(start) === AMPERSAND) {
      const nameEnd = this.nameEnd(start + 1, lineEnd, false);
      anchor = this.text.slice(start + 1, nameEnd);
      if (this.pending.has(anchor)) outside();
      this.pending.add(anchor);
      start = this.skipSpaces(nameEnd, lineEnd);
    }
    let value: LocatedValue;
    let end: number;
    if (start === lineEnd || this.text.charCodeAt(start) === HASH) {
      this.line++;
      const below = this.line < this.starts.length ? this.indents[this.line]! : -1;
      if (below > indent) value = this.node();
      else if (!inSeq && below === indent && this.isSeqItem(this.starts[this.line]! + indent)) value = this.seq(indent);
      else if (anchor === undefined) value = nullScalar(start);
      else return outside();
      end = value.range[1];
    } else if (inSeq && this.isSeqItem(start)) {
      return outside();
    } else if (inSeq && this.startsWithKey(start, lineEnd)) {
      if (anchor !== undefined) outside();
      value = this.map(start - lineStart, start);
      end = value.range[1];
    } else if (this.text.charCodeAt(start) === ASTERISK) {
      if (anchor !== undefined) outside();
      end = this.nameEnd(start + 1, lineEnd, false);
      value = this.alias(start, end);
      this.endLine(end);
    } else {
      value = this.inline(start, lineEnd);
      end = value.range[1];
      this.endLine(end);
    }
    if (anchor !== undefined) {
      this.pending.delete(anchor);
      this.anchors.set(anchor, value);
    }
    return { value, end };
  }

  /** End of an anchor or alias name (`&name`, `*name`). */
  private nameEnd(offset: number, end: number, inFlow: boolean): number {
    let i = offset;
    while (i < end) {
      const c = this.text.charCodeAt(i);
      if (c === SPACE || (inFlow && FLOW_STOP.has(c))) break;
      // Anything but letters, digits, `_` and `-` in a name: YAML allows more,
      // go-yaml (Compose) does not (`&x&`, `&name:`), so `yaml` and the go-yaml emulation judge it.
      if (!ANCHOR_NAME_CHARACTER.test(this.text[i]!)) outside();
      i++;
    }
    return i > offset ? i : outside();
  }

  private alias(start: number, end: number): LocatedValue {
    const name = this.text.slice(start + 1, end);
    const target = this.anchors.get(name);
    if (!target || this.pending.has(name)) outside();
    this.aliases++;
    return target;
  }

  /**
   * YAML's rule for the first character of a plain scalar: no indicator,
   * except `-`, `?` and `:` followed by a character that is not a space (or,
   * in a flow, a flow indicator): `-1`, `-Xmx512m`.
   */
  private plainMayStart(offset: number, end: number, inFlow: boolean): boolean {
    const c = this.text.charCodeAt(offset);
    if (!INDICATOR_START.has(c)) return true;
    if (c !== DASH && c !== 63 && c !== COLON) return false;
    const next = this.text.charCodeAt(offset + 1);
    return offset + 1 < end && next !== SPACE && !(inFlow && FLOW_STOP.has(next));
  }

  /** Whether a sequence item's text is `key: value` (a compact mapping) rather than a scalar. */
  private startsWithKey(offset: number, end: number): boolean {
    const c = this.text.charCodeAt(offset);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = this.closingQuote(offset, end);
      return this.text.charCodeAt(close + 1) === COLON;
    }
    if (INDICATOR_START.has(c)) return false;
    return this.plainKeyEnd(offset, end) !== -1;
  }

  /** Offset of the `:` ending a plain implicit key on this line, or -1. */
  private plainKeyEnd(offset: number, end: number): number {
    for (let i = offset; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === COLON && (i + 1 === end || this.text.charCodeAt(i + 1) === SPACE)) return i;
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private key(offset: number, end: number): { key: string; keyEnd: number; after: number } {
    const c = this.text.charCodeAt(offset);
    let key: string;
    let keyEnd: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      ({ key, keyEnd } = this.quotedKey(offset, end));
    } else {
      if (INDICATOR_START.has(c)) outside();
      keyEnd = this.plainKeyEnd(offset, end);
      if (keyEnd === -1) outside();
      const source = this.text.slice(offset, keyEnd);
      // Trailing spaces, flow characters or quotes in a key: rare, and `yaml` knows their rules.
      if (/[\s,[\]{}"'#]/.test(source) || source.length > 1000) outside();
      key = keyString(resolvePlain(source));
    }
    if (this.text.charCodeAt(keyEnd) !== COLON) outside();
    const after = keyEnd + 1;
    if (after !== end && this.text.charCodeAt(after) !== SPACE) outside();
    return { key, keyEnd, after };
  }

  /** A quoted key: its text, and the offset after its closing quote. Over 1,024 characters yaml refuses an implicit key. */
  private quotedKey(offset: number, end: number): { key: string; keyEnd: number } {
    const close = this.closingQuote(offset, end);
    if (close + 1 - offset > 1000) outside();
    return { key: this.quotedValue(offset, close), keyEnd: close + 1 };
  }

  /** Offset of the quote closing the scalar opened at `offset`, on this line. */
  private closingQuote(offset: number, end: number): number {
    const quote = this.text.charCodeAt(offset);
    for (let i = offset + 1; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (quote === DOUBLE_QUOTE && c === BACKSLASH) {
        i++;
        continue;
      }
      if (c === quote) {
        if (quote === SINGLE_QUOTE && this.text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          i++;
          continue;
        }
        return i;
      }
    }
    return outside();
  }

  private quotedValue(open: number, close: number): string {
    const inner = this.text.slice(open + 1, close);
    if (this.text.charCodeAt(open) === SINGLE_QUOTE) return inner.replaceAll("''", "'");
    return inner.includes('\\') ? unescapeDoubleQuoted(inner) : inner;
  }

  private quoted(offset: number, end: number): LocatedScalar {
    const close = this.closingQuote(offset, end);
    return this.scalar(this.quotedValue(offset, close), offset, close + 1, this.text.charCodeAt(offset) === DOUBLE_QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
  }

  private scalar(value: ScalarValue, start: number, end: number, style: LocatedScalar['style']): LocatedScalar {
    const range: [number, number] = [start, end];
    return typeof value === 'string'
      ? { kind: 'scalar', value: this.transform(value, range, style), range, style, written: value }
      : { kind: 'scalar', value, range, style };
  }

  /** A value written on the key's or the dash's line: scalar or flow collection. */
  private inline(offset: number, end: number): LocatedValue {
    const c = this.text.charCodeAt(offset);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(offset, end);
    if (c === 91 || c === 123) return this.flow(offset, end).value;
    if (!this.plainMayStart(offset, end, false)) outside();
    let stop = end;
    for (let i = offset; i < end; i++) {
      const code = this.text.charCodeAt(i);
      if (code === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
      // `a: b: c` is an error, `a: b:` too: `yaml` reports them.
      if (code === COLON && (i + 1 === end || this.text.charCodeAt(i + 1) === SPACE)) outside();
    }
    while (stop > offset && this.text.charCodeAt(stop - 1) === SPACE) stop--;
    return this.scalar(resolvePlain(this.text.slice(offset, stop)), offset, stop, 'PLAIN');
  }

  /** A one-line flow node at `offset`; `next` is the offset just after it. */
  private flow(offset: number, end: number): { value: LocatedValue; next: number } {
    if (++this.depth > 64) outside();
    const c = this.text.charCodeAt(offset);
    let result: { value: LocatedValue; next: number };
    if (c === 91) result = this.flowSeq(offset, end);
    else if (c === 123) result = this.flowMap(offset, end);
    else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const value = this.quoted(offset, end);
      result = { value, next: value.range[1] };
    } else if (c === ASTERISK) {
      const next = this.nameEnd(offset + 1, end, true);
      result = { value: this.alias(offset, next), next };
    } else if (c === AMPERSAND) {
      const nameEnd = this.nameEnd(offset + 1, end, true);
      const anchor = this.text.slice(offset + 1, nameEnd);
      if (this.pending.has(anchor)) outside();
      this.pending.add(anchor);
      result = this.flow(this.skipSpaces(nameEnd, end), end);
      this.pending.delete(anchor);
      this.anchors.set(anchor, result.value);
    } else {
      if (offset >= end || !this.plainMayStart(offset, end, true)) outside();
      let stop = offset;
      while (stop < end) {
        const code = this.text.charCodeAt(stop);
        if (FLOW_STOP.has(code) || code === COLON || (code === HASH && this.text.charCodeAt(stop - 1) === SPACE)) break;
        stop++;
      }
      let valueEnd = stop;
      while (valueEnd > offset && this.text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
      result = { value: this.scalar(resolvePlain(this.text.slice(offset, valueEnd)), offset, valueEnd, 'PLAIN'), next: valueEnd };
    }
    this.depth--;
    return result;
  }

  private flowSeq(open: number, end: number): { value: LocatedSeq; next: number } {
    const items: LocatedValue[] = [];
    let i = this.skipSpaces(open + 1, end);
    while (this.text.charCodeAt(i) !== 93) {
      const item = this.flow(i, end);
      items.push(item.value);
      i = this.skipSpaces(item.next, end);
      const c = this.text.charCodeAt(i);
      if (c === 44) i = this.skipSpaces(i + 1, end);
      else if (c !== 93) outside();
    }
    return { value: { kind: 'seq', items, range: [open, i + 1] }, next: i + 1 };
  }

  private flowMap(open: number, end: number): { value: LocatedMap; next: number } {
    const entries = new Map<string, LocatedEntry>();
    let i = this.skipSpaces(open + 1, end);
    while (this.text.charCodeAt(i) !== 125) {
      if (i >= end) outside();
      const c = this.text.charCodeAt(i);
      let key: string;
      let keyEnd: number;
      if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        ({ key, keyEnd } = this.quotedKey(i, end));
      } else {
        if (INDICATOR_START.has(c)) outside();
        keyEnd = i;
        while (keyEnd < end && !FLOW_STOP.has(this.text.charCodeAt(keyEnd)) && this.text.charCodeAt(keyEnd) !== COLON && this.text.charCodeAt(keyEnd) !== SPACE) keyEnd++;
        key = keyString(resolvePlain(this.text.slice(i, keyEnd)));
        // A plain key needs `: ` (`{a:1}` is one scalar in YAML 1.2).
        if (this.text.charCodeAt(keyEnd + 1) !== SPACE) outside();
      }
      if (this.text.charCodeAt(keyEnd) !== COLON || entries.has(key) || key === '<<') outside();
      const valueStart = this.skipSpaces(keyEnd + 1, end);
      const value = this.flow(valueStart, end);
      entries.set(key, { key, keyRange: [i, keyEnd], value: value.value });
      i = this.skipSpaces(value.next, end);
      const next = this.text.charCodeAt(i);
      if (next === 44) i = this.skipSpaces(i + 1, end);
      else if (next !== 125) outside();
    }
    return { value: { kind: 'map', entries, range: [open, i + 1] }, next: i + 1 };
  }
}

/**
 * The double-quoted escapes both YAML 1.2 (`yaml`) and go-yaml (Compose) know; any other one is left to the
 * full path: an unknown escape is an error `yaml` reports, and `\/`, which `yaml` reads, Compose refuses.
 */
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

function unescapeDoubleQuoted(inner: string): string {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const code = inner[++i]!;
    const simple = ESCAPES[code];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const digits = HEX_DIGITS[code];
    const hex = digits === undefined ? '' : inner.slice(i + 1, i + 1 + digits);
    if (digits === undefined || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) outside();
    const point = parseInt(hex, 16);
    // A surrogate alone (`\uD800`): yaml reads it, go-yaml refuses it (« invalid Unicode character escape code »).
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) outside();
    out += String.fromCodePoint(point);
    i += digits;
  }
  return out;
}

function nullScalar(offset: number): LocatedScalar {
  return { kind: 'scalar', value: null, range: [offset, offset], style: 'PLAIN' };
}

/** How located.ts names a key: `String` of its resolved value (`1.0` → `1`, `~` → `null`). */
function keyString(value: ScalarValue): string {
  return String(value ?? 'null');
}
