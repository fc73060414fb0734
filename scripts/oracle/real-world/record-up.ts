// What `docker compose config` accepts but `up` refuses or misreads: for each
// compose case Compose 2.40.3 accepts (compose-verdicts.json), the real engine
// creates the project's containers (`create --pull never --no-build`, nothing
// is pulled, built or started) on the local dockerd, with an empty local image
// tagged under every image name the project uses; then reads back each
// container's healthcheck as Docker stores it (a `CMD …` string becomes
// `["CMD-SHELL", "CMD …"]`: misread). Everything is removed afterwards
// (`down -v --remove-orphans`, the tags it added). Verdicts:
// cases/compose[-mutants]-up-verdicts.json, with the Compose and Docker versions.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectFiles } from './agreement.ts';
import { CASES, corpusDir, REPO, verdictsFile } from './paths.ts';

const rootfs = execFileSync('bash', [join(REPO, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
const BIN = process.env['DOCKER_COMPOSE'] ?? join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
const KIND = process.argv[2] === 'mutants' ? 'compose-mutants' : 'compose';
/** Only the mutations named (comma-separated, `-` for the files as published), e.g. to re-record one class. */
const ONLY = process.env['ATELIER_UP_MUTATIONS']?.split(',');
/** Only the cases named (comma-separated ids). */
const ONLY_CASES = process.env['ATELIER_UP_CASES']?.split(',');
const TINY = 'atelier-upverdicts/tiny:1';
const TIMEOUT = 30_000;
// One resource at a time: the first error met is the same from run to run.
const ENV = { HOME: '/nonexistent', PATH: '/usr/bin:/bin', COMPOSE_PARALLEL_LIMIT: '1' };

export interface UpVerdict {
  args: string[];
  /** `created`: up would create every container; `refused`: it stops with `message`; `untested`: an image that cannot be stood in for. */
  verdict: 'created' | 'refused' | 'untested';
  message?: string;
  /** Refused because of what this host holds or lacks (an external network, an address range in use): not the file's fault alone. */
  host?: boolean;
  /** Containers that are created but will not behave as written, per service. */
  misread?: Record<string, string>;
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; text: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: ENV, timeout: TIMEOUT, killSignal: 'SIGKILL', maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 124) : 0, text: `${stdout}${stderr}`, stdout });
    });
  });
}
const docker = (args: string[]): Promise<{ code: number; text: string; stdout: string }> => run('docker', args, '/');

// The empty image everything stands on: no layer, a command so that Docker creates the container.
if ((await docker(['image', 'inspect', TINY])).code !== 0) {
  const empty = join(mkdtempSync(join(tmpdir(), 'rw-up-')), 'empty.tar');
  execFileSync('tar', ['cf', empty, '--files-from', '/dev/null']);
  execFileSync('docker', ['import', '-c', 'CMD ["/true"]', empty, TINY]);
  rmSync(dirname(empty), { recursive: true, force: true });
}

// Tags this run added, counted per case using them: a name that existed before is never touched.
// One look-up at a time, so that two cases do not both take a name for theirs.
const added = new Map<string, number>();
let lock: Promise<unknown> = Promise.resolve();
const serialized = <T>(task: () => Promise<T>): Promise<T> => {
  const next = lock.then(task);
  lock = next.catch(() => undefined);
  return next;
};
/** One spelling per image, so that `redis`, `redis:latest` and `docker.io/library/redis` share a count. */
function canonical(name: string): string {
  const short = name.replace(/^(?:index\.)?docker\.io\/(?:library\/)?/, '');
  return /@|:[^/]*$/.test(short) ? short : `${short}:latest`;
}
const standIn = (image: string): Promise<boolean> =>
  serialized(async () => {
    const name = canonical(image);
    const count = added.get(name);
    if (count !== undefined) return added.set(name, count + 1), true;
    if ((await docker(['image', 'inspect', name])).code === 0) return true;
    if ((await docker(['tag', TINY, name])).code !== 0) return false;
    added.set(name, 1);
    return true;
  });
const release = (image: string): Promise<void> =>
  serialized(async () => {
    const name = canonical(image);
    const count = added.get(name);
    if (count === undefined) return;
    if (count > 1) return void added.set(name, count - 1);
    added.delete(name);
    await docker(['rmi', '--no-prune', name]);
  });

