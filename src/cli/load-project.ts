// Finds and reads a compose project the way `docker compose` 2.40 does, so
// `atelier-compose check` checks what `docker compose config` would load.
// Sources (docker/compose v2.40.3, compose-spec/compose-go v2.9.1, which it ships):
// - cmd/compose/compose.go `toProjectOptions`: the order of the steps below;
//   `addProjectFlags`: `--env-file` defaults to COMPOSE_ENV_FILES (commas);
//   the root command makes relative `--env-file` paths absolute from the cwd.
// - compose-go cli/options.go: WithWorkingDirectory, WithOsEnv, WithEnvFiles,
//   WithDotEnv, WithConfigFileEnv, WithDefaultConfigPath, WithDefaultProfiles,
//   GetWorkingDir, DefaultFileNames, DefaultOverrideFileNames.
// 2.40 has no COMPOSE_PROJECT_DIRECTORY: only `--project-directory` moves it.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { classifyFile } from '../engine/classify-file.ts';
import { createComposeContext, readReferencedComposeFile, type ComposeContext } from '../engine/compose/context.ts';
import { isTextReference, walkReferences } from '../engine/compose/file-references.ts';
import { isNginxConfigTarget } from '../engine/cross/nginx-services.ts';
import { parseEnvFile } from '../engine/compose/env-file.ts';
import type { CheckOptions, ProjectFile } from '../engine/types.ts';
import { readRegularFile, walkFiles } from './read-input.ts';

/** compose-go `DefaultFileNames`, in order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
/** compose-go `DefaultOverrideFileNames`, in order of preference. */
export const DEFAULT_OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

export interface ProjectRequest {
  /** `-f/--file`, as typed. */
  files: string[];
  /** `--project-directory`, as typed. */
  projectDirectory: string | undefined;
  /** `--env-file`, as typed; empty means COMPOSE_ENV_FILES, then the default `.env`. */
  envFiles: string[];
  /** `--profile`; empty means COMPOSE_PROFILES. */
  profiles: string[];
  /** `-p/--project-name`. */
  projectName?: string | undefined;
  /** `--production` and `--swarm`: part of the options the project is checked with. */
  checkFlags?: Pick<CheckOptions, 'production' | 'swarm'>;
}

/** A set of files checked together: a compose project, or nginx files on their own. */
export interface LoadedProject {
  /** Absolute folder the engine's project paths are relative to. */
  root: string;
  files: ProjectFile[];
  options: CheckOptions;
  /** Services a profile leaves out, for a note in the text output. */
  inactiveServices: string[];
  /**
   * The compose files read with `options`, built once to find the mounted
   * nginx files and given to checkProject, which would otherwise read them again.
   */
  compose?: ComposeContext;
}

export interface LoadContext {
  cwd: string;
  /** The shell's variables (`os.Environ()`). */
  env: Record<string, string>;
  problems: string[];
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A path as the user reads it: relative to the working directory when below it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  // `../compose.yaml` (Compose found the project in a parent) reads better than an absolute path; far away, it does not.
  const climbs = rel.split(sep).filter((part) => part === '..').length;
  return toPosix(rel === '' ? '.' : climbs > 2 || isAbsolute(rel) ? absolute : rel);
}

/** The engine's project path for a file: relative to the project root when below it, else absolute (POSIX). */
function projectPath(absolute: string, root: string): string {
  const rel = relative(root, absolute);
  return toPosix(rel.startsWith('..') || isAbsolute(rel) ? absolute : rel);
}

