import { classifyFile, composeFileOrder } from './classify-file.ts';
import { createComposeContext, type ComposeContext } from './compose/context.ts';
import { createNginxContext, type NginxContext } from './nginx/context.ts';
import type { CrossContext } from './cross/context.ts';
import { formatMessage } from './format-message.ts';
import { mountTargetOf, projectDirectory } from './cross/nginx-services.ts';
import { catalogue, type AnyRule } from './rules/catalogue.ts';
import { applyDisableDirectives, findDisableDirectives } from './suppressions.ts';
import type { CheckOptions, Diagnostic, ProjectFile, ReportDescriptor } from './types.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The merged compose model, when the project has at least one compose file. */
  compose: ComposeContext | undefined;
  /** One parsed nginx file per nginx config of the project. */
  nginx: NginxContext[];
}

const INTERNAL_ERROR_ID = 'internal-error';
const knownRuleIds: ReadonlySet<string> = new Set(catalogue.map((rule) => rule.id));

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
  const byPath = new Map(files.map((f) => [f.path, f]));
  const named = (paths: readonly string[]): ProjectFile[] => paths.flatMap((path) => byPath.get(path) ?? []);
  const composeFiles = options.composeFiles
    ? named(options.composeFiles)
    : files.filter((f) => classifyFile(f.path) === 'compose').sort((a, b) => composeFileOrder(a.path, b.path));
  const envFiles = options.envFiles ? named(options.envFiles) : files.filter((f) => classifyFile(f.path) === 'env').slice(0, 1);
  const taken = new Set([...composeFiles, ...envFiles]);
  const nginxFiles = files.filter((f) => classifyFile(f.path) === 'nginx' && !taken.has(f));

  const compose = composeFiles.length > 0 ? createComposeContext(composeFiles, envFiles, options) : undefined;
  // An nginx file is read in the context of where Compose mounts it.
  const base = projectDirectory({ compose, options });
  const nginx = nginxFiles.map((file) => createNginxContext(file, nginxFiles, compose && mountTargetOf(compose.model, base, file.path)?.containerPath));
  for (const context of nginx) context.siblings = nginx;
  const disableDirectives = files.flatMap(findDisableDirectives);
  const cross: CrossContext = { compose, nginx, files, options, disableDirectives, knownRuleIds };

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

  const kept = applyDisableDirectives(diagnostics, disableDirectives);
  kept.sort(byPosition);
  return { diagnostics: kept, compose, nginx };
}
