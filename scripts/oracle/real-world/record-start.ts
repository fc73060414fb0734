// What only starting a project's containers refuses among what `create`
// accepts (record-up.ts): a host port published twice (« port is already
// allocated », « address already in use ») and a `service_healthy` dependency
// on a service without healthcheck (« dependency failed to start: container …
// has no healthcheck configured »). For each case `up` creates whose Compose
// model (`config --format json`) could meet either, `up -d --no-build --pull
// never` runs on the local dockerd with an extra `-f` override that changes
// nothing of ports, dependencies or healthcheck presence: every service runs
// a tiny static sleeper (busybox from Debian's busybox-static, `sleep`; `true`
// for a `service_completed_successfully` dependency) as root, a healthcheck
// the file or its image defines gets a test that succeeds at once (1 s
// interval; a disabled one stays disabled), bind mounts of host paths outside
// the project point at an empty folder of the project (nothing is created on
// the host). Everything is removed afterwards (`down -v --remove-orphans`).
// Verdicts: cases/compose[-mutants]-start-verdicts.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { acceptedCases, BIN, clean, docker, fileArgs, implicitOverride, partial, readVerdicts, removeDir, removeProject, run, sweep, verdictsOut, writeProject, writeVerdicts } from './up-harness.ts';
import type { UpVerdict } from './agreement.ts';

const SLEEPER = 'atelier-startverdicts/sleeper:1';
const PREFIX = 'atelier-ups-';
const TIMEOUT = 90_000;
const OVERRIDE = '.atelier-start.yaml';

export interface StartVerdict {
  /** What the model could meet: two host bindings or more, a `service_healthy` dependency. */
  checks: ('ports' | 'healthy')[];
  /** `started`: every container starts; `refused`: a port published twice or a healthy dependency without healthcheck; `untested`: the stand-ins or the host decide. */
  verdict: 'started' | 'refused' | 'untested';
  message?: string;
  /** Untested because of this host: a host port something else holds, an address it does not have, an address range another network holds, an image whose HEALTHCHECK only the real one tells. */
  host?: boolean;
}

interface Port { published?: string; host_ip?: string; protocol?: string; target?: number }
interface Healthcheck { test?: string[]; disable?: boolean }
interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string; dockerfile_inline?: string };
  ports?: Port[];
  scale?: number;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition?: string; required?: boolean }>;
  healthcheck?: Healthcheck;
  user?: string;
  container_name?: string;
  volumes?: { type?: string; source?: string; target?: string }[];
}
interface Model { services?: Record<string, Service> }

// The sleeper: busybox-static's binary, alone in an image (no registry here: Debian's archive gives the package).
if ((await docker(['image', 'inspect', SLEEPER])).code !== 0) {
  const work = mkdtempSync(join(tmpdir(), 'rw-start-'));
  execFileSync('apt-get', ['download', 'busybox-static'], { cwd: work, stdio: 'ignore' });
  const deb = execFileSync('sh', ['-c', 'ls *.deb'], { cwd: work, encoding: 'utf8' }).trim();
  execFileSync('dpkg-deb', ['-x', deb, 'root'], { cwd: work });
  execFileSync('tar', ['cf', 'sleeper.tar', '-C', 'root', 'bin/busybox'], { cwd: work });
  execFileSync('docker', ['import', '-c', 'CMD ["/bin/busybox", "sleep", "3600"]', join(work, 'sleeper.tar'), SLEEPER]);
  removeDir(work);
}
sweep(PREFIX, [SLEEPER]);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (sweep(PREFIX, [SLEEPER]), process.exit(130)));

