import type { Diagnostic, Severity } from '../../engine/types.ts';
import { listProblems } from '../../lib/editor-session/problem-order.ts';
import { inlineCode } from './inline-code.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Erreur', warning: 'Avertissement', info: 'Information' };
const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;
}

/** The French line announced to screen readers and shown above the list. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'Aucun problème détecté.';
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  const count = (severity: Severity): number => counts[severity];
  const parts = [
    count('error') > 0 ? plural(count('error'), 'erreur', 'erreurs') : '',
    count('warning') > 0 ? plural(count('warning'), 'avertissement', 'avertissements') : '',
    count('info') > 0 ? plural(count('info'), 'information', 'informations') : '',
  ].filter((part) => part !== '');
  const last = parts.pop() ?? '';
  return `${parts.length > 0 ? `${parts.join(', ')} et ${last}` : last}.`;
}

/** `base` is Astro's `import.meta.env.BASE_URL`, which may or may not end with a slash. */
export function ruleHref(base: string, ruleId: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}regles/${encodeURIComponent(ruleId)}/`;
}

export function location(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.range.start.line}`;
}

export function hiddenLine(hidden: number): string {
  const count = hidden.toLocaleString('fr-FR');
  return hidden > 1
    ? `… et ${count}\u00a0autres problèmes, non affichés\u00a0: corrigez d’abord ceux-ci, la liste se met à jour.`
    : `… et 1\u00a0autre problème, non affiché\u00a0: corrigez d’abord ceux-ci, la liste se met à jour.`;
}

/**
 * Renders the list under the editor, in `listProblems`' order (`files`: the
 * tabs' order). Each entry is a card: a button (keyboard reachable) that
 * selects the problem in the editor, and the link to the rule's page. Built
 * with DOM calls, never innerHTML: messages quote the learner's text.
 */
export function renderDiagnosticList(
  list: HTMLElement,
  diagnostics: readonly Diagnostic[],
  files: readonly string[],
  base: string,
  onSelect: (diagnostic: Diagnostic) => void,
): void {
  const { shown, hidden } = listProblems(diagnostics, files);
  const items = shown.map((diagnostic) => {
    const item = document.createElement('li');
    item.className = `diagnostic diagnostic-${diagnostic.severity}`;
    item.dataset['ruleId'] = diagnostic.ruleId;
    item.dataset['file'] = diagnostic.file;
    item.dataset['line'] = String(diagnostic.range.start.line);
    item.dataset['column'] = String(diagnostic.range.start.column);

    const jump = document.createElement('button');
    jump.type = 'button';
    jump.className = 'diagnostic-jump';
    const icon = document.createElement('span');
    icon.className = 'diagnostic-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = SEVERITY_ICON[diagnostic.severity];
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = `${SEVERITY_LABEL[diagnostic.severity]}\u00a0: `;
    const message = document.createElement('span');
    message.className = 'diagnostic-message';
    // Engine messages quote code between backticks, as the lesson labels do.
    message.append(
      ...inlineCode(diagnostic.message).map((part) => {
        if (!part.code) return document.createTextNode(part.text);
        const code = document.createElement('code');
        code.textContent = part.text;
        return code;
      }),
    );
    const where = document.createElement('span');
    where.className = 'diagnostic-location';
    where.textContent = location(diagnostic);
    jump.append(icon, label, message, ' ', where);
    jump.addEventListener('click', () => onSelect(diagnostic));

    const rule = document.createElement('a');
    rule.className = 'diagnostic-rule';
    rule.href = ruleHref(base, diagnostic.ruleId);
    rule.textContent = diagnostic.ruleId;
    rule.title = diagnostic.docs;

    item.append(jump, rule);
    return item;
  });
  if (hidden > 0) {
    const more = document.createElement('li');
    more.className = 'diagnostic-more';
    more.dataset['hidden'] = String(hidden);
    more.textContent = hiddenLine(hidden);
    items.push(more);
  }
  list.replaceChildren(...items);
}
