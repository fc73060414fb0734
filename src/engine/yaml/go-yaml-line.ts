/**
 * Where Docker Compose says a YAML syntax error is.
 *
 * Compose reads compose files with go-yaml v3, a Go port of libyaml, and
 * prints `yaml: line N: <problem>`. Its N often differs from where eemeli/yaml
 * (the engine's parser) sees the problem: for a parser error go-yaml names
 * the 0-based line of the collection it was parsing (so a dedented list item
 * is reported at the line of the mapping that holds it), and for a scanner
 * error the 1-based line of the construct being scanned (an unclosed quote is
 * reported where it opens, or at the end of the file).
 *
 * Hand-written on purpose: no JavaScript YAML library reproduces libyaml's
 * error positions, and the learner is told the line Compose will print.
 * This is an emulation, written from the algorithm of libyaml's scanner
 * (indentation stack, simple keys, flow levels, scalars) and parser (the
 * state machine of block and flow collections), far enough to know which
 * error it raises and with which marks. It does not build values.
 *
 * Total and linear: every loop advances in the text or in the token queue,
 * and any unexpected state ends the emulation with `undefined`.
 */

/** What go-yaml would print: `yaml: line ${line}: ${problem}` (line absent when go-yaml prints none). */
export interface GoYamlError {
  /** 1-based line as go-yaml prints it, or undefined when it prints no line. */
  line: number | undefined;
  /** go-yaml's English problem text (never shown to a learner; used to choose and test). */
  problem: string;
  /** What go-yaml was parsing (`while parsing a block mapping`…), empty if nothing. */
  context: string;
  /** A reader error (a control character), a scanner error (in a token) or a parser error (in the structure). */
  kind: 'reader' | 'scanner' | 'parser';
  /** Whether the printed line is the context mark's (the construct being parsed) or the problem mark's. */
  named: 'context' | 'problem';
  /** 0-based offset of the construct go-yaml names (context mark, else problem mark). */
  offset: number;
  /** 0-based offset where the problem itself was noticed. */
  problemOffset: number;
}

interface Mark {
  /** Characters (runes) from the start, as libyaml counts for the 1024-character key limit. */
  index: number;
  line: number;
  column: number;
  /** UTF-16 offset in the text. */
  offset: number;
}

type TokenType =
  | 'STREAM_START'
  | 'STREAM_END'
  | 'VERSION_DIRECTIVE'
  | 'TAG_DIRECTIVE'
  | 'DOCUMENT_START'
  | 'DOCUMENT_END'
  | 'BLOCK_SEQUENCE_START'
  | 'BLOCK_MAPPING_START'
  | 'BLOCK_END'
  | 'FLOW_SEQUENCE_START'
  | 'FLOW_SEQUENCE_END'
  | 'FLOW_MAPPING_START'
  | 'FLOW_MAPPING_END'
  | 'BLOCK_ENTRY'
  | 'FLOW_ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** TAG: its handle (`!`, `!!`, `!x!`); TAG_DIRECTIVE: the declared handle. */
  handle?: string;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

/** The first error go-yaml raises; thrown inside this module only, caught by `goYamlError`. */
class Failure {
  readonly kind: 'reader' | 'scanner' | 'parser';
  readonly context: string;
  readonly contextMark: Mark | undefined;
  readonly problem: string;
  readonly problemMark: Mark;
  constructor(kind: 'reader' | 'scanner' | 'parser', context: string, contextMark: Mark | undefined, problem: string, problemMark: Mark) {
    this.kind = kind;
    this.context = context;
    this.contextMark = contextMark;
    this.problem = problem;
    this.problemMark = problemMark;
  }
}

const MAX_LEVEL = 10_000;

const isBreakChar = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankChar = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isAlphaChar = (c: string | undefined): boolean =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || c === '-');
const isHexChar = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);
const TAG_URI_CHARS = new Set(";/?:@&=+$,.!~*'()[]%");

class Scanner {
  private readonly text: string;
  private pos = 0;
  // The current mark, kept as numbers (one object per token, not per character).
  private index = 0;
  private line = 0;
  private column = 0;
  tokens: Token[] = [];
  /** Tokens handed to the parser (libyaml's tokens_parsed); also the queue head. */
  parsed = 0;
  tokenAvailable = false;
  private streamStartProduced = false;
  streamEndProduced = false;
  private indent = -1;
  private indents: number[] = [];
  private flowLevel = 0;
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByToken = new Map<number, number>();

