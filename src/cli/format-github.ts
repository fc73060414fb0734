// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`
// becomes an annotation on the pull request's diff. Escaping as the runner
// decodes it (actions/toolkit, packages/core/src/command.ts): `%`, CR and LF
// everywhere, plus `:` and `,` in properties, so file content can neither end
// the command early nor start a new one.
import type { Diagnostic, Severity } from '../engine/types.ts';
import { escapeControls } from './escape.ts';
import { ruleUrl } from './format-text.ts';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[], docsBase: string): string {
  return diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(escapeControls(d.file))}`,
        `line=${d.range.start.line}`,
        `col=${d.range.start.column}`,
        `endLine=${Math.max(d.range.end.line, d.range.start.line)}`,
        `endColumn=${d.range.end.column}`,
        `title=${escapeProperty(`${d.ruleId} : ${d.docs}`)}`,
      ].join(',');
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(`${escapeControls(d.message)}\n${ruleUrl(docsBase, d.ruleId)}`)}\n`;
    })
    .join('');
}
