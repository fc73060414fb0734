import type { Diagnostic, Severity } from '../engine/types.ts';

const SEVERITY_FR: Record<Severity, string> = {
  error: 'erreur',
  warning: 'avertissement',
  info: 'info',
};

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

/** Link to a rule's page in the deployed course, e.g. `https://exemple.fr/formation/regles/no-version-key/`. */
export function ruleUrl(docsBase: string, ruleId: string): string {
  return `${docsBase.endsWith('/') ? docsBase : `${docsBase}/`}regles/${ruleId}/`;
}

/** One line per diagnostic, `file:line:col severity rule message`, as compilers print them, then a French summary. */
export function formatText(diagnostics: readonly Diagnostic[], docsBase: string): string {
  const lines = diagnostics.map(
    (d) =>
      `${d.file}:${d.range.start.line}:${d.range.start.column} ${SEVERITY_FR[d.severity]} ${d.ruleId} ${d.message}\n    → ${ruleUrl(docsBase, d.ruleId)}`,
  );
  const count = (severity: Severity): number => diagnostics.filter((d) => d.severity === severity).length;
  const summary =
    diagnostics.length === 0
      ? 'Aucun problème trouvé.'
      : [
          plural(count('error'), 'erreur', 'erreurs'),
          plural(count('warning'), 'avertissement', 'avertissements'),
          plural(count('info'), 'information', 'informations'),
        ].join(', ') + '.';
  return [...lines, summary].join('\n') + '\n';
}
