// A port of nginx's own reader (`ngx_conf_read_token` in
// src/core/ngx_conf_file.c, nginx 1.30) rather than a grammar library: what a
// word is, where a comment starts and which character is "unexpected" must
// match `nginx -t` exactly, including its odd corners (`#` inside a word is not
// a comment, `}` inside a word is text, `${` keeps a word going, a closing
// quote must be followed by a space, `;`, `{` or `)`).
import type { NginxComment, NginxParseError, NginxWord } from './ast.ts';
import type { Position, Range } from '../types.ts';

export type StatementEnd =
  | { kind: ';' | '{' | '}'; range: Range }
  | { kind: 'eof'; range: Range };

export interface Statement {
  words: NginxWord[];
  end: StatementEnd;
  /** A reader error met while reading this statement; reading resumes after it. */
  error?: NginxParseError;
}

const at = (line: number, column: number): Position => ({ line, column });
const NO_POSITION: Position = { line: 0, column: 0 };
const span = (line: number, column: number, endLine: number, endColumn: number): Range => ({ start: at(line, column), end: at(endLine, endColumn) });

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** nginx resolves `\"`, `\'`, `\\`, `\t`, `\r`, `\n` and keeps any other backslash. */
function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      if (next === '"' || next === "'" || next === '\\') {
        out += next;
        i++;
        continue;
      }
      if (next === 't' || next === 'r' || next === 'n') {
        out += next === 't' ? '\t' : next === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export class NginxReader {
  readonly #text: string;
  #pos = 0;
  #line = 1;
  #column = 1;
  readonly comments: NginxComment[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  #here(): Position {
    return { line: this.#line, column: this.#column };
  }

  #advance(): string {
    const ch = this.#text[this.#pos++]!;
    if (ch === '\n') {
      this.#line++;
      this.#column = 1;
    } else {
      this.#column++;
    }
    return ch;
  }

  /** Moves to the next `\n` (or the end) without reading what is before it: a comment's text, a third of a commented file. */
  #skipToLineEnd(): void {
    const newline = this.#text.indexOf('\n', this.#pos);
    const stop = newline < 0 ? this.#text.length : newline;
    this.#column += stop - this.#pos;
    this.#pos = stop;
  }

  /** The first error of the statement being read, which it reports whatever follows. */
  #pendingError: NginxParseError | undefined;

  // A method, not a closure in #read: variables a closure captures live on the heap, and #read's loop reads them for every character.
  #pushWord(words: NginxWord[], start: number, startPos: Position, quote: '"' | "'" | null, endIndex: number, rawEnd: number, rawEndPos: Position): void {
    const inner = this.#text.slice(start, endIndex);
    const rawStart = quote ? start - 1 : start;
    const rawStartPos = quote ? { line: startPos.line, column: startPos.column - 1 } : startPos;
    words.push({
      value: unescape(inner),
      raw: this.#text.slice(rawStart, rawEnd),
      quote,
      range: { start: rawStartPos, end: rawEndPos },
    });
  }

  /** Reads words up to the next `;`, `{`, `}` or the end of the file. */
  read(): Statement {
    const statement = this.#read();
    const error = this.#pendingError;
    if (!error) return statement;
    this.#pendingError = undefined;
    return { ...statement, error };
  }

  #read(): Statement {
    const words: NginxWord[] = [];
    let lastSpace = true;
    let needSpace = false;
    let quoted = false;
    let sQuoted = false;
    let dQuoted = false;
    let variable = false;
    let comment: { start: Position; from: number } | undefined;
    let start = 0;
    // Set where each word starts; the statement itself has no start to allocate.
    let startPos: Position = NO_POSITION;
    let quote: '"' | "'" | null = null;

    for (;;) {
      if (this.#pos >= this.#text.length) {
        const here = this.#here();
        if (comment) this.comments.push({ text: this.#text.slice(comment.from), range: { start: comment.start, end: here } });
        if (words.length > 0 || !lastSpace) {
          if (!lastSpace && !needSpace) this.#pushWord(words, start, startPos, quote, this.#pos, this.#pos, here);
          return {
            words,
            end: { kind: 'eof', range: { start: here, end: here } },
            error: { code: 'unexpected-eof-expecting-semicolon', range: { start: here, end: here } },
          };
        }
        return { words, end: { kind: 'eof', range: { start: here, end: here } } };
      }

      // Positions as plain numbers in the hot loop; objects only for what is kept.
      const beforeLine = this.#line;
      const beforeColumn = this.#column;
      const index = this.#pos;
      const ch = this.#advance();

      if (ch === '\n' && comment) {
        this.comments.push({ text: this.#text.slice(comment.from, index), range: { start: comment.start, end: at(beforeLine, beforeColumn) } });
        comment = undefined;
      }
      if (comment) continue;

      if (quoted) {
        quoted = false;
        continue;
      }

      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ';') return { words, end: { kind: ';', range: span(beforeLine, beforeColumn, this.#line, this.#column) } };
        if (ch === '{') return { words, end: { kind: '{', range: span(beforeLine, beforeColumn, this.#line, this.#column) } };
        if (ch === ')') {
          lastSpace = true;
          needSpace = false;
        } else {
          // nginx stops here; we report it and read on as if a space separated the words.
          // In this loop, not by calling read() again: `x "a"b "a"b…` overflowed the stack (issue #14).
          this.#pos = index;
          this.#pendingError ??= { code: 'unexpected-character', character: ch, range: span(beforeLine, beforeColumn, this.#line, this.#column) };
          this.#line = beforeLine;
          this.#column = beforeColumn;
          lastSpace = true;
          needSpace = false;
          quoted = sQuoted = dQuoted = variable = false;
          quote = null;
          continue;
        }
      }

      if (lastSpace) {
        if (isSpace(ch)) continue;
        start = index;
        startPos = at(beforeLine, beforeColumn);
        quote = null;
        switch (ch) {
          // The error and the end share their range (ranges are never modified): 500 KB of `{}` makes 250,000 of them.
          case ';':
          case '{': {
            const range = span(beforeLine, beforeColumn, this.#line, this.#column);
            if (words.length === 0) return { words, end: { kind: ch, range }, error: { code: 'unexpected-character', character: ch, range } };
            return { words, end: { kind: ch, range } };
          }
          case '}': {
            const range = span(beforeLine, beforeColumn, this.#line, this.#column);
            if (words.length !== 0) return { words, end: { kind: '}', range }, error: { code: 'unexpected-close-brace', range } };
            return { words, end: { kind: '}', range } };
          }
          case '#':
            comment = { start: at(beforeLine, beforeColumn), from: index };
            this.#skipToLineEnd();
            continue;
          case '\\':
            quoted = true;
            lastSpace = false;
            continue;
          case '"':
            start = index + 1;
            startPos = at(this.#line, this.#column);
            quote = '"';
            dQuoted = true;
            lastSpace = false;
            continue;
          case "'":
            start = index + 1;
            startPos = at(this.#line, this.#column);
            quote = "'";
            sQuoted = true;
            lastSpace = false;
            continue;
          case '$':
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
        }
      } else {
        if (ch === '{' && variable) continue;
        variable = false;
        if (ch === '\\') {
          quoted = true;
          continue;
        }
        if (ch === '$') {
          variable = true;
          continue;
        }
        let found = false;
        if (dQuoted) {
          if (ch === '"') {
            dQuoted = false;
            needSpace = true;
            found = true;
          }
        } else if (sQuoted) {
          if (ch === "'") {
            sQuoted = false;
            needSpace = true;
            found = true;
          }
        } else if (isSpace(ch) || ch === ';' || ch === '{') {
          lastSpace = true;
          found = true;
        }
        if (found) {
          // A quoted word's range includes its closing quote; a bare word's stops before the separator.
          this.#pushWord(words, start, startPos, quote, index, quote ? index + 1 : index, quote ? at(this.#line, this.#column) : at(beforeLine, beforeColumn));
          if (ch === ';') return { words, end: { kind: ';', range: span(beforeLine, beforeColumn, this.#line, this.#column) } };
          if (ch === '{') return { words, end: { kind: '{', range: span(beforeLine, beforeColumn, this.#line, this.#column) } };
        }
      }
    }
  }
}
