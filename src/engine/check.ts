import { classifyFile, composeFileOrder } from './classify-file.ts';
import { createComposeContext, type ComposeContext } from './compose/context.ts';
import { createNginxContext, type NginxContext } from './nginx/context.ts';
import type { CrossContext } from './cross/context.ts';
import { formatMessage } from './format-message.ts';
import { catalogue, type AnyRule } from './rules/catalogue.ts';
import type { CheckOptions, Diagnostic, ProjectFile, ReportDescriptor } from './types.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The merged compose model, when the project has at least one compose file. */
  compose: ComposeContext | undefined;
  /** One parsed nginx file per nginx config of the project. */
  nginx: NginxContext[];
}

const INTERNAL_ERROR_ID = 'internal-error';

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * The engine's single entry point: any project in, a result out. It never
 * throws: an exception inside a rule is our bug, reported as a diagnostic so
 * the learner's page keeps working and the bug stays visible.
 */
export function checkProject(files: readonly ProjectFile[], options: CheckOptions = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const composeFiles = files.filter((f) => classifyFile(f.path) === 'compose').sort((a, b) => composeFileOrder(a.path, b.path));
  const envFile = files.find((f) => classifyFile(f.path) === 'env');
  const nginxFiles = files.filter((f) => classifyFile(f.path) === 'nginx');

  const compose = composeFiles.length > 0 ? createComposeContext(composeFiles, envFile, options) : undefined;
  const nginx = nginxFiles.map((file) => createNginxContext(file, nginxFiles));
  for (const context of nginx) context.siblings = nginx;
  const cross: CrossContext = { compose, nginx, files, options };

  const run = <C>(rule: AnyRule, context: C, fallbackFile: string): void => {
    const report = (d: ReportDescriptor): void => {
      const template = rule.messages[d.messageId];
      diagnostics.push({
        ruleId: rule.id,
        messageId: d.messageId,
        severity: d.severity ?? rule.severity,
        message: template === undefined ? d.messageId : formatMessage(template, d.data),
        file: d.file,
        range: d.range,
        docs: rule.docs.title,
        ...(d.fix ? { fix: d.fix } : {}),
        ...(d.data ? { data: d.data } : {}),
      });
    };
    try {
      (rule.check as (context: C, report: (d: ReportDescriptor) => void) => void)(context, report);
    } catch (error) {
      diagnostics.push({
        ruleId: INTERNAL_ERROR_ID,
        messageId: 'crashed',
        severity: 'error',
        message: `Erreur interne de l'atelier dans la règle « ${rule.id} » : votre fichier n'y est pour rien, signalez-nous ce cas.`,
        file: fallbackFile,
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        docs: String(error),
      });
    }
  };

  for (const rule of catalogue) {
    if ((rule.kind === 'yaml' || rule.kind === 'compose') && compose) run(rule, compose, composeFiles[0]!.path);
    else if (rule.kind === 'nginx') for (const context of nginx) run(rule, context, context.file.path);
    else if (rule.kind === 'cross') run(rule, cross, files[0]?.path ?? 'compose.yaml');
  }

  diagnostics.sort(byPosition);
  return { diagnostics, compose, nginx };
}
