// `# atelier-compose-disable-next-line <rule>[, <rule>]`, ESLint's
// `eslint-disable-next-line` for the files this engine reads: YAML, `.env`
// and nginx all use `#` comments. Read from the text of every project file,
// so the CLI and the site's workshop honour the same comments.
import type { Diagnostic, ProjectFile, Range } from './types.ts';

export const DISABLE_NEXT_LINE = 'atelier-compose-disable-next-line';

export interface DisabledRule {
  id: string;
  range: Range;
}

export interface DisableDirective {
  file: string;
  /** 1-based line of the comment; it silences line + 1. */
  line: number;
  /** The whole comment, for a diagnostic about the directive itself. */
  range: Range;
  rules: DisabledRule[];
}

/**
 * Every directive of a file, in order. A directive is a comment alone on its
 * line (`#`, then the keyword); the rule ids follow, separated by commas, and
 * an optional ` -- reason` ends the list, as in ESLint. Linear in the text:
 * only the lines holding the keyword are looked at.
 */
export function findDisableDirectives(file: ProjectFile): DisableDirective[] {
  const text = file.text;
  const found: DisableDirective[] = [];
  let line = 1;
  let counted = 0;
  for (let at = text.indexOf(DISABLE_NEXT_LINE); at !== -1; at = text.indexOf(DISABLE_NEXT_LINE, at + DISABLE_NEXT_LINE.length)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      counted = i + 1;
    }
    const lineStart = counted;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    const before = text.slice(lineStart, at);
    if (!/^[ \t]*#[ \t]*$/.test(before)) continue;
    const afterKeyword = at + DISABLE_NEXT_LINE.length;
    const rest = text.slice(afterKeyword, lineEnd).replace(/\r$/, '');
    // The keyword must end there (not `…-disable-next-lines`).
    if (rest !== '' && !/^[ \t]/.test(rest)) continue;
    const reason = rest.search(/[ \t]--[ \t]|[ \t]--$/);
    const list = reason === -1 ? rest : rest.slice(0, reason);
    const rules: DisabledRule[] = [];
    for (const match of list.matchAll(/[^,\s]+/g)) {
      const column = afterKeyword - lineStart + match.index + 1;
      rules.push({ id: match[0], range: { start: { line, column }, end: { line, column: column + match[0].length } } });
    }
    const hash = before.indexOf('#') + 1;
    found.push({ file: file.path, line, range: { start: { line, column: hash }, end: { line, column: lineEnd - lineStart + 1 } }, rules });
  }
  return found;
}

/** The diagnostics no directive silences: a directive drops those of the rules it names on the line right below it. */
export function applyDisableDirectives(diagnostics: readonly Diagnostic[], directives: readonly DisableDirective[]): Diagnostic[] {
  if (directives.length === 0) return [...diagnostics];
  const silenced = new Set<string>();
  for (const directive of directives) for (const rule of directive.rules) silenced.add(`${directive.file}\n${directive.line + 1}\n${rule.id}`);
  return diagnostics.filter((d) => !silenced.has(`${d.file}\n${d.range.start.line}\n${d.ruleId}`));
}