const replicas = (s: Service): number => s.scale ?? s.deploy?.replicas ?? 1;
/** Host bindings with a host port, each container counted (a fixed port and two replicas clash too). */
function bindings(model: Model): { service: string; port: string; protocol: string; ip: string }[] {
  const out: { service: string; port: string; protocol: string; ip: string }[] = [];
  for (const [name, s] of Object.entries(model.services ?? {}))
    for (const p of s.ports ?? []) if (p.published) for (let i = 0; i < replicas(s); i++) out.push({ service: name, port: p.published, protocol: p.protocol ?? 'tcp', ip: p.host_ip ?? '' });
  return out;
}
const healthyWaits = (model: Model): [string, string, boolean][] =>
  Object.entries(model.services ?? {}).flatMap(([name, s]) => Object.entries(s.depends_on ?? {}).filter(([, d]) => d.condition === 'service_healthy').map(([dep, d]): [string, string, boolean] => [name, dep, d.required !== false]));

/** docker-library's official images define no HEALTHCHECK (docker-library/faq, « HEALTHCHECK »); `scratch` none either. */
const official = (image: string): boolean => /^(?:(?:index\.)?docker\.io\/)?(?:library\/)?[a-z0-9._-]+(?::[\w.-]+)?(?:@sha256:[0-9a-f]+)?$/.test(image) || image === 'scratch';
/**
 * Does the service's image define a HEALTHCHECK? `false` when that is certain
 * (an official image; a Dockerfile of the project without HEALTHCHECK whose
 * stages all start from official images or earlier stages), `true` when its
 * Dockerfile defines one, `undefined` when only the real image could tell.
 */
function imageHealthcheck(s: Service, dir: string): boolean | undefined {
  if (!s.build) return s.image !== undefined && official(s.image) ? false : undefined;
  const context = s.build.context ?? '';
  let text = s.build.dockerfile_inline;
  if (text === undefined) {
    const file = join(context, s.build.dockerfile ?? 'Dockerfile');
    if (!isAbsolute(context) || relative(dir, file).startsWith('..') || !existsSync(file)) return undefined;
    text = readFileSync(file, 'utf8');
  }
  const check = /^\s*HEALTHCHECK\s+(\S+)/gim;
  let last: string | undefined;
  for (let m = check.exec(text); m; m = check.exec(text)) last = m[1]!.toUpperCase();
  if (last !== undefined) return last !== 'NONE';
  const stages = new Set<string>();
  for (const m of text.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    if (!stages.has(m[1]!.toLowerCase()) && !official(m[1]!)) return undefined;
    if (m[2]) stages.add(m[2].toLowerCase());
  }
  return false;
}
/** The service will have a healthcheck: one of its own, or its image's that the file does not disable. */
function healthcheckOf(s: Service, dir: string): boolean | undefined {
  const h = s.healthcheck;
  if (h?.disable || h?.test?.[0] === 'NONE') return false;
  if (h?.test?.length) return true;
  return imageHealthcheck(s, dir);
}

/** Host ports something already listens on (any address), as `port/protocol`. */
function hostPortsInUse(): Set<string> {
  const used = new Set<string>();
  for (const line of execFileSync('ss', ['-Hltun'], { encoding: 'utf8' }).split('\n')) {
    const m = /^(tcp|udp)\s+\S+\s+\d+\s+\d+\s+\S*:(\d+)\s/.exec(line);
    if (m) used.add(`${m[2]}/${m[1]}`);
  }
  // Ports Docker holds for containers (without userland proxy, nothing listens).
  for (const line of execFileSync('docker', ['ps', '--format', '{{.Ports}}'], { encoding: 'utf8' }).split('\n'))
    for (const m of line.matchAll(/:(\d+)(?:-(\d+))?->\d+(?:-\d+)?\/(tcp|udp|sctp)/g)) for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) used.add(`${p}/${m[3]}`);
  return used;
}
const LOCAL = new Set(['', '0.0.0.0', '::', '127.0.0.1', '::1']);
const localAddresses = (): Set<string> => new Set([...LOCAL, ...execFileSync('ip', ['-o', 'addr'], { encoding: 'utf8' }).split('\n').map((l) => /inet6?\s+([^/\s]+)/.exec(l)?.[1]).filter((a): a is string => !!a)]);