/** What an interrupted run left: its projects' containers, networks and volumes, and the names given to the empty image. */
function sweep(): void {
  const sh = (args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' });
  const containers = sh(['ps', '-a', '--filter', `label=com.docker.compose.project`, '--format', '{{.ID}} {{.Label "com.docker.compose.project"}}']).split('\n').filter((l) => / atelier-upv-/.test(l)).map((l) => l.split(' ')[0]!);
  if (containers.length) sh(['rm', '-f', '-v', ...containers]);
  for (const what of ['network', 'volume']) {
    const names = sh([what, 'ls', '--filter', 'name=atelier-upv-', '--format', '{{.Name}}']).split('\n').filter((n) => n.startsWith('atelier-upv-'));
    if (names.length) sh([what, 'rm', ...names]);
  }
  const tiny = sh(['image', 'inspect', '--format', '{{.Id}}', TINY]).trim();
  const tags = sh(['images', '--no-trunc', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']).split('\n').filter((l) => l.endsWith(` ${tiny}`)).map((l) => l.split(' ')[0]!).filter((t) => t !== TINY && !t.includes('<none>'));
  if (tags.length) sh(['rmi', '--no-prune', ...tags]);
}
sweep();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (sweep(), process.exit(130)));

const CANONICAL = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const fileArgs = (dir: string, file: string): string[] => (CANONICAL.find((n) => existsSync(join(dir, n))) === file ? [] : ['-f', file]);

/** The message without what changes from run to run: folder, project name, ids, times. */
const clean = (text: string, dir: string, project: string): string =>
  text
    .split(dir).join('.')
    .split(project).join('<project>')
    .replace(/time="[^"]*" /g, '')
    // Warnings are not the verdict (and the daemon's repeat its error on a second line).
    .replace(/^.*level=warning .*$/gm, '')
    .replace(/\b[0-9a-f]{64}\b/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id>')
    .replace(/^\s*(Network|Volume|Container) \S+\s+(Creating|Created|Removing|Removed)\s*$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .slice(0, 2000);

interface Model { services?: Record<string, { image?: string; build?: unknown }> }

async function removeProject(project: string, dir: string, file: string): Promise<void> {
  await run(BIN, ['-p', project, ...fileArgs(dir, file), 'down', '-v', '--remove-orphans'], dir);
  // A project whose files no longer load is still removed by its label.
  const left = (await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.split('\n').filter(Boolean);
  if (left.length) await docker(['rm', '-f', '-v', ...left]);
}

let serial = 0;
async function record(id: string): Promise<UpVerdict> {
  const meta = JSON.parse(readFileSync(join(corpusDir(KIND), id, 'case.json'), 'utf8')) as { composeFile: string };
  const dir = mkdtempSync(join(tmpdir(), 'rw-up-'));
  const project = `atelier-upv-${process.pid}-${++serial}`;
  const images: string[] = [];
  try {
    for (const [path, text] of projectFiles(KIND, id)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const base = [...fileArgs(dir, meta.composeFile), '-p', project];
    const args = [...fileArgs(dir, meta.composeFile), 'create', '--pull', 'never', '--no-build'];
    const config = await run(BIN, [...base, 'config', '--format', 'json'], dir);
    if (config.code !== 0) return { args, verdict: 'untested', message: `config: ${clean(config.text, dir, project)}` };
    const model = JSON.parse(config.stdout) as Model;
    for (const [name, service] of Object.entries(model.services ?? {})) {
      // Compose names a built image `<project>-<service>` unless `image` names it.
      const image = service.image ?? `${project}-${name}`;
      if (images.includes(image)) continue;
      if (!(await standIn(image))) return { args, verdict: 'untested', message: `image ${clean(image, dir, project)}` };
      images.push(image);
    }
    const created = await run(BIN, [...base, 'create', '--pull', 'never', '--no-build'], dir);
    if (created.code !== 0) {
      // Compose creates networks and volumes in map order: when several fail, the first error met varies.
      // Three tries, the first message in sorted order is the one recorded.
      const messages = [clean(created.text, dir, project)];
      for (let i = 0; i < 2; i++) {
        await removeProject(project, dir, meta.composeFile);
        const again = await run(BIN, [...base, 'create', '--pull', 'never', '--no-build'], dir);
        if (again.code !== 0 && !/is already in use by container/.test(again.text)) messages.push(clean(again.text, dir, project));
      }
      // The previous recording's message when this run met it too: re-recording rewrites nothing.
      const before = previous[id]?.message;
      const message = before !== undefined && messages.includes(before) ? before : messages.sort()[0]!;
      // The empty image is built for this machine's platform only.
      if (/does not match the specified platform/.test(message)) return { args, verdict: 'untested', message };
      // What the host holds decides: resources the project expects to exist, address ranges other networks took.
      // (Named by kind only: which of several missing ones is met first varies.)
      if (/declared as external, but could not be found|external volume .* not found|Pool overlaps with other one/.test(message)) {
        return { args, verdict: 'refused', host: true, message: message.replace(/external volume "[^"]*"/g, 'external volume "…"').replace(/network \S+ declared as external/g, 'network … declared as external').replace(/network <project>_\S+/g, 'network <project>_…') };
      }
      return { args, verdict: 'refused', message };
    }
    // Each container's healthcheck as Docker will run it.
    const misread: Record<string, string> = {};
    const ids = (await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.split('\n').filter(Boolean);
    if (ids.length) {
      const inspected = JSON.parse((await docker(['inspect', ...ids])).stdout) as { Config: { Labels: Record<string, string>; Healthcheck?: { Test?: string[] } } }[];
      for (const c of inspected) {
        const test = c.Config.Healthcheck?.Test;
        if (test?.[0] === 'CMD-SHELL' && /^\s*(CMD|CMD-SHELL|NONE)(\s|$)/.test(test[1] ?? '')) misread[c.Config.Labels['com.docker.compose.service']!] = JSON.stringify(test);
      }
    }
    return Object.keys(misread).length ? { args, verdict: 'created', misread: Object.fromEntries(Object.entries(misread).sort()) } : { args, verdict: 'created' };
  } finally {
    await removeProject(project, dir, meta.composeFile);
    for (const image of images) await release(image);
    rmSync(dir, { recursive: true, force: true });
  }
}

const accepted = JSON.parse(readFileSync(verdictsFile(KIND), 'utf8')) as Record<string, { verdict: string }>;
const cases = readdirSync(corpusDir(KIND))
  .sort()
  .filter((id) => accepted[id]?.verdict === 'valid')
  .filter((id) => !ONLY_CASES || ONLY_CASES.includes(id))
  .filter((id) => !ONLY || ONLY.includes((JSON.parse(readFileSync(join(corpusDir(KIND), id, 'case.json'), 'utf8')) as { mutation?: string }).mutation ?? '-'));
const out = join(CASES, `${KIND}-up-verdicts.json`);
const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { cases: Record<string, UpVerdict> }).cases : {};
const verdicts: Record<string, UpVerdict> = ONLY || ONLY_CASES ? { ...previous } : {};
const queue = [...cases];
const started = Date.now();
// Two at a time; a `container_name` two cases share makes one of them wait its turn.
await Promise.all(
  Array.from({ length: 2 }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      let v = await record(id).catch((e: unknown): UpVerdict => ({ args: [], verdict: 'untested', message: String(e) }));
      if (v.verdict === 'refused' && /is already in use by container/.test(v.message ?? '')) v = await record(id);
      verdicts[id] = v;
      if (Object.keys(verdicts).length % 50 === 0) console.log(`${Object.keys(verdicts).length}/${cases.length} in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }),
);
sweep();
const version = (await run(BIN, ['version', '--short'], '/')).text.trim();
const engine = (await docker(['version', '--format', '{{.Server.Version}}'])).text.trim();
const sorted = Object.fromEntries(Object.keys(verdicts).sort().map((id) => [id, verdicts[id]!]));
// One case a line: a re-recording's diff reads case by case.
const lines = Object.entries(sorted).map(([id, v]) => `  ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
const head = JSON.stringify({ compose: version, docker: engine, command: 'create --pull never --no-build' }, null, 1).slice(0, -2);
writeFileSync(out, `${head},\n "cases": {\n${lines.join(',\n')}\n }\n}\n`);
const count = (v: UpVerdict['verdict']): number => Object.values(sorted).filter((x) => x.verdict === v).length;
console.log(`recorded ${Object.keys(sorted).length}: created ${count('created')} (misread ${Object.values(sorted).filter((x) => x.misread).length}), refused ${count('refused')}, untested ${count('untested')}`);
