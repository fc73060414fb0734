// What `docker compose config` accepts but `up` refuses or misreads: for each
// compose case Compose 2.40.3 accepts (compose-verdicts.json), the real engine
// creates the project's containers (`create --pull never --no-build`, nothing
// is pulled, built or started) on the local dockerd, with an empty local image
// tagged under every image name the project uses; then reads back each
// container's healthcheck as Docker stores it (a `CMD …` string becomes
// `["CMD-SHELL", "CMD …"]`: misread). Everything is removed afterwards
// (`down -v --remove-orphans`, the tags it added). Verdicts:
// cases/compose[-mutants]-up-verdicts.json, with the Compose and Docker versions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { acceptedCases, BIN, clean, docker, fileArgs, partial, readVerdicts, removeDir, removeProject, run, sweep, verdictsOut, writeProject, writeVerdicts } from './up-harness.ts';

const TINY = 'atelier-upverdicts/tiny:1';

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

sweep('atelier-upv-', [TINY]);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (sweep('atelier-upv-', [TINY]), process.exit(130)));

interface Model { services?: Record<string, { image?: string; build?: unknown }> }

let serial = 0;
async function record(id: string): Promise<UpVerdict> {
  const { dir, composeFile } = writeProject(id);
  const project = `atelier-upv-${process.pid}-${++serial}`;
  const images: string[] = [];
  try {
    const base = [...fileArgs(dir, composeFile), '-p', project];
    const args = [...fileArgs(dir, composeFile), 'create', '--pull', 'never', '--no-build'];
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
        await removeProject(project, dir, fileArgs(dir, composeFile));
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
    await removeProject(project, dir, fileArgs(dir, composeFile));
    for (const image of images) await release(image);
    removeDir(dir);
  }
}

const cases = acceptedCases();
const out = verdictsOut('up');
const previous = readVerdicts<UpVerdict>(out);
const verdicts: Record<string, UpVerdict> = partial ? { ...previous } : {};
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
sweep('atelier-upv-', [TINY]);
const sorted = await writeVerdicts(out, 'create --pull never --no-build', verdicts);
const count = (v: UpVerdict['verdict']): number => Object.values(sorted).filter((x) => x.verdict === v).length;
console.log(`recorded ${Object.keys(sorted).length}: created ${count('created')} (misread ${Object.values(sorted).filter((x) => x.misread).length}), refused ${count('refused')}, untested ${count('untested')}`);
