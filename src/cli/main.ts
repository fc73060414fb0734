import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from '../engine/check.ts';
import { classifyFile } from '../engine/classify-file.ts';
import { catalogue } from '../engine/rules/catalogue.ts';
import type { Diagnostic } from '../engine/types.ts';
import { applyRuleSettings, ConfigError, loadConfig } from './config.ts';
import { escapeControls } from './escape.ts';
import { formatGithub } from './format-github.ts';
import { formatJson } from './format-json.ts';
import { formatSarif } from './format-sarif.ts';
import { formatText, ruleUrl } from './format-text.ts';
import { DEFAULT_FILE_NAMES, displayPath, loadComposeProject, loadNginxFiles, type LoadContext, type LoadedProject, type ProjectRequest } from './load-project.ts';
import { walkFiles } from './read-input.ts';

/** Where rule pages live when the caller does not say; instructors pass their own deployment. */
export const DEFAULT_DOCS_BASE = 'https://atelier-compose.example/';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage :
  atelier-compose check [chemins…] [options]
  atelier-compose services [chemins…] [options de projet]
  atelier-compose rules [--format text|json] [--docs-url URL]

check   vérifie un projet Compose comme « docker compose config » le lit (fichiers compose,
        override, .env, profils), les fichiers nginx qu’il monte (comme « nginx -t »),
        et les bonnes pratiques du cours.
        Sans chemin : le projet du dossier courant (compose.yaml, compose.yml,
        docker-compose.yml ou docker-compose.yaml, et son fichier override), comme Compose.
        Un dossier : le projet de ce dossier. Un fichier nginx : vérifié seul.

services  affiche les services que Compose lancerait (comme « docker compose config --services »).

Options de projet (les mêmes que docker compose) :
  -f, --file FICHIER          fichier compose, répétable (sinon COMPOSE_FILE)
  --project-directory DOSSIER dossier du projet (défaut : celui du premier fichier compose)
  --env-file FICHIER          fichier de variables, répétable (défaut : .env du projet)
  --profile NOM               profil à activer, répétable (sinon COMPOSE_PROFILES)
  -p, --project-name NOM      nom du projet, valeur de \${COMPOSE_PROJECT_NAME} (sinon COMPOSE_PROJECT_NAME)
Options de sortie :
  --format text|json|sarif|github   text par défaut
  --max-warnings N            code de sortie 1 au-delà de N avertissements
  --config FICHIER            configuration des règles (sinon .atelier-composerc…, package.json)
  --production                applique les règles de production
  --docs-url URL              adresse du cours pour les liens vers les règles