  /** Where go-yaml's reader stops on a control character (it decodes the input 512 bytes at a time). */
  private readonly readerStop: number;

  constructor(text: string) {
    this.text = text;
    this.readerStop = readerStopOffset(text);
  }

  /** A snapshot of the current mark. */
  here(): Mark {
    return { index: this.index, line: this.line, column: this.column, offset: this.pos };
  }

  private ch(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }
  private isZ(offset = 0): boolean {
    return this.pos + offset >= this.text.length;
  }
  private isBreak(offset = 0): boolean {
    return isBreakChar(this.ch(offset));
  }
  private isBlank(offset = 0): boolean {
    return isBlankChar(this.ch(offset));
  }
  private isBlankZ(offset = 0): boolean {
    return this.isZ(offset) || this.isBlank(offset) || this.isBreak(offset);
  }
  private isBreakZ(offset = 0): boolean {
    return this.isZ(offset) || this.isBreak(offset);
  }

  private skip(): void {
    if (this.pos + 4 >= this.readerStop) this.failReader();
    const code = this.text.charCodeAt(this.pos);
    // A surrogate pair is one character for go-yaml (one rune).
    this.pos += code >= 0xd800 && code <= 0xdbff && this.pos + 1 < this.text.length ? 2 : 1;
    this.index++;
    this.column++;
  }

  private skipLine(): void {
    if (this.pos + 4 >= this.readerStop) this.failReader();
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.pos += 2;
      this.index += 2;
      this.line++;
      this.column = 0;
    } else if (this.isBreak()) {
      this.pos += 1;
      this.index++;
      this.line++;
      this.column = 0;
    }
  }

  private failReader(): never {
    throw new Failure('reader', '', undefined, 'control characters are not allowed', { index: 0, line: 0, column: 0, offset: this.readerStop });
  }

  private fail(context: string, contextMark: Mark | undefined, problem: string): never {
    throw new Failure('scanner', context, contextMark, problem, this.here());
  }

  private insert(absolute: number, token: Token): void {
    if (absolute < 0 || absolute >= this.tokens.length) this.tokens.push(token);
    else this.tokens.splice(absolute, 0, token);
  }

  private get queued(): number {
    return this.tokens.length - this.parsed;
  }

  /** libyaml's fetch_more_tokens: fetch until the head token cannot become a simple key. */
  fetchMore(): void {
    for (;;) {
      if (this.queued > 2) {
        const index = this.simpleKeysByToken.get(this.parsed);
        if (index === undefined) break;
        const key = this.simpleKeys[index];
        if (!key || !this.keyIsValid(key)) break;
      }
      const before = this.pos + this.tokens.length;
      this.fetchNext();
      // Guard: every fetch must consume input or add a token.
      if (this.pos + this.tokens.length === before) throw new Failure('scanner', '', undefined, 'emulation stalled', this.here());
    }
    this.tokenAvailable = true;
  }

  private keyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.mark.index + 1024 < this.index) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.parsed + this.queued, mark: this.here() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key?.possible) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.parsed + this.queued, mark: this.here() });
    this.flowLevel++;
    if (this.flowLevel > MAX_LEVEL) this.fail('while increasing flow level', this.here(), `exceeded max depth of ${MAX_LEVEL}`);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop();
      if (last) this.simpleKeysByToken.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_LEVEL) this.fail('while increasing indent level', mark, `exceeded max depth of ${MAX_LEVEL}`);
      this.insert(number, { type, start: mark, end: mark });
    }
  }

  private unrollIndent(column: number, mark: Mark): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.tokens.push({ type: 'BLOCK_END', start: mark, end: mark });
      this.indent = this.indents.pop() ?? -1;
    }
  }

  private fetchNext(): void {
    if (this.pos + 4 >= this.readerStop) this.failReader();
    if (!this.streamStartProduced) {
      this.indent = -1;
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() });
      this.simpleKeyAllowed = true;
      this.streamStartProduced = true;
      this.tokens.push({ type: 'STREAM_START', start: this.here(), end: this.here() });
      return;
    }
    const scanMark = this.here();
    this.scanToNextToken();
    this.unrollIndent(this.column, scanMark);
    if (this.isZ()) return this.fetchStreamEnd();
    const c = this.ch();
    if (this.column === 0 && c === '%') return this.fetchDirective();
    if (this.column === 0 && c === '-' && this.ch(1) === '-' && this.ch(2) === '-' && this.isBlankZ(3)) return this.fetchDocumentIndicator('DOCUMENT_START');
    if (this.column === 0 && c === '.' && this.ch(1) === '.' && this.ch(2) === '.' && this.isBlankZ(3)) return this.fetchDocumentIndicator('DOCUMENT_END');
    if (c === '[') return this.fetchFlowCollectionStart('FLOW_SEQUENCE_START');
    if (c === '{') return this.fetchFlowCollectionStart('FLOW_MAPPING_START');
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW_SEQUENCE_END');
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW_MAPPING_END');
    if (c === ',') return this.fetchFlowEntry();
    if (c === '-' && this.isBlankZ(1)) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('ALIAS');
    if (c === '&') return this.fetchAnchor('ANCHOR');
    if (c === '!') return this.fetchTag();
    if ((c === '|' || c === '>') && this.flowLevel === 0) return this.fetchBlockScalar();
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    const indicator = this.isBlankZ() || '-?:,[]{}#&*!|>\'"%@`'.includes(c!);
    if (!indicator || (c === '-' && !this.isBlank(1)) || (this.flowLevel === 0 && (c === '?' || c === ':') && !this.isBlankZ(1))) return this.fetchPlainScalar();
    this.fail('while scanning for the next token', this.here(), 'found character that cannot start any token');
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.column === 0 && this.ch() === '\uFEFF') this.skip();
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!this.isBreakZ()) this.skip();
      if (this.isBreak()) {
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else break;
    }
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.line++;
      this.column = 0;
    }
    this.unrollIndent(-1, this.here());
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push({ type: 'STREAM_END', start: this.here(), end: this.here() });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1, this.here());
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    let name = '';
    while (isAlphaChar(this.ch())) {
      name += this.ch();
      this.skip();
    }
    if (!name) this.fail('while scanning a directive', start, 'could not find expected directive name');
    if (!this.isBlankZ()) this.fail('while scanning a directive', start, 'found unexpected non-alphabetical character');
    if (name !== 'YAML' && name !== 'TAG') this.fail('while scanning a directive', start, 'found unknown directive name');
    while (this.isBlank()) this.skip();
    let handle = '';
    while (!this.isBlankZ()) {
      handle += this.ch();
      this.skip();
    }
    // The directive's value is not checked further (compose files have none).
    while (!this.isBreakZ()) this.skip();
    this.skipLine();
    this.tokens.push({ type: name === 'YAML' ? 'VERSION_DIRECTIVE' : 'TAG_DIRECTIVE', start, end: this.here(), handle });
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1, this.here());
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    this.skip();
    this.skip();
    this.tokens.push({ type, start, end: this.here() });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    this.tokens.push({ type, start, end: this.here() });
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    this.tokens.push({ type, start, end: this.here() });
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    this.tokens.push({ type: 'FLOW_ENTRY', start, end: this.here() });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.here(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.column, -1, 'BLOCK_SEQUENCE_START', this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    this.tokens.push({ type: 'BLOCK_ENTRY', start, end: this.here() });
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.here(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.column, -1, 'BLOCK_MAPPING_START', this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.here();
    this.skip();
    this.tokens.push({ type: 'KEY', start, end: this.here() });
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.keyIsValid(key)) {
      this.insert(key.tokenNumber, { type: 'KEY', start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK_MAPPING_START', key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('', this.here(), 'mapping values are not allowed in this context');
        this.rollIndent(this.column, -1, 'BLOCK_MAPPING_START', this.here());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.here();
    this.skip();
    this.tokens.push({ type: 'VALUE', start, end: this.here() });
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    let length = 0;
    while (isAlphaChar(this.ch())) {
      this.skip();
      length++;
    }
    const end = this.here();
    if (length === 0 || !(this.isBlankZ() || '?:,]}%@`'.includes(this.ch()!))) {
      this.fail(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
    }
    this.tokens.push({ type, start, end });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    let handle = '';
    if (this.ch(1) === '<') {
      this.skip();
      this.skip();
      this.scanTagUri(false, start);
      if (this.ch() !== '>') this.fail('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = '!';
      this.skip();
      while (isAlphaChar(this.ch())) {
        handle += this.ch();
        this.skip();
      }
      if (this.ch() === '!') {
        handle += '!';
        this.skip();
      }
      if (handle.length > 1 && handle.endsWith('!')) this.scanTagUri(false, start);
      else {
        this.scanTagUri(handle.length > 0, start);
        handle = '!';
      }
    }
    if (!this.isBlankZ()) this.fail('while scanning a tag', start, 'did not find expected whitespace or line break');
    this.tokens.push({ type: 'TAG', start, end: this.here(), handle });
  }

  private scanTagUri(hasHead: boolean, start: Mark): void {
    let found = hasHead;
    for (let c = this.ch(); c !== undefined && (isAlphaChar(c) || TAG_URI_CHARS.has(c)); c = this.ch()) {
      if (c === '%') {
        if (!isHexChar(this.ch(1)) || !isHexChar(this.ch(2))) this.fail('while parsing a tag', start, 'did not find URI escaped octet');
        this.skip();
        this.skip();
      }
      this.skip();
      found = true;
    }
    if (!found) this.fail('while parsing a tag', start, 'did not find expected tag URI');
  }

  /** A `|` or `>` scalar: only its extent and errors matter here, not its folding. */
  private fetchBlockScalar(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    let increment = 0;
    if (this.ch() === '+' || this.ch() === '-') {
      this.skip();
      if (/[0-9]/.test(this.ch() ?? '')) {
        if (this.ch() === '0') this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = Number(this.ch());
        this.skip();
      }
    } else if (/[0-9]/.test(this.ch() ?? '')) {
      if (this.ch() === '0') this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = Number(this.ch());
      this.skip();
      if (this.ch() === '+' || this.ch() === '-') this.skip();
    }
    while (this.isBlank()) this.skip();
    if (this.ch() === '#') while (!this.isBreakZ()) this.skip();
    if (!this.isBreakZ()) this.fail('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (this.isBreak()) this.skipLine();
    let end = this.here();
    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    const breaks = (): void => {
      end = this.here();
      let maxIndent = 0;
      for (;;) {
        while ((indent === 0 || this.column < indent) && this.ch() === ' ') this.skip();
        if (this.column > maxIndent) maxIndent = this.column;
        if ((indent === 0 || this.column < indent) && this.ch() === '\t') {
          this.fail('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
        }
        if (!this.isBreak()) break;
        this.skipLine();
        end = this.here();
      }
      if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    };
    breaks();
    while (this.column === indent && !this.isZ()) {
      while (!this.isBreakZ()) this.skip();
      this.skipLine();
      breaks();
    }
    this.tokens.push({ type: 'SCALAR', start, end });
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    for (;;) {
      if (
        this.column === 0 &&
        ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) &&
        this.isBlankZ(3)
      ) {
        this.fail('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.isZ()) this.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');
      while (!this.isBlankZ()) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          this.skip();
          this.skip();
        } else if (single && c === "'") break;
        else if (!single && c === '"') break;
        else if (!single && c === '\\' && this.isBreak(1)) {
          this.skip();
          this.skipLine();
          break;
        } else if (!single && c === '\\') {
          const escape = this.ch(1) ?? '';
          const lengths: Record<string, number> = { x: 2, u: 4, U: 8 };
          // libyaml's list: no `\/`, which YAML 1.2 (and eemeli/yaml) allows but Compose 2.40.3 refuses (probed).
          if (!'0abt\tnvfre "\'\\N_LPxuU'.includes(escape) || escape === '') this.fail('while parsing a quoted scalar', start, 'found unknown escape character');
          this.skip();
          this.skip();
          const length = lengths[escape] ?? 0;
          let value = 0;
          for (let k = 0; k < length; k++) {
            if (!isHexChar(this.ch(k))) this.fail('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
            value = value * 16 + parseInt(this.ch(k)!, 16);
          }
          if (length > 0 && ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)) {
            this.fail('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
          }
          for (let k = 0; k < length; k++) this.skip();
        } else this.skip();
      }
      if (this.ch() === (single ? "'" : '"')) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) this.skip();
        else this.skipLine();
      }
    }
    this.skip();
    this.tokens.push({ type: 'SCALAR', start, end: this.here() });
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const indent = this.indent + 1;
    const start = this.here();
    let end = this.here();
    let leadingBlanks = false;
    for (;;) {
      if (
        this.column === 0 &&
        ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) &&
        this.isBlankZ(3)
      ) {
        break;
      }
      if (this.ch() === '#') break;
      // The scalar ends after its last non-blank character: one mark when the run ends, not one per character.
      let advanced = false;
      while (!this.isBlankZ()) {
        const c = this.ch()!;
        if ((c === ':' && this.isBlankZ(1)) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break;
        leadingBlanks = false;
        this.skip();
        advanced = true;
      }
      if (advanced) end = this.here();
      if (!(this.isBlank() || this.isBreak())) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.column < indent && this.ch() === '\t') {
            this.fail('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          this.skip();
        } else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    this.tokens.push({ type: 'SCALAR', start, end });
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }
}

type State =
  | 'STREAM_START'
  | 'IMPLICIT_DOCUMENT_START'
  | 'DOCUMENT_START'
  | 'DOCUMENT_CONTENT'
  | 'DOCUMENT_END'
  | 'BLOCK_NODE'
  | 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE'
  | 'FLOW_NODE'
  | 'BLOCK_SEQUENCE_FIRST_ENTRY'
  | 'BLOCK_SEQUENCE_ENTRY'
  | 'INDENTLESS_SEQUENCE_ENTRY'
  | 'BLOCK_MAPPING_FIRST_KEY'
  | 'BLOCK_MAPPING_KEY'
  | 'BLOCK_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_FIRST_ENTRY'
  | 'FLOW_SEQUENCE_ENTRY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_END'
  | 'FLOW_MAPPING_FIRST_KEY'
  | 'FLOW_MAPPING_KEY'
  | 'FLOW_MAPPING_VALUE'
  | 'FLOW_MAPPING_EMPTY_VALUE'
  | 'END';

/** libyaml's parser, reduced to its states and errors: each `step` is one event. */
class Parser {
  private state: State = 'STREAM_START';
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private tagHandles = new Set(['!', '!!']);

  private readonly scanner: Scanner;

  constructor(scanner: Scanner) {
    this.scanner = scanner;
  }

  private peek(): Token {
    const s = this.scanner;
    if (!s.tokenAvailable) s.fetchMore();
    return s.tokens[s.parsed]!;
  }

  private skipToken(): void {
    const s = this.scanner;
    const token = s.tokens[s.parsed];
    s.tokenAvailable = false;
    s.parsed++;
    if (token?.type === 'STREAM_END') s.streamEndProduced = true;
  }

  private fail(context: string, contextMark: Mark | undefined, problem: string, problemMark: Mark): never {
    throw new Failure('parser', context, contextMark, problem, problemMark);
  }

  private pop(): void {
    this.state = this.states.pop() ?? 'END';
  }

  /** Runs the whole stream; returns when it ends without error. */
  run(limit: number): void {
    for (let events = 0; this.state !== 'END' && events < limit; events++) this.step();
  }

  private step(): void {
    switch (this.state) {
      case 'STREAM_START': {
        const token = this.peek();
        if (token.type !== 'STREAM_START') this.fail('', undefined, 'did not find expected <stream-start>', token.start);
        this.state = 'IMPLICIT_DOCUMENT_START';
        this.skipToken();
        return;
      }
      case 'IMPLICIT_DOCUMENT_START':
        return this.documentStart(true);
      case 'DOCUMENT_START':
        return this.documentStart(false);
      case 'DOCUMENT_CONTENT': {
        const token = this.peek();
        if (['VERSION_DIRECTIVE', 'TAG_DIRECTIVE', 'DOCUMENT_START', 'DOCUMENT_END', 'STREAM_END'].includes(token.type)) {
          this.pop();
          return;
        }
        return this.node(true, false);
      }
      case 'DOCUMENT_END': {
        const token = this.peek();
        if (token.type === 'DOCUMENT_END') this.skipToken();
        this.tagHandles = new Set(['!', '!!']);
        this.state = 'DOCUMENT_START';
        return;
      }
      case 'BLOCK_NODE':
        return this.node(true, false);
      case 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE':
        return this.node(true, true);
      case 'FLOW_NODE':
        return this.node(false, false);
      case 'BLOCK_SEQUENCE_FIRST_ENTRY':
        return this.blockSequenceEntry(true);
      case 'BLOCK_SEQUENCE_ENTRY':
        return this.blockSequenceEntry(false);
      case 'INDENTLESS_SEQUENCE_ENTRY':
        return this.indentlessSequenceEntry();
      case 'BLOCK_MAPPING_FIRST_KEY':
        return this.blockMappingKey(true);
      case 'BLOCK_MAPPING_KEY':
        return this.blockMappingKey(false);
      case 'BLOCK_MAPPING_VALUE':
        return this.blockMappingValue();
      case 'FLOW_SEQUENCE_FIRST_ENTRY':
        return this.flowSequenceEntry(true);
      case 'FLOW_SEQUENCE_ENTRY':
        return this.flowSequenceEntry(false);
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY': {
        const token = this.peek();
        if (token.type !== 'VALUE' && token.type !== 'FLOW_ENTRY' && token.type !== 'FLOW_SEQUENCE_END') {
          this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_VALUE');
          return this.node(false, false);
        }
        this.skipToken();
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE';
        return;
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE': {
        const token = this.peek();
        if (token.type === 'VALUE') {
          this.skipToken();
          const next = this.peek();
          if (next.type !== 'FLOW_ENTRY' && next.type !== 'FLOW_SEQUENCE_END') {
            this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_END');
            return this.node(false, false);
          }
        }
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_END';
        return;
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_END':
        this.peek();
        this.state = 'FLOW_SEQUENCE_ENTRY';
        return;
      case 'FLOW_MAPPING_FIRST_KEY':
        return this.flowMappingKey(true);
      case 'FLOW_MAPPING_KEY':
        return this.flowMappingKey(false);
      case 'FLOW_MAPPING_VALUE':
        return this.flowMappingValue(false);
      case 'FLOW_MAPPING_EMPTY_VALUE':
        return this.flowMappingValue(true);
      case 'END':
        return;
    }
  }

  private documentStart(implicit: boolean): void {
    let token = this.peek();
    if (!implicit) {
      while (token.type === 'DOCUMENT_END') {
        this.skipToken();
        token = this.peek();
      }
    }
    if (implicit && token.type !== 'VERSION_DIRECTIVE' && token.type !== 'TAG_DIRECTIVE' && token.type !== 'DOCUMENT_START' && token.type !== 'STREAM_END') {
      this.states.push('DOCUMENT_END');
      this.state = 'BLOCK_NODE';
      return;
    }
    if (token.type === 'STREAM_END') {
      this.state = 'END';
      this.skipToken();
      return;
    }
    let versionSeen = false;
    // libyaml's yaml_parser_process_directives: the document's own %TAG handles may not repeat (`!` and `!!`
    // included); the default ones are added after them, duplicates allowed.
    const declared = new Set<string>();
    while (token.type === 'VERSION_DIRECTIVE' || token.type === 'TAG_DIRECTIVE') {
      if (token.type === 'VERSION_DIRECTIVE') {
        if (versionSeen) this.fail('', undefined, 'found duplicate %YAML directive', token.start);
        versionSeen = true;
      } else if (token.handle) {
        if (declared.has(token.handle)) this.fail('', undefined, 'found duplicate %TAG directive', token.start);
        declared.add(token.handle);
        this.tagHandles.add(token.handle);
      }
      this.skipToken();
      token = this.peek();
    }
    if (token.type !== 'DOCUMENT_START') this.fail('', undefined, 'did not find expected <document start>', token.start);
    this.states.push('DOCUMENT_END');
    this.state = 'DOCUMENT_CONTENT';
    this.skipToken();
  }

  private node(block: boolean, indentlessSequence: boolean): void {
    let token = this.peek();
    if (token.type === 'ALIAS') {
      this.pop();
      this.skipToken();
      return;
    }
    let start = token.start;
    let properties = false;
    let tagHandle: string | undefined;
    let tagMark = token.start;
    if (token.type === 'ANCHOR' || token.type === 'TAG') {
      properties = true;
      const first = token.type;
      if (first === 'TAG') {
        tagHandle = token.handle;
        tagMark = token.start;
      }
      start = token.start;
      this.skipToken();
      token = this.peek();
      const second = first === 'ANCHOR' ? 'TAG' : 'ANCHOR';
      if (token.type === second) {
        if (second === 'TAG') {
          tagHandle = token.handle;
          tagMark = token.start;
        }
        this.skipToken();
        token = this.peek();
      }
    }
    if (tagHandle && !this.tagHandles.has(tagHandle)) this.fail('while parsing a node', start, 'found undefined tag handle', tagMark);
    if (indentlessSequence && token.type === 'BLOCK_ENTRY') {
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return;
    }
    if (token.type === 'SCALAR') {
      this.pop();
      this.skipToken();
      return;
    }
    if (token.type === 'FLOW_SEQUENCE_START') {
      this.state = 'FLOW_SEQUENCE_FIRST_ENTRY';
      return;
    }
    if (token.type === 'FLOW_MAPPING_START') {
      this.state = 'FLOW_MAPPING_FIRST_KEY';
      return;
    }
    if (block && token.type === 'BLOCK_SEQUENCE_START') {
      this.state = 'BLOCK_SEQUENCE_FIRST_ENTRY';
      return;
    }
    if (block && token.type === 'BLOCK_MAPPING_START') {
      this.state = 'BLOCK_MAPPING_FIRST_KEY';
      return;
    }
    if (properties) {
      this.pop();
      return;
    }
    this.fail(block ? 'while parsing a block node' : 'while parsing a flow node', start, 'did not find expected node content', token.start);
  }

  private blockSequenceEntry(first: boolean): void {
    if (first) {
      this.marks.push(this.peek().start);
      this.skipToken();
    }
    const token = this.peek();
    if (token.type === 'BLOCK_ENTRY') {
      this.skipToken();
      const next = this.peek();
      if (next.type !== 'BLOCK_ENTRY' && next.type !== 'BLOCK_END') {
        this.states.push('BLOCK_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'BLOCK_SEQUENCE_ENTRY';
      return;
    }
    if (token.type === 'BLOCK_END') {
      this.pop();
      this.marks.pop();
      this.skipToken();
      return;
    }
    this.fail('while parsing a block collection', this.marks.pop(), "did not find expected '-' indicator", token.start);
  }

  private indentlessSequenceEntry(): void {
    const token = this.peek();
    if (token.type === 'BLOCK_ENTRY') {
      this.skipToken();
      const next = this.peek();
      if (next.type !== 'BLOCK_ENTRY' && next.type !== 'KEY' && next.type !== 'VALUE' && next.type !== 'BLOCK_END') {
        this.states.push('INDENTLESS_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return;
    }
    this.pop();
  }

  private blockMappingKey(first: boolean): void {
    if (first) {
      this.marks.push(this.peek().start);
      this.skipToken();
    }
    const token = this.peek();
    if (token.type === 'KEY') {
      this.skipToken();
      const next = this.peek();
      if (next.type !== 'KEY' && next.type !== 'VALUE' && next.type !== 'BLOCK_END') {
        this.states.push('BLOCK_MAPPING_VALUE');
        return this.node(true, true);
      }
      this.state = 'BLOCK_MAPPING_VALUE';
      return;
    }
    if (token.type === 'BLOCK_END') {
      this.pop();
      this.marks.pop();
      this.skipToken();
      return;
    }
    this.fail('while parsing a block mapping', this.marks.pop(), 'did not find expected key', token.start);
  }

  private blockMappingValue(): void {
    const token = this.peek();
    if (token.type === 'VALUE') {
      this.skipToken();
      const next = this.peek();
      if (next.type !== 'KEY' && next.type !== 'VALUE' && next.type !== 'BLOCK_END') {
        this.states.push('BLOCK_MAPPING_KEY');
        return this.node(true, true);
      }
    }
    this.state = 'BLOCK_MAPPING_KEY';
  }

  private flowSequenceEntry(first: boolean): void {
    if (first) {
      this.marks.push(this.peek().start);
      this.skipToken();
    }
    let token = this.peek();
    if (token.type !== 'FLOW_SEQUENCE_END') {
      if (!first) {
        if (token.type === 'FLOW_ENTRY') {
          this.skipToken();
          token = this.peek();
        } else this.fail('while parsing a flow sequence', this.marks.pop(), "did not find expected ',' or ']'", token.start);
      }
      if (token.type === 'KEY') {
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY';
        this.skipToken();
        return;
      }
      if (token.type !== 'FLOW_SEQUENCE_END') {
        this.states.push('FLOW_SEQUENCE_ENTRY');
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skipToken();
  }

  private flowMappingKey(first: boolean): void {
    if (first) {
      this.marks.push(this.peek().start);
      this.skipToken();
    }
    let token = this.peek();
    if (token.type !== 'FLOW_MAPPING_END') {
      if (!first) {
        if (token.type === 'FLOW_ENTRY') {
          this.skipToken();
          token = this.peek();
        } else this.fail('while parsing a flow mapping', this.marks.pop(), "did not find expected ',' or '}'", token.start);
      }
      if (token.type === 'KEY') {
        this.skipToken();
        const next = this.peek();
        if (next.type !== 'VALUE' && next.type !== 'FLOW_ENTRY' && next.type !== 'FLOW_MAPPING_END') {
          this.states.push('FLOW_MAPPING_VALUE');
          return this.node(false, false);
        }
        this.state = 'FLOW_MAPPING_VALUE';
        return;
      }
      if (token.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_EMPTY_VALUE');
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skipToken();
  }

  private flowMappingValue(empty: boolean): void {
    const token = this.peek();
    if (empty) {
      this.state = 'FLOW_MAPPING_KEY';
      return;
    }
    if (token.type === 'VALUE') {
      this.skipToken();
      const next = this.peek();
      if (next.type !== 'FLOW_ENTRY' && next.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_KEY');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW_MAPPING_KEY';
  }
}

/** A character the loop below does not allow (a lone surrogate included, as codePointAt gives it). */
const NOT_ALLOWED_BY_READER = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The offset of the first character go-yaml's reader refuses (a control character), or -1. */
export function firstRefusedCharacter(text: string): number {
  return NOT_ALLOWED_BY_READER.exec(text)?.index ?? -1;
}

/**
 * go-yaml's reader refuses control characters (outside tab, line breaks,
 * printable and non-special Unicode), but only when it decodes the 512-byte
 * chunk that holds one: returns the UTF-16 offset where that chunk starts,
 * or Infinity when the text has none.
 */
function readerStopOffset(text: string): number {
  // The usual text has no such character: one native regular expression scan says so.
  if (!NOT_ALLOWED_BY_READER.test(text)) return Infinity;
  let bytes = 0;
  let chunk = -1;
  let chunkStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (Math.floor(bytes / 512) !== chunk) {
      chunk = Math.floor(bytes / 512);
      chunkStart = i;
    }
    const code = text.codePointAt(i)!;
    const allowed =
      code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0x7e) || code === 0x85 || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    if (!allowed) return chunkStart;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (code >= 0x10000) i++;
  }
  return Infinity;
}

/** Offset of a 0-based line (clamped to the text). */
function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

/**
 * The YAML syntax error go-yaml v3 (so `docker compose config`) reports for
 * this text, or undefined when it parses the text without a syntax error.
 */
export function goYamlError(text: string): GoYamlError | undefined {
  const scanner = new Scanner(text);
  const parser = new Parser(scanner);
  try {
    // Each event consumes at least one token or state; tokens are bounded by the text's length.
    parser.run(8 * text.length + 64);
    return undefined;
  } catch (error) {
    if (!(error instanceof Failure) || error.problem === 'emulation stalled') return undefined;
    // go-yaml's (*parser).fail: the context mark's line if non-zero, else the problem mark's; +1 for scanner errors.
    const named = error.contextMark && error.contextMark.line !== 0 ? error.contextMark : error.problemMark.line !== 0 ? error.problemMark : undefined;
    const line = named ? named.line + (error.kind === 'scanner' ? 1 : 0) : undefined;
    // The offset of the line go-yaml prints (1-based N is the 0-based line N, or the line itself for scanner errors).
    const printedLine = line === undefined ? 0 : line - 1;
    return {
      line,
      problem: error.problem,
      context: error.context,
      kind: error.kind,
      named: named === error.contextMark ? 'context' : 'problem',
      offset: offsetOfLine(text, printedLine),
      problemOffset: Math.min(error.problemMark.offset, text.length),
    };
  }
}
