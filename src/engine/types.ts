// The engine's public data model. Every layer (YAML syntax, schema, compose
// semantics, nginx, cross-file) speaks in these types, so the editor, the CLI,
// the lesson objectives and the stack tests never special-case a layer.

export type Severity = 'error' | 'warning' | 'info';

/** 1-based, as nginx, docker compose and editors count. */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive (the column just after the last character). */
export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  file: string;
  range: Range;
  text: string;
}

export interface Fix {
  /** French label shown as a quick fix ("Supprimer la clé `version`"). */
  title: string;
  edits: TextEdit[];
}

export type MessageData = Record<string, string | number>;

export interface Diagnostic {
  ruleId: string;
  messageId: string;
  severity: Severity;
  /** French, already formatted from the rule's message template. */
  message: string;
  file: string;
  range: Range;
  /** The rule's French one-line title; its full page lives at /regles/<ruleId>/. */
  docs: string;
  fix?: Fix;
  data?: MessageData;
}

export interface ProjectFile {
  /** Project-relative POSIX path: `compose.yaml`, `.env`, `nginx/conf.d/api.conf`. */
  path: string;
  text: string;
}

export type FileKind = 'compose' | 'env' | 'nginx' | 'other';

export interface CheckOptions {
  /**
   * Treat the compose files as a production deployment (enables the rules on
   * restart policies and log rotation). Defaults to true when a compose file
   * name contains `prod`.
   */
  production?: boolean;
  /** Variables from the shell, as `docker compose` would see them; they win over `.env`. */
  environment?: Record<string, string>;
  /**
   * The files are an excerpt of a larger project (a lesson's exercise files):
   * rules that need every file of the project, such as "this mounted file is
   * missing", stay silent.
   */
  partial?: boolean;
  /**
   * Active Compose profiles (`--profile`, `COMPOSE_PROFILES`). When given, a
   * service whose `profiles:` names none of them (and `*` is not among them)
   * is left out of the model as `docker compose` leaves it out; an empty list
   * means no profile is active. Undefined keeps every service, for the
   * workshop, where a learner edits every service of the file.
   */
  profiles?: string[];
  /**
   * Compose's project directory as a project path (`--project-directory`):
   * relative paths of the compose files (bind mounts, build contexts) resolve
   * against it. Defaults to the first compose file's folder, as Compose does.
   */
  projectDirectory?: string;
  /**
   * The project files to read as env files (`--env-file`, repeatable), in
   * order: a later file wins over an earlier one, the shell wins over all.
   * Defaults to the project's `.env`.
   */
  envFiles?: string[];
  /**
   * The project files to read as compose files, in merge order (`-f`,
   * repeatable, whatever their names). Defaults to the files named as Compose
   * names them, the base file first.
   */
  composeFiles?: string[];
  /**
   * The compose files are for `docker stack deploy` (Docker Swarm): the Swarm
   * rules run and the Swarm loader's schema replaces the Compose
   * Specification's. Defaults to true for a stack file name (`stack.yaml`,
   * `docker-stack.yml`) or a file with the `x-atelier: { cible: swarm }` marker.
   */
  swarm?: boolean;
}

export type RuleKind = 'yaml' | 'compose' | 'nginx' | 'cross';

export interface RuleDocs {
  /** French title, short ("La clé `version` est obsolète"). */
  title: string;
  /** What the rule detects. French. */
  what: string;
  /** Why it matters. French. */
  why: string;
  /** How to fix it, with today's correct practice. French. */
  howToFix: string;
  /** Slug of the chapter that teaches it (`03-structure-du-fichier`), if any. */
  chapter?: string;
}

/** A test case that is also the documentation's example: one source for both. */
export interface RuleValidCase {
  name?: string;
  files: Record<string, string>;
  options?: CheckOptions;
}

export interface ExpectedDiagnostic {
  messageId: string;
  line: number;
  column: number;
  file?: string;
  /** Some of the report's data (as ESLint's RuleTester `data`), when the words the learner reads matter: each key stated must match. */
  data?: MessageData;
}

export interface RuleInvalidCase extends RuleValidCase {
  errors: ExpectedDiagnostic[];
  /**
   * The first file's text once every quick fix of this rule is applied in one
   * pass (as ESLint's RuleTester `output`). Required when a reported
   * diagnostic carries a fix, refused when none does.
   */
  output?: string;
}

export interface RuleExamples {
  valid: RuleValidCase[];
  invalid: RuleInvalidCase[];
}

export interface ReportDescriptor {
  messageId: string;
  data?: MessageData;
  file: string;
  range: Range;
  fix?: Fix;
  /** Overrides the rule's default severity for this one report. */
  severity?: Severity;
}

export interface RuleDefinition<Context> {
  id: string;
  kind: RuleKind;
  severity: Severity;
  /** French message templates by key; `{{name}}` is replaced by `data.name`. */
  messages: Record<string, string>;
  docs: RuleDocs;
  examples: RuleExamples;
  check(context: Context, report: (descriptor: ReportDescriptor) => void): void;
}
