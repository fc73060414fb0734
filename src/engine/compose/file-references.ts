// The files `docker compose config` opens while it loads a project, beyond
// the compose files it is given: `include` entries (compose-go
// loader/include.go `ApplyInclude`), `extends.file` (loader/extends.go
// `getExtendsBaseFromFile`), and, in the files those bring in, `env_file` and
// `label_file` (types/project.go). Each is read relative to the file that
// names it (an included file's folder is its project directory, an extended
// file's folder its working directory). compose-go v2.9.1, which Compose
// 2.40.3 ships.
//
// Pure: the caller says how to read a referenced file (the engine from the
// project's files, the CLI from the disk), so both follow the same walk.
import { asMap, asSeq, type LocatedMap, type LocatedValue } from '../yaml/located.ts';
import { dirname } from '../cross/posix-path.ts';

export type ReferenceKind = 'envFile' | 'labelFile' | 'include' | 'includeEnvFile' | 'extendsFile';

/** References to a file Compose reads as text (variables, labels), not as a compose file to walk. */
export function isTextReference(kind: ReferenceKind): boolean {
  return kind === 'envFile' || kind === 'labelFile' || kind === 'includeEnvFile';
}

export interface FileReference {
  kind: ReferenceKind;
  /** The file that names it. */
  file: string;
  /** The path as Compose reads it (interpolated). */
  path: string;
  /**
   * The target's project path: relative to the project root, starting with
   * `../` when it climbs above it. Undefined when the machine decides (an
   * absolute path, `~`, a remote resource).
   */
  target: string | undefined;
  /** The variable left empty at the start of a relative path, which made it absolute (`${DATA}/base.yml` → `/base.yml`). */
  emptyVariable: string | undefined;
  /** Offsets of the path's scalar in `file`. */
  range: [number, number];
}

export interface ReferenceWalk {
  /** Every reference met, in walk order. */
  references: FileReference[];
  /** `include` references whose target is already in the chain of files including it. */
  cycles: Set<FileReference>;
  /** The references whose target could not be read. */
  missing: Set<FileReference>;
  /** `extends` naming a service its file does not define («\u00a0cannot extend service … not found\u00a0»). */
  unknownServices: UnknownService[];
  /** Chains of `extends` that come back to where they started («\u00a0Circular reference\u00a0»), one per cycle. */
  extendsCycles: ExtendsCycle[];
}

export interface ExtendsCycle {
  /** The file and service the cycle is reported on, and its `extends` value (offsets in `file`). */
  file: string;
  service: string;
  range: [number, number];
  /** The services of the cycle from that one, back to it (`a`, `b`, `a`), with their file when it is not `file`. */
  chain: string[];
}

export interface UnknownService {
  /** The file and service that extend. */
  file: string;
  service: string;
  /** The service it names, and where (offsets in `file`). */
  base: string;
  range: [number, number];
  /** `extends.file` as written, when the service is looked for in another file. */
  in: string | undefined;
}

/** A compose file Compose is given (`-f`, or the default names): its references are walked, its `env_file`s are the model's. */
export interface LoadedDocument {
  file: string;
  root: LocatedValue | undefined;
}

/**
 * `path` relative to the folder `base`, as a project path that keeps the `..`
 * climbing above the project root (a file there is outside the project).
 */