/** The override: what runs, as whom, and healthchecks that pass at once; nothing of ports, dependencies or healthcheck presence. */
function override(model: Model, dir: string): string {
  const completed = new Set(Object.values(model.services ?? {}).flatMap((s) => Object.entries(s.depends_on ?? {}).filter(([, d]) => d.condition === 'service_completed_successfully').map(([n]) => n)));
  const binds = join(dir, '.atelier-binds');
  const out = ['services:'];
  let n = 0;
  for (const [name, s] of Object.entries(model.services ?? {})) {
    out.push(`  ${JSON.stringify(name)}:`, `    image: ${JSON.stringify(SLEEPER)}`, '    platform: !reset null', '    command: !reset null');
    out.push(`    entrypoint: ${JSON.stringify(completed.has(name) ? ['/bin/busybox', 'true'] : ['/bin/busybox', 'sh', '-c', 'exec /bin/busybox sleep 3600'])}`);
    if (s.user !== undefined) out.push('    user: "0:0"');
    if (healthcheckOf(s, dir)) out.push('    healthcheck: {test: ["CMD", "/bin/busybox", "true"], interval: 1s, timeout: 5s, retries: 3, start_period: 0s}');
    // Host paths outside the project: an empty folder of the project instead, so that dockerd creates nothing on the host.
    const volumes = s.volumes ?? [];
    if (volumes.some((v) => v.type === 'bind' && v.source && relative(dir, v.source).startsWith('..'))) {
      const list = volumes.map((v) => {
        if (v.type !== 'bind' || !v.source || !relative(dir, v.source).startsWith('..')) return v;
        const source = join(binds, String(++n));
        mkdirSync(source, { recursive: true });
        return { ...v, source };
      });
      out.push(`    volumes: !override ${JSON.stringify(list)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

let serial = 0;
async function record(id: string): Promise<StartVerdict | undefined> {
  const { dir, composeFile } = writeProject(id);
  const project = `${PREFIX}${process.pid}-${++serial}`;
  const implicit = fileArgs(dir, composeFile);
  // The files Compose reads, named (an override Compose picks by itself is no longer picked once `-f` is given), then ours.
  const files = implicit.length ? implicit : ['-f', composeFile, ...(implicitOverride(dir) ? ['-f', implicitOverride(dir)!] : [])];
  let started = false;
  try {
    const config = await run(BIN, [...implicit, '-p', project, 'config', '--format', 'json'], dir);
    if (config.code !== 0) return { checks: [], verdict: 'untested', message: `config: ${clean(config.text, dir, project)}` };
    const model = JSON.parse(config.stdout) as Model;
    const ports = bindings(model);
    const waits = healthyWaits(model);
    const checks = [...(ports.length >= 2 ? (['ports'] as const) : []), ...(waits.length ? (['healthy'] as const) : [])];
    if (!checks.length) return undefined;
    if (implicit.length === 0 && /^\s*COMPOSE_FILE\s*=/m.test(existsSync(join(dir, '.env')) ? readFileSync(join(dir, '.env'), 'utf8') : '')) return { checks, verdict: 'untested', message: 'COMPOSE_FILE in .env' };
    // What this host holds or lacks decides before the file does.
    const used = hostPortsInUse();
    const busy = ports.filter((b) => /^\d+$/.test(b.port) && used.has(`${b.port}/${b.protocol}`));
    if (busy.length) return { checks, verdict: 'untested', host: true, message: `port ${busy[0]!.port}/${busy[0]!.protocol} in use on this host` };
    const local = localAddresses();
    const foreign = ports.find((b) => !local.has(b.ip));
    if (foreign) return { checks, verdict: 'untested', host: true, message: `address ${foreign.ip} not on this host` };
    writeFileSync(join(dir, OVERRIDE), override(model, dir));
    started = true;
    const up = await run(BIN, [...files, '-f', OVERRIDE, '-p', project, 'up', '-d', '--no-build', '--pull', 'never'], dir, TIMEOUT);
    if (up.code === 0) return { checks, verdict: 'started' };
    const text = clean(up.text, dir, project);
    const last = text.split('\n').filter((l) => l.trim()).slice(-1)[0] ?? '';
    const taken = /(?:Bind for \S*?:(\d+) failed: port is already allocated|:(\d+): bind: address already in use)/.exec(text);
    if (taken) {
      const port = taken[1] ?? taken[2]!;
      // The file publishes it twice (or for two replicas), or something else took it meanwhile.
      const twice = ports.filter((b) => b.port === port).length >= 2;
      return twice ? { checks, verdict: 'refused', message: last } : { checks, verdict: 'untested', host: true, message: `port ${port} taken meanwhile: ${last}` };
    }
    const unhealthy = /container (\S+) has no healthcheck configured/.exec(text);
    if (unhealthy) {
      // The container Compose names: `<project>-<service>-<n>`, or a service's `container_name`.
      const container = unhealthy[1]!;
      const service = /^<project>-(.+)-\d+$/.exec(container)?.[1] ?? Object.entries(model.services ?? {}).find(([, s]) => s.container_name === container)?.[0] ?? container;
      // The stand-in has no HEALTHCHECK: when the real image could have one, only it could tell.
      const certain = healthcheckOf(model.services?.[service] ?? {}, dir) === false;
      return certain ? { checks, verdict: 'refused', message: last } : { checks, verdict: 'untested', host: true, message: `the image of ${service} may define a HEALTHCHECK: ${last}` };
    }
    // An address range another network of this host holds meanwhile (another project's).
    if (/Pool overlaps with other one/.test(text)) return { checks, verdict: 'untested', host: true, message: last.slice(0, 300) };
    return { checks, verdict: 'untested', message: last.slice(0, 300) };
  } finally {
    if (started) await removeProject(project, dir, [...files, '-f', OVERRIDE]);
    removeDir(dir);
  }
}

const cause = (message = ''): string => (/port is already allocated|address already in use/.test(message) ? 'port' : /has no healthcheck configured/.test(message) ? 'healthcheck' : message.slice(0, 20));

// Only the cases `create` accepts (record-up.ts): a refusal before starting is that kind's verdict.
const created = readVerdicts<UpVerdict>(verdictsOut('up'));
const cases = acceptedCases().filter((id) => created[id]?.verdict === 'created');
const out = verdictsOut('start');
const previous = readVerdicts<StartVerdict>(out);
const verdicts: Record<string, StartVerdict> = partial ? { ...previous } : {};
const began = Date.now();
// One at a time: two projects never race for a host port.
for (const [i, id] of cases.entries()) {
  let v = await record(id).catch((e: unknown): StartVerdict => ({ checks: [], verdict: 'untested', message: String(e) }));
  // The previous recording's message when the verdict and its cause are the same: which of two clashing containers fails first may vary.
  const before = previous[id];
  if (v && before && before.verdict === v.verdict && before.host === v.host && cause(before.message) === cause(v.message)) v = { ...v, ...(before.message === undefined ? {} : { message: before.message }) };
  if (v) verdicts[id] = v;
  else delete verdicts[id];
  if ((i + 1) % 50 === 0) console.log(`${i + 1}/${cases.length} in ${Math.round((Date.now() - began) / 1000)} s`);
}
sweep(PREFIX, [SLEEPER]);
const sorted = await writeVerdicts(out, 'up -d --no-build --pull never', verdicts);
const count = (v: StartVerdict['verdict']): number => Object.values(sorted).filter((x) => x.verdict === v).length;
const host = Object.values(sorted).filter((x) => x.host).length;
console.log(`${cases.length} cases in ${Math.round((Date.now() - began) / 1000)} s; recorded ${Object.keys(sorted).length}: started ${count('started')}, refused ${count('refused')}, untested ${count('untested')} (host ${host})`);
