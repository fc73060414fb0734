// What record-up.ts (creating a case's containers) and record-start.ts
// (starting them) share: Compose 2.40.3 and the local dockerd run in a
// temporary folder holding the case's project, with an empty environment;
// messages are kept without what changes from run to run; an interrupted run's
// projects are swept at the next start; verdicts are written one case a line,
// sorted, so that re-recording rewrites nothing when nothing changed.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectFiles } from './agreement.ts';
import { CASES, corpusDir, REPO, verdictsFile } from './paths.ts';

const rootfs = execFileSync('bash', [join(REPO, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
export const BIN = process.env['DOCKER_COMPOSE'] ?? join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
export const KIND = process.argv[2] === 'mutants' ? 'compose-mutants' : 'compose';
// One resource at a time: the first error met is the same from run to run.
const ENV = { HOME: '/nonexistent', PATH: '/usr/bin:/bin', COMPOSE_PARALLEL_LIMIT: '1' };

export interface Ran { code: number; text: string; stdout: string }
export function run(cmd: string, args: string[], cwd: string, timeout = 30_000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: ENV, timeout, killSignal: 'SIGKILL', maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 124) : 0, text: `${stdout}${stderr}`, stdout });
    });
  });
}
export const docker = (args: string[]): Promise<Ran> => run('docker', args, '/');

const CANONICAL = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** No `-f` when the file is the one Compose picks by itself (so that its override is read too). */
export const fileArgs = (dir: string, file: string): string[] => (CANONICAL.find((n) => existsSync(join(dir, n))) === file ? [] : ['-f', file]);
/** The override Compose reads with a compose file it picks by itself (compose-go's DefaultOverrideFileNames, first found). */
export const implicitOverride = (dir: string): string | undefined =>
  ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'].find((n) => existsSync(join(dir, n)));

/** The message without what changes from run to run: folder, project name, ids, times. */
export const clean = (text: string, dir: string, project: string): string =>
  text
    .split(dir).join('.')
    .split(project).join('<project>')
    .replace(/time="[^"]*" /g, '')
    // Warnings are not the verdict (and the daemon's repeat its error on a second line).
    .replace(/^.*level=warning .*$/gm, '')
    .replace(/\b[0-9a-f]{64}\b/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id>')
    .replace(/^\s*(Network|Volume|Container) \S+\s+(Creating|Created|Removing|Removed|Starting|Started|Waiting|Healthy|Exited|Running|Recreate|Recreated|Stopping|Stopped)\s*$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .slice(0, 2000);

/** `down -v --remove-orphans` with the files it was brought up with; a project whose files no longer load is still removed by its label. */
export async function removeProject(project: string, dir: string, files: string[]): Promise<void> {
  await run(BIN, ['-p', project, ...files, 'down', '-v', '--remove-orphans', '-t', '0'], dir);
  const left = (await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.split('\n').filter(Boolean);
  if (left.length) await docker(['rm', '-f', '-v', ...left]);
}

/** What an interrupted run left: the containers, networks and volumes of its projects (`prefix*`), and the names it gave to its own images. */
export function sweep(prefix: string, own: string[]): void {
  const sh = (args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' });
  const containers = sh(['ps', '-a', '--filter', `label=com.docker.compose.project`, '--format', '{{.ID}} {{.Label "com.docker.compose.project"}}']).split('\n').filter((l) => l.includes(` ${prefix}`)).map((l) => l.split(' ')[0]!);
  if (containers.length) sh(['rm', '-f', '-v', ...containers]);
  for (const what of ['network', 'volume']) {
    const names = sh([what, 'ls', '--filter', `name=${prefix}`, '--format', '{{.Name}}']).split('\n').filter((n) => n.startsWith(prefix));
    if (names.length) sh([what, 'rm', ...names]);
  }
  for (const image of own) {
    const id = sh(['image', 'inspect', '--format', '{{.Id}}', image]).trim();
    const tags = sh(['images', '--no-trunc', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']).split('\n').filter((l) => l.endsWith(` ${id}`)).map((l) => l.split(' ')[0]!).filter((t) => !own.includes(t) && !t.includes('<none>'));
    if (tags.length) sh(['rmi', '--no-prune', ...tags]);
  }
}

/** A temporary folder holding the case's project; its `case.json`. */
export function writeProject(id: string): { dir: string; composeFile: string } {
  const meta = JSON.parse(readFileSync(join(corpusDir(KIND), id, 'case.json'), 'utf8')) as { composeFile: string };
  const dir = mkdtempSync(join(tmpdir(), 'rw-up-'));
  for (const [path, text] of projectFiles(KIND, id)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, composeFile: meta.composeFile };
}

/** Only the mutations named (comma-separated, `-` for the files as published), e.g. to re-record one class. */
const ONLY = process.env['ATELIER_UP_MUTATIONS']?.split(',');
/** Only the cases named (comma-separated ids). */
const ONLY_CASES = process.env['ATELIER_UP_CASES']?.split(',');
/** A partial run keeps the other cases' verdicts. */
export const partial = ONLY !== undefined || ONLY_CASES !== undefined;

/** The cases `config` accepts (compose[-mutants]-verdicts.json), sorted, narrowed by ATELIER_UP_MUTATIONS and ATELIER_UP_CASES. */
export function acceptedCases(): string[] {
  const accepted = JSON.parse(readFileSync(verdictsFile(KIND), 'utf8')) as Record<string, { verdict: string }>;
  return readdirSync(corpusDir(KIND))
    .sort()
    .filter((id) => accepted[id]?.verdict === 'valid')
    .filter((id) => !ONLY_CASES || ONLY_CASES.includes(id))
    .filter((id) => !ONLY || ONLY.includes((JSON.parse(readFileSync(join(corpusDir(KIND), id, 'case.json'), 'utf8')) as { mutation?: string }).mutation ?? '-'));
}

export const verdictsOut = (suffix: string): string => join(CASES, `${KIND}-${suffix}-verdicts.json`);
export function readVerdicts<V>(out: string): Record<string, V> {
  return existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { cases: Record<string, V> }).cases : {};
}

/** The versions of the tools, then one case a line in sorted order: a re-recording's diff reads case by case. */
export async function writeVerdicts<V>(out: string, command: string, verdicts: Record<string, V>): Promise<Record<string, V>> {
  const version = (await run(BIN, ['version', '--short'], '/')).text.trim();
  const engine = (await docker(['version', '--format', '{{.Server.Version}}'])).text.trim();
  const sorted = Object.fromEntries(Object.keys(verdicts).sort().map((id) => [id, verdicts[id]!]));
  const lines = Object.entries(sorted).map(([id, v]) => `  ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  const head = JSON.stringify({ compose: version, docker: engine, command }, null, 1).slice(0, -2);
  writeFileSync(out, `${head},\n "cases": {\n${lines.join(',\n')}\n }\n}\n`);
  return sorted;
}

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });
