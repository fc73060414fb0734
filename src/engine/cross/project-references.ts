// The files Compose opens while loading the project, beyond the ones it is
// given (compose/file-references.ts), followed once per check among the
// project's files and shared by the rules that read them
// (missing-project-file, unknown-extended-service, extends-cycle).
import { readReferencedComposeFile } from '../compose/context.ts';
import { fileReference, loadedBaseDirectories, walkReferences, type FileReference, type ReferenceKind, type ReferenceWalk } from '../compose/file-references.ts';
import { writtenItems } from '../compose/service-keys.ts';
import type { Range } from '../types.ts';
import type { LocatedValue } from '../yaml/located.ts';
import { SourcePositions, type YamlIssue } from '../yaml/parse-yaml.ts';
import type { CrossContext } from './context.ts';
import { projectDirectory } from './nginx-services.ts';
import { dirname } from './posix-path.ts';

export interface ProjectReferences {
  /** The loaded files' `env_file` and `label_file`, as the merged model holds them (overrides and profiles applied). */
  loadedFiles: FileReference[];
  walk: ReferenceWalk;
  /** Files brought in that are not YAML Compose can read («\u00a0failed to parse …: yaml: line N\u00a0»): their first error, and the file naming them. */
  broken: { file: string; issue: YamlIssue; from: string }[];
}

const computed = new WeakMap<CrossContext, ProjectReferences | undefined>();

/** The project's file references, or undefined without a compose model to read them from. */
export function projectReferences(context: CrossContext): ProjectReferences | undefined {
  if (computed.has(context)) return computed.get(context);
  const result = compute(context);
  computed.set(context, result);
  return result;
}

function compute(context: CrossContext): ProjectReferences | undefined {
  const compose = context.compose;
  if (!compose || compose.syntaxErrors) return undefined;
  const loaded = compose.documents.map((d) => ({ file: d.file.path, root: d.root }));
  const base = projectDirectory(context);
  const bases = loadedBaseDirectories(loaded, base);
  const loadedFiles: FileReference[] = [];
  const add = (kind: ReferenceKind, file: string, value: LocatedValue | undefined): void => {
    const reference = fileReference(kind, file, value, bases.get(file) ?? dirname(file));
    if (reference) loadedFiles.push(reference);
  };
  for (const service of compose.model.services.values()) {
    for (const { file, item } of writtenItems(service, ['env_file'])) {
      if (item.kind === 'map') {
        const required = item.entries.get('required')?.value;
        if (required?.kind === 'scalar' && (required.value === false || required.value === 'false')) continue;
        add('envFile', file, item.entries.get('path')?.value);
      } else add('envFile', file, item);
    }
    for (const { file, item } of writtenItems(service, ['label_file'])) add('labelFile', file, item);
  }
  const byPath = new Map(context.files.map((f) => [f.path, f]));
  const broken: ProjectReferences['broken'] = [];
  // `docker stack deploy` reads neither `include` nor `extends` (swarm-schema says so).
  const walk = walkReferences(compose.swarm ? [] : loaded, base, (path, from) => {
    const file = byPath.get(path);
    if (!file) return undefined;
    const document = readReferencedComposeFile(file, compose.variables);
    const issue = document?.issues.find((i) => i.severity === 'error');
    if (!issue) return { root: document?.root };
    broken.push({ file: path, issue, from });
    return { root: undefined };
  });
  return { loadedFiles, walk, broken };
}

/**
 * What the `extends` rules read (unknown-extended-service, extends-cycle): the
 * walk of a whole Compose project, with its range mapper. Nothing for an
 * excerpt (the files it names may exist elsewhere) or a Swarm stack
 * (`docker stack deploy` reads no `extends`).
 */
export function extendsWalk(context: CrossContext): { walk: ReferenceWalk; rangeOf: ReturnType<typeof projectRangeOf> } | undefined {
  if (context.options.partial || context.compose?.swarm) return undefined;
  const references = projectReferences(context);
  return references && { walk: references.walk, rangeOf: projectRangeOf(context) };
}

/**
 * Offsets in any project file to a 1-based range: the compose context's own
 * positions for the files it loaded, positions computed once per file for the
 * files only the reference walk read (included, extended).
 */
export function projectRangeOf(context: CrossContext): (file: string, range: [number, number]) => Range {
  const compose = context.compose;
  const texts = new Map(context.files.map((f) => [f.path, f.text]));
  const positions = new Map<string, SourcePositions>();
  return (file, range) => {
    if (compose?.positionsOf(file)) return compose.rangeOf(file, ...range);
    let p = positions.get(file);
    if (!p) positions.set(file, (p = new SourcePositions(texts.get(file) ?? '')));
    return p.range(...range);
  };
}
