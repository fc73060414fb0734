import type { CheckOptions, ProjectFile, Range } from '../types.ts';
import { readBlockYaml } from '../yaml/block-reader.ts';
import { toLocated, type LocatedValue, type ScalarTransform } from '../yaml/located.ts';
import { excessiveNodeTokens, parseYaml, SourcePositions, type YamlIssue } from '../yaml/parse-yaml.ts';
import { indentFlowLines } from '../yaml/flow-indent.ts';
import { goYamlError } from '../yaml/go-yaml-line.ts';
import { MAX_YAML_NODE_TOKENS } from '../limits.ts';
import { buildModel } from './build-model.ts';
import { parseEnvFile, type ParsedEnvFile } from './env-file.ts';
import { interpolate, interpolationBudget, type InterpolationBudget, type InterpolationIssueKind } from './interpolate.ts';
import type { ComposeModel, ComposeService, ModelIssue } from './model.ts';
import { selectProfiles } from './profiles.ts';
import { dollarOffsets, expressionEnd } from './scalar-offsets.ts';
import { isSwarmTarget } from './swarm-target.ts';

/**
 * One YAML document of a compose file, read once: its YAML issues and its
 * located, interpolated tree. A file has one per `---` document.
 */
export interface ComposeDocument {
  file: ProjectFile;
  positions: SourcePositions;
  /** YAML syntax problems, in French, at their place. */
  issues: YamlIssue[];
  /** Undefined when the file could not be read at all (alias bomb, empty file). */
  root: LocatedValue | undefined;
  /**
   * Read by the fast block reader: plain block YAML, which eemeli `yaml` and
   * go-yaml both accept (block-reader.test.ts checks both on every text it reads).
   */
  plainBlock?: true;
}

/** A variable problem at the exact place of its `${...}`. */
export interface InterpolationFinding {
  kind: InterpolationIssueKind;
  name: string;
  detail: string | undefined;
  file: string;
  range: Range;
}

/**
 * What every compose rule receives: the files parsed once, the merged model
 * and the problems met while building it. Rules never re-parse.
 */
export interface ComposeContext {
  /** The compose files, in merge order (base first). */
  files: ProjectFile[];
  /** The first env file (`.env` unless `options.envFiles` says otherwise). */
  env: ProjectFile | undefined;
  /** Every env file, in the order Compose reads them, each parsed with positions. */
  envFiles: { file: ProjectFile; parsed: ParsedEnvFile }[];
  options: CheckOptions;
  /** `options.production`, or true when a compose file name contains `prod`. */
  production: boolean;
  /**
   * The files are for `docker stack deploy` (Docker Swarm): `options.swarm`,
   * else a stack file name (`stack.yaml`, `docker-stack.yml`) or the
   * `x-atelier: { cible: swarm }` marker (`swarm-target.ts`).
   */
  swarm: boolean;
  documents: ComposeDocument[];
  /** The first env file, parsed with positions. */
  envFile: ParsedEnvFile | undefined;
  /** Variables interpolation sees: the env files, overridden by `options.environment`. */
  variables: ReadonlyMap<string, string>;
  /**
   * True when a compose file has YAML errors. The model is still built from
   * what yaml recovered (the service graph keeps working while the learner
   * types), but rules on the model stay quiet: on a guessed tree they would
   * only add noise next to the real, syntax, error.
   */
  syntaxErrors: boolean;
  /** The active services only when `options.profiles` is given (see `selectProfiles`). */
  model: ComposeModel;
  /** Services left out because none of their profiles is active. */
  inactiveServices: ReadonlyMap<string, ComposeService>;
  modelIssues: ModelIssue[];
  interpolationFindings: InterpolationFinding[];
  /** Offsets in a compose file (or the `.env` file) to a 1-based range. */
  rangeOf(file: string, start: number, end: number): Range;
  positionsOf(file: string): SourcePositions | undefined;
}

