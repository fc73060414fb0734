import type { Diagnostic, Severity } from '../engine/types.ts';
import { escapeControls } from './escape.ts';

const SEVERITY_FR: Record<Severity, string> = {
  error: 'erreur',
  warning: 'avertissement',
  info: 'info',
};

/** ANSI SGR codes, used only when colours are on. */
const COLOUR: Record<Severity | 'dim' | 'bold', string> = { error: '31', warning: '33', info: '36', dim: '2', bold: '1' };

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

/** Link to a rule's page in the deployed course, e.g. `https://exemple.fr/formation/regles/no-version-key/`. */
export function ruleUrl(docsBase: string, ruleId: string): string {
  return `${docsBase.endsWith('/') ? docsBase : `${docsBase}/`}regles/${ruleId}/`;
}

export interface TextOptions {
  docsBase: string;
  colours: boolean;
  /** Notes printed before the summary (services left out by the profiles…). */
  notes?: string[];
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/**
 * One line per diagnostic, `file:line:col severity rule message`, as
 * compilers print them, the rule's page below it, then a French summary.
 * Everything that comes from the files is escaped (see escape.ts).
 */
export function formatText(diagnostics: readonly Diagnostic[], options: TextOptions): string {
  const paint = (style: keyof typeof COLOUR, text: string): string => (options.colours ? `\u001b[${COLOUR[style]}m${text}\u001b[0m` : text);
  const lines = diagnostics.map(
    (d) =>
      `${paint('bold', `${escapeControls(d.file)}:${d.range.start.line}:${d.range.start.column}`)} ${paint(d.severity, SEVERITY_FR[d.severity])} ${paint('dim', d.ruleId)} ${escapeControls(d.message)}\n    ${paint('dim', `→ ${ruleUrl(options.docsBase, d.ruleId)}`)}`,
  );
  const counts = countBySeverity(diagnostics);
  const summary =
    diagnostics.length === 0
      ? 'Aucun problème trouvé.'
      : [
          plural(counts.error, 'erreur', 'erreurs'),
          plural(counts.warning, 'avertissement', 'avertissements'),
          plural(counts.info, 'information', 'informations'),
        ].join(', ') + '.';
  const notes = (options.notes ?? []).map((note) => paint('dim', escapeControls(note)));
  return [...lines, ...notes, counts.error > 0 ? paint('error', summary) : summary].join('\n') + '\n';
}
