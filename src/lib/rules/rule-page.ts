import { checkProject } from '../../engine/check.ts';
import { classifyFile } from '../../engine/classify-file.ts';
import type { AnyRule } from '../../engine/rules/catalogue.ts';
import type { CheckOptions, ProjectFile, RuleDocs, RuleKind, RuleValidCase, Severity } from '../../engine/types.ts';
import { applyEdits } from '../../engine/apply-fixes.ts';
import { assertDocumented } from './documentation-check.ts';

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Erreur', warning: 'Avertissement', info: 'Information' };
export const KIND_LABELS: Record<RuleKind, string> = { compose: 'Compose', yaml: 'YAML', nginx: 'nginx', cross: 'Compose ↔ nginx' };

export interface ExampleFile {
  path: string;
  text: string;
  /** A Shiki language id. */
  lang: string;
}

/** A diagnostic of the page's rule, as the engine raised it when the site was built. */
export interface ShownDiagnostic {
  messageId: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface RuleExample {
  name: string | undefined;
  files: ExampleFile[];
  options: CheckOptions | undefined;
  diagnostics: ShownDiagnostic[];
}

export interface FileChange {
  file: string;
  lang: string;
  before: string;
  after: string;
}

export interface QuickFixPreview {
  title: string;
  changes: FileChange[];
}

export interface RulePage {
  id: string;
  kind: RuleKind;
  severity: Severity;
  docs: RuleDocs;
  failing: RuleExample[];
  passing: RuleExample[];
  quickFix: QuickFixPreview | undefined;
}

const EXTENSION_LANGS: Record<string, string> = { sh: 'shell', js: 'javascript', mjs: 'javascript', json: 'json', sql: 'sql', html: 'html' };

/** The Shiki language a project file is highlighted with, from the same classification the engine uses. */
export function codeLanguage(path: string): string {
  const kind = classifyFile(path);
  if (kind === 'compose') return 'yaml';
  if (kind === 'env') return 'dotenv';
  if (kind === 'nginx') return 'nginx';
  const name = path.split('/').pop() ?? path;
  if (name === 'Dockerfile' || name.endsWith('.Dockerfile')) return 'docker';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  return EXTENSION_LANGS[name.split('.').pop() ?? ''] ?? 'plaintext';
}

function projectOf(testCase: RuleValidCase): ProjectFile[] {
  return Object.entries(testCase.files).map(([path, text]) => ({ path, text }));
}

/** One of the rule's own test cases, with what the engine says about it for this rule. */
export function ruleExample(rule: AnyRule, testCase: RuleValidCase): RuleExample {
  const { diagnostics } = checkProject(projectOf(testCase), testCase.options);
  return {
    name: testCase.name,
    files: projectOf(testCase).map((file) => ({ ...file, lang: codeLanguage(file.path) })),
    options: testCase.options,
    diagnostics: diagnostics
      .filter((d) => d.ruleId === rule.id)
      .map((d) => ({ messageId: d.messageId, file: d.file, line: d.range.start.line, column: d.range.start.column, message: d.message })),
  };
}

/** The quick fix the engine offers on the rule's first failing example, applied to its text; undefined when the rule offers none. */
export function quickFixPreview(rule: AnyRule): QuickFixPreview | undefined {
  const testCase = rule.examples.invalid[0];
  if (!testCase) return undefined;
  const fix = checkProject(projectOf(testCase), testCase.options).diagnostics.find((d) => d.ruleId === rule.id && d.fix)?.fix;
  if (!fix) return undefined;
  const files = [...new Set(fix.edits.map((edit) => edit.file))];
  return {
    title: fix.title,
    changes: files.map((file) => {
      const before = testCase.files[file] ?? '';
      return { file, lang: codeLanguage(file), before, after: applyEdits(before, fix.edits.filter((edit) => edit.file === file)) };
    }),
  };
}

/** Everything `/regles/<id>/` shows, computed at build; throws when the rule is not documented. */
export function rulePage(rule: AnyRule): RulePage {
  assertDocumented(rule);
  return {
    id: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    docs: rule.docs,
    failing: rule.examples.invalid.map((testCase) => ruleExample(rule, testCase)),
    passing: rule.examples.valid.map((testCase) => ruleExample(rule, testCase)),
    quickFix: quickFixPreview(rule),
  };
}

export interface ChapterRef {
  slug: string;
  chapter: number;
  title: string;
}

/** The lesson a rule points to; a slug that names no lesson is a broken link, so it stops the build. */
export function resolveChapter(ruleId: string, slug: string | undefined, lessons: readonly ChapterRef[]): ChapterRef | undefined {
  if (slug === undefined) return undefined;
  const lesson = lessons.find((candidate) => candidate.slug === slug);
  if (!lesson) throw new Error(`La règle «\u00a0${ruleId}\u00a0» renvoie au chapitre «\u00a0${slug}\u00a0», qui n’existe pas. ` + `(Rule "${ruleId}": docs.chapter "${slug}" names no lesson.)`);
  return lesson;
}

export interface RuleGroup {
  id: 'compose' | 'nginx' | 'cross';
  title: string;
  intro: string;
  rules: AnyRule[];
}

/** The index's sections, in catalogue order inside each; YAML syntax is part of writing a Compose file. */
export function ruleGroups(rules: readonly AnyRule[]): RuleGroup[] {
  const groups: RuleGroup[] = [
    { id: 'compose', title: 'Compose', intro: 'Le fichier compose.yaml, sa syntaxe YAML et son fichier .env.', rules: [] },
    { id: 'nginx', title: 'nginx', intro: 'Les fichiers de configuration du reverse proxy.', rules: [] },
    { id: 'cross', title: 'Compose ↔ nginx', intro: 'La cohérence entre les services Compose et la configuration nginx.', rules: [] },
  ];
  for (const rule of rules) {
    const id = rule.kind === 'yaml' ? 'compose' : rule.kind;
    groups.find((group) => group.id === id)?.rules.push(rule);
  }
  return groups.filter((group) => group.rules.length > 0);
}

/** The JSON data island a page embeds, so a test can re-run the engine on exactly what the page shows. */
export interface ExamplesIsland {
  ruleId: string;
  failing: { files: Record<string, string>; options: CheckOptions | undefined; diagnostics: Omit<ShownDiagnostic, 'message'>[] }[];
  passing: { files: Record<string, string>; options: CheckOptions | undefined }[];
}

export function examplesIsland(page: RulePage): ExamplesIsland {
  const filesOf = (example: RuleExample): Record<string, string> => Object.fromEntries(example.files.map((file) => [file.path, file.text]));
  return {
    ruleId: page.id,
    failing: page.failing.map((example) => ({
      files: filesOf(example),
      options: example.options,
      diagnostics: example.diagnostics.map((d) => ({ messageId: d.messageId, file: d.file, line: d.line, column: d.column })),
    })),
    passing: page.passing.map((example) => ({ files: filesOf(example), options: example.options })),
  };
}

/** JSON safe inside `<script type="application/json">`: no `</script>` can close the element early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** French notes on the check options an example runs with, so the page says why the same text may pass elsewhere. */
export function optionNotes(options: CheckOptions | undefined): string[] {
  if (!options) return [];
  const notes: string[] = [];
  if (options.production) notes.push('Vérifié comme un déploiement de production.');
  if (options.partial) notes.push('Vérifié comme un extrait de projet (les fichiers absents ne sont pas signalés).');
  if (options.swarm) notes.push('Vérifié comme une stack pour docker stack deploy (Docker Swarm).');
  const variables = Object.entries(options.environment ?? {});
  if (variables.length > 0) notes.push(`Variables du shell\u00a0: ${variables.map(([name, value]) => `${name}=${value}`).join(', ')}.`);
  return notes;
}

/** The h3 of an example: numbered when its section shows several, else its test name if it has one. */
export function exampleHeading(index: number, count: number, name: string | undefined): string | undefined {
  if (count <= 1) return name;
  return name ? `Exemple ${index + 1}\u00a0: ${name}` : `Exemple ${index + 1}`;
}