export function resolveReference(base: string, path: string): string {
  const out: string[] = [];
  for (const part of (base === '' ? path : `${base}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** compose-go's remote resource loaders (git, OCI) take these; the local loader everything else. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * The folder each loaded compose file's relative paths start from: the
 * project directory for the files Compose is given (`-f`: compose-go resolves
 * them all against the working directory, loader/paths.go), the file's own
 * folder for one that another loaded file includes (the workshop loads every
 * compose-named file, an included one too).
 */
export function loadedBaseDirectories(loaded: readonly LoadedDocument[], projectDirectory: string): Map<string, string> {
  const bases = new Map(loaded.map((d) => [d.file, projectDirectory]));
  for (const document of loaded) {
    for (const entry of asSeq(asMap(document.root)?.entries.get('include')?.value)?.items ?? []) {
      const directory = asMap(entry)?.entries.get('project_directory')?.value;
      const own = directory?.kind === 'scalar' && typeof directory.value === 'string' && directory.value !== '' ? directory.value : undefined;
      for (const path of entry.kind === 'map' ? stringsOf(entry.entries.get('path')?.value) : [entry]) {
        const target = path.kind === 'scalar' && typeof path.value === 'string' ? resolveReference(projectDirectory, path.value) : undefined;
        if (target === undefined || target === document.file || !bases.has(target)) continue;
        bases.set(target, own === undefined ? dirname(target) : own.startsWith('/') ? own : resolveReference(projectDirectory, own));
      }
    }
  }
  return bases;
}

/** The reference a path scalar makes, read from the folder `base`; undefined for what is not a path (empty, not a string). */
export function fileReference(kind: ReferenceKind, file: string, value: LocatedValue | undefined, base = dirname(file)): FileReference | undefined {
  if (value?.kind !== 'scalar' || typeof value.value !== 'string' || value.value === '') return undefined;
  const path = value.value;
  const written = value.written ?? path;
  let target: string | undefined;
  let emptyVariable: string | undefined;
  if (path.startsWith('/')) {
    // Absolute because a leading variable is empty (`${SHARED_DATA}/common.yml` with SHARED_DATA unset): the path Compose opens is known.
    const leading = /^\$(?:\{(\w+)[^}]*\}|(\w+))/.exec(written);
    if (leading && !written.startsWith('/') && written.slice(leading[0].length) === path) {
      emptyVariable = leading[1] ?? leading[2];
      target = path;
    }
  } else if (!path.startsWith('~') && !REMOTE.test(path) && !path.includes('$') && !base.startsWith('/')) target = resolveReference(base, path);
  return { kind, file, path, target, emptyVariable, range: value.range };
}

function stringsOf(value: LocatedValue | undefined): LocatedValue[] {
  return value?.kind === 'seq' ? value.items : value ? [value] : [];
}

/** `env_file` and `label_file` of one service definition; an `env_file` with `required: false` is left out. */
function serviceFileReferences(file: string, base: string, service: LocatedMap): FileReference[] {
  const out: FileReference[] = [];
  for (const item of stringsOf(service.entries.get('env_file')?.value)) {
    if (item.kind === 'map') {
      const required = item.entries.get('required')?.value;
      if (required?.kind === 'scalar' && (required.value === false || required.value === 'false')) continue;
      const ref = fileReference('envFile', file, item.entries.get('path')?.value, base);
      if (ref) out.push(ref);
    } else {
      const ref = fileReference('envFile', file, item, base);
      if (ref) out.push(ref);
    }
  }
  for (const item of stringsOf(service.entries.get('label_file')?.value)) {
    const ref = fileReference('labelFile', file, item, base);
    if (ref) out.push(ref);
  }
  return out;
}

/**
 * Walks the references of the loaded compose files, then of every file they
 * bring in that `read` can give (each file and service once, so the walk is
 * linear in the project). The loaded files' own `env_file`s are left to the
 * merged model (profiles and overrides apply to them); those of the files
 * brought in are listed, for the caller to check they exist.
 */
export function walkReferences(
  loaded: readonly LoadedDocument[],
  projectDirectory: string,
  read: (path: string, from: string) => { root: LocatedValue | undefined } | undefined,
  { loadedFiles = false }: { /** List the loaded files' `env_file`s too (the CLI reads them from the disk). */ loadedFiles?: boolean } = {},
): ReferenceWalk {
  const walk: ReferenceWalk = { references: [], cycles: new Set(), missing: new Set(), unknownServices: [], extendsCycles: [] };
  /** Each service's `extends` that names a service that exists: key `file\0name` → the service it extends. */
  const extendsEdges = new Map<string, { file: string; name: string; range: [number, number] }>();
  const loadedRoots = new Map(loaded.map((d) => [d.file, d.root]));
  const bases = loadedBaseDirectories(loaded, projectDirectory);
  const loadedPaths = new Set(bases.keys());
  /** An included file's project directory when its `include` entry names one (`project_directory`). */
  const projectDirectories = new Map<string, string>();
  const baseOf = (file: string): string => bases.get(file) ?? projectDirectories.get(file) ?? dirname(file);
  const roots = new Map<string, { root: LocatedValue | undefined } | undefined>();
  const rootOf = (path: string, from: string): { root: LocatedValue | undefined } | undefined => {
    if (!roots.has(path)) roots.set(path, read(path, from));
    return roots.get(path);
  };
  const visited = new Set<string>();
  const add = (ref: FileReference | undefined): FileReference | undefined => {
    if (ref) walk.references.push(ref);
    return ref;
  };
  /** A compose file another one brings in: missing when it cannot be read (a file loaded anyway is there, and walked as such). */
  const follow = (ref: FileReference): LocatedValue | undefined => {
    if (ref.target === undefined || loadedPaths.has(ref.target)) return undefined;
    const read = rootOf(ref.target, ref.file);
    if (!read) walk.missing.add(ref);
    return read?.root;
  };

  const services = (root: LocatedValue | undefined): LocatedMap | undefined => asMap(asMap(root)?.entries.get('services')?.value);

  /** One service of a file brought in by `extends` or `include`: its files, then what it extends. */
  const visitService = (file: string, root: LocatedValue | undefined, name: string, ownFiles: boolean): void => {
    const key = `${file}\u0000${name}`;
    if (visited.has(key)) return;
    visited.add(key);
    const service = asMap(services(root)?.entries.get(name)?.value);
    if (!service) return;
    if (ownFiles) for (const ref of serviceFileReferences(file, baseOf(file), service)) add(ref);
    const extendsValue = service.entries.get('extends')?.value;
    const extendsMap = asMap(extendsValue);
    const base = extendsMap ? extendsMap.entries.get('service')?.value : extendsValue;
    const baseName = base?.kind === 'scalar' && typeof base.value === 'string' ? base.value : undefined;
    if (base === undefined || baseName === undefined) return;
    const unknown = (within: string | undefined): void => {
      walk.unknownServices.push({ file, service: name, base: baseName, range: base.range, in: within });
    };
    const ref = add(fileReference('extendsFile', file, extendsMap?.entries.get('file')?.value, baseOf(file)));
    if (ref) {
      // A loaded file is walked as such: only whether it defines the service matters here.
      if (ref.target !== undefined && loadedPaths.has(ref.target)) {
        if (services(loadedRoots.get(ref.target))?.entries.has(baseName)) extendsEdges.set(key, { file: ref.target, name: baseName, range: base.range });
        return;
      }
      const target = follow(ref);
      if (!target || !ref.target) return;
      if (services(target)?.entries.has(baseName)) {
        extendsEdges.set(key, { file: ref.target, name: baseName, range: base.range });
        visitService(ref.target, target, baseName, true);
      } else unknown(ref.path);
    } else if (!services(root)?.entries.has(baseName)) {
      // compose-go applies `extends` document by document, before includes and files merge: the service must be in the same document.
      unknown(undefined);
    } else {
      extendsEdges.set(key, { file, name: baseName, range: base.range });
      if (!loadedPaths.has(file)) visitService(file, root, baseName, true);
    }
  };

  const visitFile = (file: string, root: LocatedValue | undefined, chain: readonly string[], ownFiles: boolean): void => {
    const key = `${file}\u0000*`;
    if (!loadedPaths.has(file) && visited.has(key)) return;
    visited.add(key);
    for (const entry of asSeq(asMap(root)?.entries.get('include')?.value)?.items ?? []) {
      const paths = entry.kind === 'map' ? stringsOf(entry.entries.get('path')?.value) : [entry];
      // The entry's own `env_file` and `project_directory` are relative to the including file's folder (ApplyInclude).
      const options = asMap(entry);
      for (const envFile of stringsOf(options?.entries.get('env_file')?.value)) add(fileReference('includeEnvFile', file, envFile, baseOf(file)));
      const directory = options?.entries.get('project_directory')?.value;
      for (const path of paths) {
        const ref = add(fileReference('include', file, path, baseOf(file)));
        if (!ref?.target) continue;
        if (chain.includes(ref.target)) {
          walk.cycles.add(ref);
          continue;
        }
        const target = follow(ref);
        if (!target) continue;
        if (directory?.kind === 'scalar' && typeof directory.value === 'string' && directory.value !== '' && !projectDirectories.has(ref.target)) {
          projectDirectories.set(ref.target, directory.value.startsWith('/') ? directory.value : resolveReference(baseOf(file), directory.value));
        }
        visitFile(ref.target, target, [...chain, ref.target], true);
      }
    }
    for (const name of services(root)?.entries.keys() ?? []) visitService(file, root, name, ownFiles);
  };

  for (const document of loaded) visitFile(document.file, document.root, [document.file], loadedFiles);
  walk.extendsCycles = extendsCycles(extendsEdges);
  return walk;
}

/**
 * The cycles of the `extends` graph, each once. Every service extends at most
 * one other, so following the edges from each service either stops or meets
 * a cycle; services already followed are not followed again (linear).
 */
function extendsCycles(edges: ReadonlyMap<string, { file: string; name: string; range: [number, number] }>): ExtendsCycle[] {
  const cycles: ExtendsCycle[] = [];
  const done = new Set<string>();
  for (const start of edges.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let key: string | undefined = start;
    while (key !== undefined && !done.has(key) && !onPath.has(key)) {
      onPath.set(key, path.length);
      path.push(key);
      const next: { file: string; name: string } | undefined = edges.get(key);
      key = next && `${next.file}\u0000${next.name}`;
    }
    if (key !== undefined && onPath.has(key)) {
      const members = path.slice(onPath.get(key));
      const [file, service] = members[0]!.split('\u0000') as [string, string];
      const named = (member: string): string => {
        const [memberFile, name] = member.split('\u0000') as [string, string];
        return memberFile === file ? name : `${name} (${memberFile})`;
      };
      cycles.push({ file, service, range: edges.get(members[0]!)!.range, chain: [...members, members[0]!].map(named) });
    }
    for (const member of path) done.add(member);
  }
  return cycles;
}