function isTrue(value: string | undefined): boolean {
  // Go's strconv.ParseBool, which compose-go applies to COMPOSE_DISABLE_ENV_FILE.
  return value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

interface OptionsState {
  workingDir: string | undefined;
  configPaths: string[];
  envFiles: string[];
  environment: Record<string, string>;
}

/** compose-go `GetWorkingDir`: the project directory, else the first compose file's folder, else the cwd. */
function workingDir(state: OptionsState, cwd: string): string {
  return state.workingDir ?? (state.configPaths[0] ? dirname(state.configPaths[0]) : cwd);
}

/** compose-go `WithEnvFiles`: the given files, else `<working dir>/.env` when it is a file (the previous choice stays otherwise). */
function withEnvFiles(state: OptionsState, given: string[], context: LoadContext): void {
  if (given.length > 0) {
    state.envFiles = given;
    return;
  }
  if (isTrue(context.env['COMPOSE_DISABLE_ENV_FILE'])) return;
  const dotEnv = join(workingDir(state, context.cwd), '.env');
  try {
    if (!statSync(dotEnv).isDirectory()) state.envFiles = [dotEnv];
  } catch {
    // No `.env`: nothing to read, as Compose.
  }
}

/** compose-go `WithDotEnv`: the env files' variables join the environment, never overriding one already set (the shell wins). */
function withDotEnv(state: OptionsState, texts: Map<string, string>, context: LoadContext): void {
  const fromFiles: Record<string, string> = {};
  for (const file of state.envFiles) {
    let text = texts.get(file);
    if (text === undefined) {
      const read = readRegularFile(file, displayPath(file, context.cwd));
      if (!read.ok) {
        context.problems.push(`Fichier d’environnement illisible : ${read.problem}`);
        continue;
      }
      text = read.text;
      texts.set(file, text);
    }
    for (const entry of parseEnvFile(text, { ...fromFiles, ...state.environment }).entries) fromFiles[entry.name] = entry.value;
  }
  for (const [name, value] of Object.entries(fromFiles)) if (!(name in state.environment)) state.environment[name] = value;
}

/** compose-go `WithDefaultConfigPath`: the first default name in the working directory or the nearest parent holding one, plus its override. */
function findDefaultFiles(start: string): string[] {
  for (let directory = start; ; ) {
    const base = DEFAULT_FILE_NAMES.map((name) => join(directory, name)).find((path) => existsSync(path));
    if (base) {
      const override = DEFAULT_OVERRIDE_FILE_NAMES.map((name) => join(directory, name)).find((path) => existsSync(path));
      return override ? [base, override] : [base];
    }
    const parent = dirname(directory);
    if (parent === directory) return [];
    directory = parent;
  }
}

/** Loads the compose project `request` names; undefined (with a French problem) when there is none. */
export function loadComposeProject(request: ProjectRequest, context: LoadContext): LoadedProject | undefined {
  const { cwd, env, problems } = context;
  const given = (paths: string[]) => paths.map((path) => resolve(cwd, path));
  const envFlag = request.envFiles.length > 0 ? request.envFiles : (env['COMPOSE_ENV_FILES'] ?? '').split(',').filter((s) => s !== '');
  const state: OptionsState = {
    workingDir: request.projectDirectory === undefined ? undefined : resolve(cwd, request.projectDirectory),
    configPaths: given(request.files),
    envFiles: [],
    environment: { ...env },
  };
  const texts = new Map<string, string>();
  // Load <working dir>/.env first: it may set COMPOSE_FILE.
  withEnvFiles(state, given(envFlag), context);
  withDotEnv(state, texts, context);
  const firstEnvFiles = state.envFiles;
  if (state.configPaths.length === 0 && state.environment['COMPOSE_FILE'] !== undefined) {
    const separator = state.environment['COMPOSE_PATH_SEPARATOR'] || (process.platform === 'win32' ? ';' : ':');
    state.configPaths = given(state.environment['COMPOSE_FILE'].split(separator));
  }
  if (state.configPaths.length === 0) state.configPaths = findDefaultFiles(workingDir(state, cwd));
  if (state.configPaths.length === 0) {
    problems.push(
      `Aucun fichier compose trouvé dans ${displayPath(workingDir(state, cwd), cwd)} ni dans ses dossiers parents (${DEFAULT_FILE_NAMES.join(', ')}). ` +
        'Indiquez-le avec -f, ou lancez la commande dans le dossier du projet.',
    );
    return undefined;
  }
  // ...then the project directory's `.env`, now that the compose file tells where it is.
  withEnvFiles(state, given(envFlag), context);
  withDotEnv(state, texts, context);
  const envFiles = firstEnvFiles.join('\n') === state.envFiles.join('\n') ? state.envFiles : [...state.envFiles, ...firstEnvFiles];

  const root = workingDir(state, cwd);
  const files: ProjectFile[] = [];
  let unreadable = false;
  for (const path of state.configPaths) {
    const read = readRegularFile(path, displayPath(path, cwd));
    if (read.ok) files.push({ path: projectPath(path, root), text: read.text });
    else {
      problems.push(read.problem);
      unreadable = true;
    }
  }
  if (unreadable && files.length === 0) return undefined;
  for (const path of envFiles) {
    const text = texts.get(path);
    if (text !== undefined && !files.some((f) => f.path === projectPath(path, root))) files.push({ path: projectPath(path, root), text });
  }
  // compose-go `WithDefaultProfiles`: the flags, else COMPOSE_PROFILES (commas, trimmed).
  const profiles = request.profiles.length > 0 ? request.profiles : (state.environment['COMPOSE_PROFILES'] ?? '').split(',').map((s) => s.trim());
  const name = projectName(request.projectName, state.environment['COMPOSE_PROJECT_NAME'], files.slice(0, state.configPaths.length), root);
  if (!name.ok) {
    problems.push(name.problem);
    return undefined;
  }
  const options: CheckOptions = {
    environment: name.value === undefined ? env : { ...env, COMPOSE_PROJECT_NAME: name.value },
    profiles: profiles.filter((p) => p !== ''),
    projectDirectory: '',
    envFiles: envFiles.filter((path) => texts.has(path)).map((path) => projectPath(path, root)),
    ...request.checkFlags,
  };
  // Compose files are named as the user chose (`-f prod.yml`): give them to the engine as compose files whatever their name.
  const composePaths = files.slice(0, state.configPaths.length).map((f) => f.path);
  const project: LoadedProject = { root, files, options: { ...options, composeFiles: composePaths }, inactiveServices: [] };
  addMountedNginxFiles(project, context);
  return project;
}

/** compose-go `NormalizeProjectName` (loader/loader.go, v2.9.1). */
function normalizeProjectName(name: string): string {
  return (name.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

/**
 * The name Compose gives `${COMPOSE_PROJECT_NAME}` (compose-go cli/options.go
 * `withNamePrecedenceLoad` and loader.go `projectName`): `-p`, else
 * COMPOSE_PROJECT_NAME (both must already be normalized), else a top-level
 * `name:` of the compose files (undefined: the engine reads the file itself,
 * and an interpolated name is left to it), else the project folder's name.
 */
function projectName(flag: string | undefined, fromEnv: string | undefined, composeFiles: ProjectFile[], root: string): { ok: true; value: string | undefined } | { ok: false; problem: string } {
  const imperative = flag !== undefined && flag !== '' ? flag : fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined;
  if (imperative !== undefined) {
    if (normalizeProjectName(imperative) !== imperative) {
      return { ok: false, problem: `Nom de projet invalide : « ${imperative} » (lettres minuscules, chiffres, tirets et soulignés, en commençant par une lettre ou un chiffre).` };
    }
    return { ok: true, value: imperative };
  }
  let named: string | undefined;
  for (const file of composeFiles) {
    const match = /^name:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m.exec(file.text);
    if (match && match[2] !== '') named = match[2];
  }
  if (named !== undefined) return { ok: true, value: named.includes('$') ? undefined : normalizeProjectName(named) };
  return { ok: true, value: normalizeProjectName(root.split(sep).pop() ?? '') };
}

/** Bind mounts into these folders hold nginx configuration the official image reads. */
function isNginxTarget(target: string): boolean {
  return target === '/etc/nginx' || target.startsWith('/etc/nginx/');
}

/**
 * Reads the nginx files the project's active services bind-mount under
 * /etc/nginx (files, or every `*.conf` and `*.conf.template` of a mounted
 * folder), and those in their local build contexts. Where each one is read
 * (main file, inside `http {}`, template) is the engine's call, from the
 * same mounts.
 */
function addMountedNginxFiles(project: LoadedProject, context: LoadContext): void {
  // The compose model alone (no rule runs): the full check comes once every file is read.
  const pick = (paths: string[] | undefined) => (paths ?? []).flatMap((path) => project.files.filter((f) => f.path === path));
  const composeFiles = pick(project.options.composeFiles);
  if (composeFiles.length === 0) return;
  const compose = createComposeContext(composeFiles, pick(project.options.envFiles), project.options);
  project.compose = compose;
  project.inactiveServices = [...compose.inactiveServices.keys()];
  addReferencedFiles(project, compose, context);
  const known = new Set(project.files.map((f) => f.path));
  for (const service of compose.model.services.values()) {
    for (const mount of service.volumes) {
      if (mount.type !== 'bind' || mount.source === undefined || !isNginxTarget(mount.target)) continue;
      const source = resolve(project.root, mount.source.replace(/^~(?=\/|$)/, context.env['HOME'] ?? '~'));
      let stats;
      try {
        stats = statSync(source);
      } catch {
        continue; // The engine says the mount is missing (nginx-config-not-in-project).
      }
      const paths = stats.isDirectory()
        ? walkFiles(source, displayPath(source, context.cwd), (name) => classifyFile(name) === 'nginx', context.problems)
        : classifyFile(source) === 'nginx' || isNginxConfigTarget(mount.target)
          ? [source]
          : [];
      add(paths);
    }
    // A Dockerfile may COPY nginx files from its build context: the engine ties them to the service by that context.
    const buildContext = service.build?.context?.value;
    if (buildContext !== undefined && !/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(buildContext)) {
      const directory = resolve(project.root, buildContext);
      if (isDirectory(directory)) add(walkFiles(directory, displayPath(directory, context.cwd), (name) => classifyFile(name) === 'nginx', context.problems));
    }
  }

  function add(paths: string[]): void {
    for (const path of paths) {
      const enginePath = projectPath(path, project.root);
      if (known.has(enginePath)) continue;
      known.add(enginePath);
      const read = readRegularFile(path, displayPath(path, context.cwd));
      if (read.ok) project.files.push({ path: enginePath, text: read.text });
      else context.problems.push(read.problem);
    }
  }
}

/**
 * Reads the files Compose opens while loading the project (`include`,
 * `extends.file`, `env_file`, `label_file`, and those of the files they bring
 * in), named as the engine names them (relative to the project folder, `../`
 * above it), so the engine finds those on disk and says which are missing.
 */
function addReferencedFiles(project: LoadedProject, compose: ComposeContext, context: LoadContext): void {
  const known = new Set(project.files.map((f) => f.path));
  const readProjectFile = (path: string): ProjectFile | undefined => {
    const existing = project.files.find((f) => f.path === path);
    if (existing) return existing;
    const absolute = resolve(project.root, path);
    if (!existsSync(absolute)) return undefined; // The engine says the file is missing.
    const read = readRegularFile(absolute, displayPath(absolute, context.cwd));
    if (!read.ok) {
      context.problems.push(read.problem);
      return undefined;
    }
    const file = { path, text: read.text };
    project.files.push(file);
    known.add(path);
    return file;
  };
  const walk = walkReferences(
    compose.documents.map((d) => ({ file: d.file.path, root: d.root })),
    project.options.projectDirectory ?? '',
    (path) => {
      const file = readProjectFile(path);
      return file && { root: readReferencedComposeFile(file, compose.variables)?.root };
    },
    { loadedFiles: true },
  );
  for (const ref of walk.references) if (isTextReference(ref.kind) && ref.target !== undefined && !known.has(ref.target)) readProjectFile(ref.target);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** nginx files given on their own (no compose project): checked together, so their `include`s resolve. */
export function loadNginxFiles(paths: string[], context: LoadContext, checkFlags: ProjectRequest['checkFlags'] = {}): LoadedProject | undefined {
  const files: ProjectFile[] = [];
  for (const path of paths) {
    const read = readRegularFile(path, displayPath(path, context.cwd));
    if (read.ok) files.push({ path: projectPath(path, context.cwd), text: read.text });
    else context.problems.push(read.problem);
  }
  return files.length > 0 ? { root: context.cwd, files, options: { environment: context.env, ...checkFlags }, inactiveServices: [] } : undefined;
}
