// The commands a lesson shows the learner: every line of its « Terminal »
// blocks, and every command written inline in its prose (`docker compose
// exec db psql …`). Checked twice, like the READMEs' (readme-commands.ts):
// - statically, in the unit tests (lesson-commands.test.ts): each `docker …`
//   command parses as Compose 2.40 and the Docker CLI accept it (the grammar
//   recorded from their own --help, docker-cli.ts), and what it names exists
//   in the chapter's stack or the lesson's solution: services, profiles,
//   networks, `-f` and `--env-file` files, files a container command reads
//   through a bind mount, the host port a URL targets, the file `cp` copies;
// - at run time, in the stacks phase (tests/stacks/stacks.test.ts), right after
//   the README's commands and against the same running stack: the commands a
//   learner can type against it run in order, as written, and where the text
//   says what one prints, the harness checks it.
// Every command that is not run says why (lesson-command-plan.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import type { CliTable } from '../oracle/record-docker-cli.ts';
import { parseDocker, placeholder } from './docker-cli.ts';
import { blockCommands, neverReturns, type ReadmeCommand } from './readme-commands.ts';
import { shellCommands } from './shell-words.ts';
import { CHECKED_TOOLS, innerToolCommands, loadToolTable, toolProblems } from './tool-options.ts';
import type { ToolTable } from '../oracle/record-tool-options.ts';

let tools: ToolTable | undefined;

/**
 * Tool commands a lesson shows as the form to avoid, whose options the tool
 * does not list (or no longer): command text → why. The unit test checks they
 * are still refused, so the text's claim stays true.
 */
export const AVOIDED_OPTIONS: Record<string, string> = {
  'npm install --production': 'l’ancien nom de --omit=dev, que le texte déconseille : absent de `npm install --help`, npm 11 l’accepte encore avec « npm warn config production Use `--omit=dev` instead »',
};

export interface LessonCommand extends ReadmeCommand {
  /** A line of a « Terminal » block, or a command written inline in the prose. */
  source: 'terminal' | 'inline';
  /** The block's title (`Terminal (sur un manager)`), or the sentence around an inline command. */
  context: string;
}

/** Programs whose inline mentions are commands (the first word of an inline code span). */
const PROGRAMS = new Set(['docker', 'curl', 'cp', 'psql', 'pg_dump', 'pg_restore', 'redis-cli', 'npm', 'node', 'nginx', 'wget', 'getent']);

interface MdNode {
  type: string;
  value?: string;
  lang?: string | null;
  meta?: string | null;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

/** The text of a paragraph, inline code included, for an inline command's context. */
function textOf(node: MdNode): string {
  if (node.value !== undefined) return node.type === 'inlineCode' ? `\`${node.value}\`` : node.value;
  return (node.children ?? []).map(textOf).join('');
}

export function lessonCommands(mdx: string): LessonCommand[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).parse(mdx) as unknown as MdNode;
  const commands: LessonCommand[] = [];
  visit(tree as never, (visited: unknown, _index: unknown, parent: unknown) => {
    const node = visited as MdNode;
    const line = node.position?.start.line ?? 0;
    if (node.type === 'code' && /^(sh|bash)$/.test(node.lang ?? '')) {
      const title = /title="([^"]*)"/.exec(node.meta ?? '')?.[1] ?? '';
      if (!/^Terminal\b/.test(title)) return;
      for (const command of blockCommands((node.value ?? '').split('\n'), line + 1)) commands.push({ ...command, source: 'terminal', context: title });
    } else if (node.type === 'inlineCode' && PROGRAMS.has((node.value ?? '').split(' ')[0] ?? '') && /\s/.test(node.value ?? '')) {
      // (A single word, `curl`, names a tool; a command has at least one argument.)
      const sentence = parent ? textOf(parent as MdNode) : '';
      const text = node.value ?? '';
      const at = sentence.indexOf(`\`${text}\``);
      const start = Math.max(sentence.lastIndexOf('. ', at) + 2, 0);
      const end = sentence.indexOf('. ', at + text.length);
      const command: LessonCommand = { text, comment: '', line, source: 'inline', context: sentence.slice(start, end < 0 ? undefined : end + 1).trim() };
      const never = neverReturns(text);
      if (never) command.interrupt = never;
      commands.push(command);
    }
  });
  return commands;
}

