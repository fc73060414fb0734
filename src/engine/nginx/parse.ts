// Builds the nginx model from the reader's statements, the way
// `ngx_conf_parse` walks them, but without stopping at the first error: the
// learner sees every problem, and the rules still get a tree to read.
import type { NginxBlock, NginxConfig, NginxDirective, NginxNode, NginxParseError, NginxWord } from './ast.ts';
import { NginxReader, type Statement } from './tokenize.ts';
import type { Range } from '../types.ts';
import { MAX_NGINX_DEPTH, MAX_NGINX_ERRORS } from '../limits.ts';

/**
 * Blocks whose body nginx hands to a custom handler instead of the directive
 * table (`cf->handler` in ngx_conf_file.c): their lines are entries.
 */
export const GENERIC_BLOCKS: ReadonlySet<string> = new Set(['map', 'types', 'geo', 'split_clients', 'match', 'charset_map']);

function nodeRange(words: NginxWord[], endRange: Range | undefined): Range {
  const first = words[0]!.range.start;
  const last = endRange ?? words[words.length - 1]!.range;
  return { start: first, end: last.end };
}

/** Total: any text gives a tree plus the parse errors nginx would report. */
export function parseNginx(text: string): NginxConfig {
  const reader = new NginxReader(text);
  const errors: NginxParseError[] = [];
  let moreErrors = 0;
  const addError = (error: NginxParseError): void => {
    if (errors.length < MAX_NGINX_ERRORS) errors.push(error);
    else moreErrors++;
  };
  const root: NginxNode[] = [];
  const stack: NginxBlock[] = [];
  // Blocks opened past MAX_NGINX_DEPTH or without a name: not built (500 KB of `{` built 500,000 nested blocks), only matched.
  let skipped = 0;
  const children = (): NginxNode[] => stack[stack.length - 1]?.children ?? root;

  const addDirective = (statement: Statement, terminated: boolean): void => {
    const [name, ...args] = statement.words;
    if (!name) return;
    const terminatorRange = terminated ? statement.end.range : undefined;
    const directive: NginxDirective = {
      kind: 'directive',
      name: name.value,
      nameRange: name.range,
      args,
      range: nodeRange(statement.words, terminatorRange),
      terminated,
      terminatorRange,
    };
    children().push(directive);
  };

  for (;;) {
    const statement = reader.read();
    if (statement.error) addError(statement.error);
    const { end, words } = statement;

    if (skipped > 0 && end.kind !== 'eof') {
      if (end.kind === '{') skipped++;
      else if (end.kind === '}') skipped--;
      continue;
    }
    if (end.kind === ';') {
      addDirective(statement, true);
      continue;
    }
    if (end.kind === '{' && stack.length >= MAX_NGINX_DEPTH) {
      skipped = 1;
      addError({ code: 'too-deep', range: end.range });
      continue;
    }
    if (end.kind === '{' && words.length === 0) {
      // `{` without a directive name: the reader reported it, nginx stops there; a block
      // without a name would only cost memory (`{}` × 250,000 took 300 MB).
      skipped = 1;
      continue;
    }
    if (end.kind === '{') {
      const parent = stack[stack.length - 1];
      const [name, ...args] = words;
      const insideGeneric = parent?.generic === true;
      if (insideGeneric && !statement.error) addError({ code: 'unexpected-character', character: '{', range: end.range });
      const block: NginxBlock = {
        kind: 'block',
        name: name?.value ?? '',
        nameRange: name?.range ?? end.range,
        args,
        range: { start: name?.range.start ?? end.range.start, end: end.range.end },
        children: [],
        openRange: end.range,
        closeRange: undefined,
        generic: insideGeneric || GENERIC_BLOCKS.has(name?.value ?? ''),
      };
      children().push(block);
      stack.push(block);
      continue;
    }
    if (end.kind === '}') {
      // Pending words before `}`: the reader already reported the missing `;`.
      if (words.length > 0) addDirective(statement, false);
      const block = stack.pop();
      if (block) {
        block.closeRange = end.range;
        block.range = { start: block.range.start, end: end.range.end };
      } else if (words.length === 0) {
        addError({ code: 'unexpected-close-brace', range: end.range });
      }
      continue;
    }
    // End of file.
    if (words.length > 0) addDirective(statement, false);
    const open = stack[0];
    if (open && !statement.error) addError({ code: 'unexpected-eof-expecting-brace', range: end.range });
    for (const block of stack) block.range = { start: block.range.start, end: end.range.end };
    return { kind: 'config', children: root, errors, moreErrors, comments: reader.comments };
  }
}