Code de sortie : 0 sans erreur, 1 s’il y a une erreur (ou trop d’avertissements),
2 en cas d’usage incorrect ou de fichier illisible.
`;

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal: colours then, unless NO_COLOR is set. */
  isTTY?: boolean;
}

/** https://no-color.org/ (any non-empty NO_COLOR) and FORCE_COLOR, the conventions most CLIs honour. */
function useColours(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY === true && io.env.TERM !== 'dumb';
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 2;
}

/** The whole CLI as a function of its arguments, so tests run it in-process. Returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        production: { type: 'boolean', default: false },
        swarm: { type: 'boolean' },
        'docs-url': { type: 'string' },
        file: { type: 'string', short: 'f', multiple: true, default: [] },
        'project-directory': { type: 'string' },
        'project-name': { type: 'string', short: 'p' },
        'env-file': { type: 'string', multiple: true, default: [] },
        profile: { type: 'string', multiple: true, default: [] },
        'max-warnings': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, `Option incorrecte : ${error instanceof Error ? error.message : String(error)}`);
  }
  const { values, positionals } = parsed;
  const [command, ...targets] = positionals;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (command === undefined) return usageError(io, 'Indiquez une commande : check ou rules.');
  if (!(FORMATS as readonly string[]).includes(values.format)) return usageError(io, `Format inconnu : ${values.format} (attendu : text, json, sarif ou github)`);
  const format = values.format as Format;
  const docsBase = values['docs-url'] ?? io.env.ATELIER_DOCS_URL ?? DEFAULT_DOCS_BASE;

  if (command === 'rules') {
    if (format !== 'text' && format !== 'json') return usageError(io, `La commande rules s’affiche en text ou en json, pas en ${format}.`);
    const rules = catalogue.map((rule) => ({ id: rule.id, severity: rule.severity, title: rule.docs.title, url: ruleUrl(docsBase, rule.id) }));
    io.stdout(format === 'json' ? `${JSON.stringify(rules, null, 2)}\n` : rules.map((r) => `${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${r.title}`).join('\n') + '\n');
    return 0;
  }
  if (command !== 'check' && command !== 'services') return usageError(io, `Commande inconnue : ${command}`);

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) return usageError(io, `--max-warnings attend un nombre entier positif ou nul, pas « ${values['max-warnings']} ».`);
    maxWarnings = Number(values['max-warnings']);
  }
  if (values.file.includes('-')) return usageError(io, 'La lecture du fichier compose sur l’entrée standard (-f -) n’est pas prise en charge : indiquez un chemin.');

  const env = Object.fromEntries(Object.entries(io.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const knownRuleIds = new Set(catalogue.map((rule) => rule.id));
  let config;
  try {
    config = loadConfig(io.cwd, values.config === undefined ? undefined : resolve(io.cwd, values.config), knownRuleIds, env.HOME);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const context: LoadContext = { cwd: io.cwd, env, problems: [] };
  const projects = loadProjects(targets, values, context);
  // Compose reads the env files twice (before and after finding the compose file): say a problem once.
  const problems = (): string[] => [...new Set(context.problems)];
  if (projects === undefined) {
    for (const problem of problems()) io.stderr(`${problem}\n`);
    return 2;
  }

  if (command === 'services') {
    for (const project of projects) {
      const names = (project.compose ?? checkProject(project.files, project.options).compose)?.model.services.keys() ?? [];
      for (const name of names) io.stdout(`${escapeControls(name)}\n`);
    }
    for (const problem of problems()) io.stderr(`${problem}\n`);
    return context.problems.length > 0 ? 2 : 0;
  }

  const diagnostics: Diagnostic[] = [];
  const checked: string[] = [];
  const notes: string[] = [];
  for (const project of projects) {
    const shown = (path: string): string => displayPath(path.startsWith('/') ? path : join(project.root, path), io.cwd);
    for (const file of project.files) checked.push(shown(file.path));
    for (const d of checkProject(project.files, project.options, { compose: project.compose }).diagnostics) diagnostics.push({ ...d, file: shown(d.file) });
    if (project.inactiveServices.length > 0) {
      notes.push(
        `Services laissés de côté par les profils (comme docker compose) : ${project.inactiveServices.join(', ')}. Pour les vérifier aussi : --profile '*'.`,
      );
    }
  }
  const kept = applyRuleSettings(diagnostics, config.rules);

  if (format === 'json') io.stdout(formatJson(kept, checked, docsBase));
  else if (format === 'sarif') io.stdout(formatSarif(kept, catalogue, io.cwd, docsBase));
  else if (format === 'github') io.stdout(formatGithub(kept, docsBase));
  else io.stdout(formatText(kept, { docsBase, colours: useColours(io), notes }));

  for (const problem of problems()) io.stderr(`${problem}\n`);
  if (context.problems.length > 0) return 2;
  if (kept.some((d) => d.severity === 'error')) return 1;
  const warnings = kept.filter((d) => d.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`Trop d’avertissements : ${warnings} pour ${maxWarnings} permis (--max-warnings).\n`);
    return 1;
  }
  return 0;
}

interface ProjectFlags {
  file: string[];
  'project-directory'?: string | undefined;
  'env-file': string[];
  profile: string[];
  'project-name'?: string | undefined;
  production: boolean;
  swarm?: boolean | undefined;
}

/**
 * Turns the positional paths and Compose's flags into the projects to check.
 * Without a path: the project Compose finds from the working directory. A
 * compose file: added to `-f`. A folder: the project of that folder (or, with
 * no compose file in it, the nginx files under it). An nginx file: checked on
 * its own. Undefined when nothing could be loaded.
 */
function loadProjects(targets: string[], flags: ProjectFlags, context: LoadContext): LoadedProject[] | undefined {
  const request: ProjectRequest = {
    files: [...flags.file],
    projectDirectory: flags['project-directory'],
    envFiles: flags['env-file'],
    profiles: flags.profile,
    projectName: flags['project-name'],
    checkFlags: { ...(flags.production ? { production: true } : {}), ...(flags.swarm ? { swarm: true } : {}) },
  };
  const folders: string[] = [];
  const nginxFiles: string[] = [];
  for (const target of targets) {
    const path = resolve(context.cwd, target);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      context.problems.push(`Fichier introuvable : ${target}`);
      continue;
    }
    const kind = classifyFile(path);
    if (stats.isDirectory()) folders.push(path);
    else if (kind === 'compose') request.files.push(target);
    else if (kind === 'nginx') nginxFiles.push(path);
    else if (kind === 'env') request.envFiles = [...request.envFiles, target];
    else context.problems.push(`Type de fichier non reconnu : ${target} (attendu : un dossier, un fichier compose, .env ou nginx *.conf)`);
  }
  const projects: LoadedProject[] = [];
  const wantsDefault = targets.length === 0 || request.files.length > 0;
  if (wantsDefault) {
    const project = loadComposeProject(request, context);
    if (project) projects.push(project);
  }
  for (const folder of folders) {
    if (DEFAULT_FILE_NAMES.some((name) => isFile(join(folder, name)))) {
      const project = loadComposeProject({ ...request, files: [], projectDirectory: folder }, context);
      if (project) projects.push(project);
    } else {
      const others = composeNamesIn(folder);
      if (others.length > 0) {
        context.problems.push(
          `${displayPath(folder, context.cwd)} n’a ni compose.yaml ni docker-compose.yml, que Compose chercherait\u00a0: indiquez ${others.map((name) => `-f ${displayPath(join(folder, name), context.cwd)}`).join(' ')} pour vérifier ${others.length > 1 ? 'ces fichiers' : 'ce fichier'}.`,
        );
      }
      nginxFiles.push(...walkFiles(folder, displayPath(folder, context.cwd), (name) => classifyFile(name) === 'nginx', context.problems));
    }
  }
  const loaded = new Set(projects.flatMap((p) => p.files.map((f) => (f.path.startsWith('/') ? f.path : join(p.root, f.path)))));
  const alone = loadNginxFiles(
    nginxFiles.filter((path) => !loaded.has(path)),
    context,
    request.checkFlags,
  );
  if (alone) projects.push(alone);
  if (projects.length === 0) {
    if (context.problems.length === 0) context.problems.push('Aucun fichier compose ou nginx à vérifier.');
    return undefined;
  }
  return projects;
}

/** Compose-named files directly in `folder` (`compose.prod.yaml`…), which Compose reads only when named. */
function composeNamesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => classifyFile(name) === 'compose').sort();
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