/** What a chapter's stack and its lesson's solution hold, for the reference checks. */
export interface ChapterProject {
  slug: string;
  /** Project files, relative to the stack or the solution folder. */
  files: Set<string>;
  services: Map<string, { binds: { source: string; target: string }[] }>;
  profiles: Set<string>;
  networks: Set<string>;
  /** Host ports the stack publishes when .env leaves the defaults. */
  hostPorts: Set<number>;
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
/** `${HTTP_PORT:-8080}` read as its default. */
const defaults = (text: string): string => text.replace(/\$\{\w+:?-([^}]*)\}/g, '$1');

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? [path, ...listFiles(dir, path)] : [path];
  });
}

export function chapterProject(stackDir: string, solutionDir: string, slug: string): ChapterProject {
  const project: ChapterProject = { slug, files: new Set([...listFiles(stackDir), ...listFiles(solutionDir)]), services: new Map(), profiles: new Set(), networks: new Set(), hostPorts: new Set() };
  for (const dir of [stackDir, solutionDir]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => /^(compose|docker-compose|stack)([.-][\w-]+)?\.ya?ml$/.test(name) && statSync(join(dir, name)).isFile())) {
      const document = parseYaml(readFileSync(join(dir, file), 'utf8')) as Plain | null;
      if (!isPlain(document)) continue;
      for (const name of Object.keys(isPlain(document['networks']) ? document['networks'] : {})) project.networks.add(name);
      for (const [name, body] of Object.entries(isPlain(document['services']) ? document['services'] : {})) {
        const service = project.services.get(name) ?? { binds: [] };
        project.services.set(name, service);
        if (!isPlain(body)) continue;
        if (body['networks'] === undefined && body['network_mode'] === undefined) project.networks.add('default');
        for (const profile of Array.isArray(body['profiles']) ? body['profiles'] : []) project.profiles.add(String(profile));
        for (const volume of Array.isArray(body['volumes']) ? body['volumes'] : []) {
          const [source, target] = typeof volume === 'string' ? volume.split(':') : isPlain(volume) ? [String(volume['source'] ?? ''), String(volume['target'] ?? '')] : [];
          if (source?.startsWith('./') && target) service.binds.push({ source: source.slice(2), target });
        }
        for (const port of Array.isArray(body['ports']) ? body['ports'] : []) {
          const parts = defaults(String(isPlain(port) ? (port['published'] ?? '') : port)).split(':');
          const host = Number(parts.length >= 2 ? parts.at(-2) : isPlain(port) ? parts[0] : NaN);
          if (Number.isInteger(host)) project.hostPorts.add(host);
        }
      }
    }
  }
  return project;
}

/**
 * What a command names that the chapter does not have, and how it fails to
 * parse. `allowedMissing` lists the names a lesson shows on purpose without
 * shipping them (a `compose.prod.yaml` given as an example).
 */