export function createComposeContext(files: ProjectFile[], env: ProjectFile | readonly ProjectFile[] | undefined, options: CheckOptions): ComposeContext {
  const shell = options.environment ?? {};
  const budget = interpolationBudget();
  const envList: readonly ProjectFile[] = env === undefined ? [] : Array.isArray(env) ? env : [env as ProjectFile];
  // compose-go's dotenv.GetEnvFromFile (dotenv/env.go, v2.9.1): each file is
  // read in turn into one map, so a later file wins; its `${VAR}` sees the
  // shell first, then what earlier files set. The shell then wins over all
  // (cli/options.go `WithDotEnv` merges without overwriting).
  const fromFiles: Record<string, string> = {};
  const envFiles = envList.map((file) => {
    const parsed = parseEnvFile(file.text, { ...fromFiles, ...shell }, budget);
    for (const entry of parsed.entries) fromFiles[entry.name] = entry.value;
    return { file, parsed };
  });
  const envFile = envFiles[0]?.parsed;
  const variables = new Map<string, string>(Object.entries(fromFiles));
  for (const [name, value] of Object.entries(shell)) variables.set(name, value);
  // Compose always has PWD: without it in the shell, `${PWD}` is the folder it
  // runs in, and a `.env` does not change it (probed on Compose 2.40.3, whose
  // process environment wins over `.env`, compose-go cli/options.go
  // WithDotEnv). The engine's paths are relative to the project folder, where
  // `docker compose` runs: `.`.
  if (!Object.hasOwn(shell, 'PWD')) variables.set('PWD', '.');
  const lookup = (name: string): string | undefined => variables.get(name);

  const interpolationFindings: InterpolationFinding[] = [];
  const documents = files.flatMap((file) => readComposeFile(file, lookup, budget, interpolationFindings));

  const built = buildModel(documents.map((d) => ({ file: d.file.path, positions: d.positions, root: d.root })));
  const { model, inactive } = selectProfiles(built.model, options.profiles);
  // Values are decoded, and variables interpolated, over every service before
  // the profiles apply (loader.go: Transform, then WithProfiles), so an
  // inactive service's bad port or missing `${VAR:?}` is still an error.
  const issues = built.issues;
  const byPath = new Map(documents.map((d) => [d.file.path, d.positions]));
  for (const file of envList) byPath.set(file.path, new SourcePositions(file.text));
  return {
    files,
    env: envList[0],
    envFiles,
    options,
    production: options.production ?? files.some((f) => /prod/i.test(f.path.slice(f.path.lastIndexOf('/') + 1))),
    swarm: isSwarmTarget(options.swarm, files, documents.map((d) => d.root)),
    documents,
    envFile,
    variables,
    syntaxErrors: documents.some((d) => d.issues.some((i) => i.severity === 'error')),
    model,
    inactiveServices: inactive,
    modelIssues: issues,
    interpolationFindings,
    rangeOf: (file, start, end) => byPath.get(file)?.range(start, end) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    positionsOf: (file) => byPath.get(file),
  };
}

/**
 * Reads one compose file: the fast block reader first (plain block YAML, the
 * usual case), eemeli `yaml` for everything else, errors included. Variable
 * problems met by an attempt the fast reader gives up on are dropped, since
 * `yaml`'s pass meets them again.
 */
