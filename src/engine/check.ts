import { classifyFile, composeFileOrder } from './classify-file.ts';
import { createComposeContext, type ComposeContext } from './compose/context.ts';
import { createNginxContext, type NginxContext } from './nginx/context.ts';
import { includedProjectFiles } from './nginx/included-files.ts';
import type { CrossContext } from './cross/context.ts';
import { formatMessage, frenchNumber } from './format-message.ts';
import { isNginxConfigTarget, mountTargetOf, projectDirectory } from './cross/nginx-services.ts';
import { MAX_DIAGNOSTICS_PER_RULE_AND_FILE, MAX_MESSAGE_LENGTH, MAX_QUOTED_LENGTH, shorten } from './limits.ts';
import { catalogue, type AnyRule } from './rules/catalogue.ts';
import { applyDisableDirectives, findDisableDirectives } from './suppressions.ts';
import type { CheckOptions, Diagnostic, MessageData, ProjectFile, ReportDescriptor } from './types.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The merged compose model, when the project has at least one compose file. */
  compose: ComposeContext | undefined;
  /** One parsed nginx file per nginx config of the project. */
  nginx: NginxContext[];
}

const INTERNAL_ERROR_ID = 'internal-error';
const knownRuleIds: ReadonlySet<string> = new Set(catalogue.map((rule) => rule.id));
const NBSP = '\u00a0';
/** The messageId of the one diagnostic that counts what a rule reported past the bound in a file. */
export const TRUNCATED_MESSAGE_ID = 'more-diagnostics';

function internalError(where: string, file: string, error: unknown): Diagnostic {
  return {
    ruleId: INTERNAL_ERROR_ID,
    messageId: 'crashed',
    severity: 'error',
    message: `Erreur interne de l’atelier ${where}${NBSP}: votre fichier n’y est pour rien, signalez-nous ce cas.`,
    file,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    docs: shorten(String(error), MAX_MESSAGE_LENGTH),
  };
}

/** Values quoted in a message (a key, a variable's text) are shortened, so a message stays a few hundred characters. */
function shortData(data: MessageData | undefined): MessageData | undefined {
  if (!data) return undefined;
  const out: MessageData = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? shorten(value, MAX_QUOTED_LENGTH) : value;
  return out;
}

/** localeCompare only when the names differ: its first call loads ICU's collation data, milliseconds a one-file check need not pay. */
function compareNames(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    compareNames(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareNames(a.ruleId, b.ruleId)
  );
}

/** Work a caller has already done on the same files and options, so it is not done twice. */
export interface Prepared {
  /**
   * `createComposeContext` of this project's compose and env files with these
   * very options (the CLI builds it to find the nginx files a service
   * mounts). Ignored unless it was built from the same file objects and options object.
   */
  compose?: ComposeContext | undefined;
}

/** Whether `compose` was built from exactly these inputs (the same objects), so reading them again would give it back. */
function builtFrom(compose: ComposeContext, composeFiles: readonly ProjectFile[], envFiles: readonly ProjectFile[], options: CheckOptions): boolean {
  const same = (a: readonly ProjectFile[], b: readonly ProjectFile[]): boolean => a.length === b.length && a.every((file, i) => file === b[i]);
  return compose.options === options && same(compose.files, composeFiles) && same(compose.envFiles.map((e) => e.file), envFiles);
}

/**
 * The engine's single entry point: any project in, a result out. It never
 * throws: an exception inside a rule is our bug, reported as a diagnostic so
 * the learner's page keeps working and the bug stays visible.
 */