export function staticProblems(command: LessonCommand, project: ChapterProject, table: CliTable, allowedMissing: readonly string[] = []): string[] {
  const problems: string[] = [];
  const exists = (path: string): boolean => project.files.has(path.replace(/^\.\//, '').replace(/\/$/, '')) || allowedMissing.includes(path);
  const serviceExists = (name: string): boolean => placeholder(name) || name.startsWith('$') || project.services.has(name);
  let simple;
  try {
    simple = shellCommands(command.text);
  } catch (error) {
    return [`ligne de shell illisible : ${String(error)}`];
  }
  const all = [...simple, ...simple.flatMap((c) => c.substitutions)];
  for (const { words } of all) {
    const argv = words.map((w) => w.text);
    const program = argv[0];
    tools ??= loadToolTable();
    if (CHECKED_TOOLS.has(program ?? '') && !(command.text in AVOIDED_OPTIONS)) problems.push(...toolProblems(argv, tools));
    if (program === 'cp' && argv.length >= 3 && !exists(argv[1]!)) problems.push(`cp : ${argv[1]} n’existe ni dans la pile ni dans la solution`);
    if (program === 'curl') {
      for (const url of argv.filter((a) => /^https?:\/\/localhost:\d+/.test(a))) {
        const port = Number(/:(\d+)/.exec(url.slice(6))?.[1]);
        if (!project.hostPorts.has(port)) problems.push(`${url} : la pile ne publie pas le port ${port} de l’hôte (elle publie ${[...project.hostPorts].join(', ') || 'aucun port'})`);
      }
    }
    if (program !== 'docker') continue;
    const parsed = parseDocker(argv, table, { dynamic: words.map((w) => w.dynamic) });
    // The container's command: `exec db psql -U …`, `exec cache sh -c 'redis-cli …'`.
    for (const inner of innerToolCommands(parsed.inner)) problems.push(...toolProblems(inner, tools));
    // An inline mention (`docker compose up --scale`) may leave out what the prose explains; a typed command may not.
    problems.push(...parsed.problems.filter((p) => command.source === 'terminal' || !/il manque|attend une valeur/.test(p)));
    for (const { path, flag } of parsed.flags) {
      if (path !== 'docker compose' && path !== 'docker stack deploy') continue;
      if ((flag.name === 'file' || flag.name === 'compose-file' || flag.name === 'env-file') && flag.value && !exists(flag.value)) problems.push(`--${flag.name} ${flag.value} : fichier absent de la pile et de la solution`);
      if (flag.name === 'profile' && flag.value && !project.profiles.has(flag.value)) problems.push(`--profile ${flag.value} : aucun service de la pile n’a ce profil`);
    }
    for (const { flag } of parsed.flags.filter((f) => f.flag.name === 'scale')) {
      const name = flag.value?.split('=')[0] ?? '';
      if (!serviceExists(name)) problems.push(`--scale ${name} : service inconnu`);
    }
    if (parsed.path.startsWith('docker compose ')) {
      for (const { text, slot } of parsed.positionals) {
        if (!/^SERVICE/.test(slot)) continue;
        const name = text.split(/[:=]/)[0]!;
        if (!serviceExists(name)) problems.push(`${parsed.path} ${text} : service inconnu de la pile et de la solution`);
      }
      // A file the container command reads through a bind mount of the stack (`sh /backup/restore.sh`).
      const service = parsed.positionals.find((p) => p.slot === 'SERVICE')?.text;
      const binds = service ? (project.services.get(service)?.binds ?? []) : [];
      for (const word of parsed.inner.filter((w) => w.startsWith('/') && !/\d{8}T\d{6}Z|AAAAMMJJ/.test(w))) {
        // A bind source the repository does not hold (./backups) is created by Docker at start: nothing to check in it.
        const bind = binds.find((b) => (word === b.target || word.startsWith(`${b.target}/`)) && exists(b.source));
        if (bind && !exists(`${bind.source}${word.slice(bind.target.length)}`)) problems.push(`${word} : absent de ./${bind.source} (monté sur ${bind.target} dans ${service})`);
      }
    }
    if (parsed.path === 'docker network inspect') {
      for (const { text } of parsed.positionals) {
        const network = text.startsWith(`${project.slug}_`) ? text.slice(project.slug.length + 1) : undefined;
        if (network === undefined || !project.networks.has(network)) problems.push(`${text} : ni un réseau de la pile, ni nommé <dossier>_<réseau> (${project.slug}_…)`);
      }
    }
  }
  return problems;
}