function readComposeFile(file: ProjectFile, lookup: (name: string) => string | undefined, budget: InterpolationBudget, findings: InterpolationFinding[]): ComposeDocument[] {
  const positions = new SourcePositions(file.text);
  const interpolateInto =
    (source: ProjectFile, at: SourcePositions, sink: InterpolationFinding[]): ScalarTransform =>
    (value, range, style) => {
      if (!value.includes('$')) return value;
      const result = interpolate(value, lookup, 0, budget);
      if (result.issues.length === 0) return result.value;
      const offsetOf = dollarOffsets(source.text, { range, style }, value);
      for (const issue of result.issues) {
        const start = offsetOf(issue.start);
        const end = expressionEnd(source.text, start, issue.end - issue.start, range[1]);
        sink.push({ kind: issue.kind, name: issue.name, detail: issue.detail, file: source.path, range: at.range(start, Math.max(end, start + 1)) });
      }
      return result.value;
    };
  const fastFindings: InterpolationFinding[] = [];
  const remaining = budget.remaining;
  // A file with tens of thousands of flow nodes goes to parseYaml, which refuses it before yaml builds them.
  const root = excessiveNodeTokens(file.text, MAX_YAML_NODE_TOKENS) === -1 ? readBlockYaml(file.text, interpolateInto(file, positions, fastFindings)) : undefined;
  if (root) {
    for (const finding of fastFindings) findings.push(finding);
    return [{ file, positions, issues: [], root, plainBlock: true }];
  }
  budget.remaining = remaining;
  const read = (source: ProjectFile, at: SourcePositions, sink: InterpolationFinding[]): { issues: YamlIssue[]; root: LocatedValue | undefined }[] =>
    parseYaml(source, at).map((yaml) => ({ issues: yaml.issues, root: toLocated(yaml.document, at, yaml.issues, interpolateInto(source, at, sink)) }));
  const slowFindings: InterpolationFinding[] = [];
  const documents = read(file, positions, slowFindings);
  const indented = documents.some((d) => d.issues.some((i) => i.code === 'BAD_INDENT')) ? indentFlowLines(file.text) : undefined;
  if (indented) {
    // Lines of a `[...]` left of their key: go-yaml reads them, so the file is read as go-yaml does when that clears every error.
    const afterFirst = budget.remaining;
    budget.remaining = remaining;
    const source = { path: file.path, text: indented.text };
    const at = new SourcePositions(indented.text);
    const indentedFindings: InterpolationFinding[] = [];
    const again = read(source, at, indentedFindings);
    if (again.every((d) => d.issues.every((i) => i.severity !== 'error')) && goYamlError(file.text) === undefined) {
      const offsetOf = (p: { line: number; column: number }): number => indented.toOriginal((at.lineStarts[p.line - 1] ?? 0) + p.column - 1);
      const back = (r: Range): Range => positions.range(offsetOf(r.start), offsetOf(r.end));
      for (const finding of indentedFindings) findings.push({ ...finding, range: back(finding.range) });
      return again.map((d) => ({ file, positions, issues: d.issues.map((i) => ({ ...i, range: back(i.range) })), root: d.root && remapOffsets(d.root, indented.toOriginal) }));
    }
    budget.remaining = afterFirst;
  }
  for (const finding of slowFindings) findings.push(finding);
  return documents.map((d) => ({ file, positions, issues: d.issues, root: d.root }));
}

/** Moves every offset of a located tree (built from another text) with `map`; shared nodes (aliases, merge keys) once. */
function remapOffsets(root: LocatedValue, map: (offset: number) => number): LocatedValue {
  const seen = new Set<object>();
  const visit = (value: LocatedValue): void => {
    if (seen.has(value)) return;
    seen.add(value);
    value.range = [map(value.range[0]), map(value.range[1])];
    if (value.kind === 'seq') for (const item of value.items) visit(item);
    else if (value.kind === 'map') {
      for (const entry of value.entries.values()) {
        if (!seen.has(entry)) {
          seen.add(entry);
          entry.keyRange = [map(entry.keyRange[0]), map(entry.keyRange[1])];
        }
        visit(entry.value);
      }
    }
  };
  visit(root);
  return root;
}

/**
 * A compose file the loaded ones bring in (`include`, `extends.file`), read
 * as they are, with the project's variables: its first document (its located
 * tree is undefined when it has none: empty, or past a bound). Its variable
 * problems are not reported.
 */
export function readReferencedComposeFile(file: ProjectFile, variables: ReadonlyMap<string, string>): ComposeDocument | undefined {
  return readComposeFile(file, (name) => variables.get(name), interpolationBudget(), [])[0];
}