export function checkProject(files: readonly ProjectFile[], options: CheckOptions = {}, prepared: Prepared = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const named = (paths: readonly string[]): ProjectFile[] => paths.flatMap((path) => byPath.get(path) ?? []);
  const composeFiles = options.composeFiles
    ? named(options.composeFiles)
    : files.filter((f) => classifyFile(f.path) === 'compose').sort((a, b) => composeFileOrder(a.path, b.path));
  const envFiles = options.envFiles ? named(options.envFiles) : files.filter((f) => classifyFile(f.path) === 'env').slice(0, 1);
  const taken = new Set([...composeFiles, ...envFiles]);
  const nginxFiles = files.filter((f) => classifyFile(f.path) === 'nginx' && !taken.has(f));

  const attempt = <T>(build: () => T, where: string, file: string): T | undefined => {
    try {
      return build();
    } catch (error) {
      diagnostics.push(internalError(where, file, error));
      return undefined;
    }
  };
  const reusable = prepared.compose && builtFrom(prepared.compose, composeFiles, envFiles, options) ? prepared.compose : undefined;
  const compose =
    composeFiles.length === 0 ? undefined : (reusable ?? attempt(() => createComposeContext(composeFiles, envFiles, options), 'en lisant les fichiers compose', composeFiles[0]!.path));
  // An nginx file is read in the context of where Compose mounts it.
  const base = projectDirectory({ compose, options });
  // A file Compose mounts as nginx configuration is one, whatever its name (`./nginx/site:/etc/nginx/conf.d/default.conf`).
  if (compose) {
    for (const file of files) {
      if (!taken.has(file) && classifyFile(file.path) === 'other' && isNginxConfigTarget(mountTargetOf(compose.model, base, file.path)?.containerPath)) nginxFiles.push(file);
    }
  }
  const nginx = nginxFiles.flatMap(
    (file) => attempt(() => createNginxContext(file, nginxFiles, compose && mountTargetOf(compose.model, base, file.path)?.containerPath), 'en lisant ce fichier nginx', file.path) ?? [],
  );
  // A file an nginx file includes is read by nginx whatever its name: the engine reads it too (once), and what it includes in turn.
  for (let i = 0; i < nginx.length; i++) {
    for (const file of includedProjectFiles(nginx[i]!, files)) {
      if (taken.has(file) || nginxFiles.includes(file) || classifyFile(file.path) !== 'other') continue;
      nginxFiles.push(file);
      const context = attempt(() => createNginxContext(file, nginxFiles, undefined, true), 'en lisant ce fichier nginx', file.path);
      if (context) nginx.push(context);
    }
  }
  for (const context of nginx) context.siblings = nginx;
  const disableDirectives = files.flatMap(findDisableDirectives);
  const cross: CrossContext = { compose, nginx, files, options, disableDirectives, knownRuleIds };

  // Diagnostics kept per rule and file; past the bound they are only counted (issue #14: 150 KB of `;` gave 150,000).
  interface Tally {
    kept: number;
    more: Summary | undefined;
  }
  interface Summary {
    rule: AnyRule;
    file: string;
    count: number;
    first: Diagnostic['range'];
  }
  const summaries: Summary[] = [];
  const tallies = new Map<AnyRule, Map<string, Tally>>();
  const run = <C>(rule: AnyRule, context: C, fallbackFile: string): void => {
    let perFile = tallies.get(rule);
    if (!perFile) tallies.set(rule, (perFile = new Map()));
    const byFile = perFile;
    const report = (d: ReportDescriptor): void => {
      let tally = byFile.get(d.file);
      if (!tally) byFile.set(d.file, (tally = { kept: 0, more: undefined }));
      if (tally.kept >= MAX_DIAGNOSTICS_PER_RULE_AND_FILE) {
        if (tally.more) tally.more.count++;
        else summaries.push((tally.more = { rule, file: d.file, count: 1, first: d.range }));
        return;
      }
      tally.kept++;
      const template = rule.messages[d.messageId];
      const data = shortData(d.data);
      diagnostics.push({
        ruleId: rule.id,
        messageId: d.messageId,
        severity: d.severity ?? rule.severity,
        message: shorten(template === undefined ? d.messageId : formatMessage(template, data), MAX_MESSAGE_LENGTH),
        file: d.file,
        range: d.range,
        docs: rule.docs.title,
        ...(d.fix ? { fix: d.fix } : {}),
        ...(data ? { data } : {}),
      });
    };
    try {
      (rule.check as (context: C, report: (d: ReportDescriptor) => void) => void)(context, report);
    } catch (error) {
      diagnostics.push(internalError(`dans la règle «${NBSP}${rule.id}${NBSP}»`, fallbackFile, error));
    }
  };

  for (const rule of catalogue) {
    if ((rule.kind === 'yaml' || rule.kind === 'compose') && compose) run(rule, compose, composeFiles[0]!.path);
    else if (rule.kind === 'nginx') for (const context of nginx) run(rule, context, context.file.path);
    else if (rule.kind === 'cross') run(rule, cross, files[0]?.path ?? 'compose.yaml');
  }

  for (const { rule, file, count, first } of summaries) {
    diagnostics.push({
      ruleId: rule.id,
      messageId: TRUNCATED_MESSAGE_ID,
      severity: 'info',
      message: `Et ${frenchNumber(count)} autre${count > 1 ? 's' : ''} problème${count > 1 ? 's' : ''} de ce type dans ce fichier, à partir d’ici${NBSP}: l’atelier n’en affiche que ${MAX_DIAGNOSTICS_PER_RULE_AND_FILE} par règle. Corrigez les premiers, les suivants apparaîtront.`,
      file,
      range: first,
      docs: rule.docs.title,
      data: { count, max: MAX_DIAGNOSTICS_PER_RULE_AND_FILE },
    });
  }

  const kept = applyDisableDirectives(diagnostics, disableDirectives);
  kept.sort(byPosition);
  return { diagnostics: kept, compose, nginx };
}
