// Records the real verdict on the compose ↔ nginx cases (cases/cross and
// cases/cross-mutants): would the nginx service of the project start?
//   npx tsx scripts/oracle/real-world/record-cross.ts [mutants]
// 1. Compose 2.40.3 (Debian forky, as record-compose.ts) loads the project:
//    `docker compose -f <file> config --format json`, no profile active.
// 2. For each service that bind-mounts nginx configuration under /etc/nginx,
//    the names its container can resolve are derived from that model exactly
//    as Docker's embedded DNS answers them (dnsNames below), and written in the
//    chroot's /etc/hosts.
// 3. nginx 1.30.6 (the chroot of record-nginx.ts, in a private copy) runs
//    `nginx -t` on the official image's /etc/nginx with the project's files
//    placed at their mount targets (templates through the image's envsubst).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseOutput, rootfs } from '../nginx-chroot.ts';
import { crossProjectFiles } from './agreement.ts';
import { corpusDir, REPO, verdictsFile } from './paths.ts';

const KIND = process.argv[2] === 'mutants' ? 'cross-mutants' : 'cross';
const ROOT = corpusDir(KIND);
const composeRoot = execFileSync('bash', [join(REPO, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
const COMPOSE = process.env['DOCKER_COMPOSE'] ?? join(composeRoot, 'usr/libexec/docker/cli-plugins/docker-compose');
// A private copy of the nginx 1.30 chroot: /etc/nginx and /etc/hosts are rewritten for every case.
const root = join(REPO, '.cache/real-world-cross-root');
if (!existsSync(join(root, 'usr/sbin/nginx'))) cpSync(rootfs(), root, { recursive: true, verbatimSymlinks: true });
if (!existsSync(join(root, 'dev/null'))) execFileSync('mknod', ['-m', '666', join(root, 'dev/null'), 'c', '1', '3']);
// Debian's /etc/nginx holds the parameter files the official image has too; kept aside once.
const PRISTINE = join(root, 'etc/nginx.debian');
if (!existsSync(PRISTINE)) cpSync(join(root, 'etc/nginx'), PRISTINE, { recursive: true, verbatimSymlinks: true });
const CERTS = join(root, 'etc/ssl/atelier');
if (!existsSync(join(CERTS, 'cert.pem'))) {
  mkdirSync(CERTS, { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=localhost', '-keyout', join(CERTS, 'key.pem'), '-out', join(CERTS, 'cert.pem')], { stdio: 'ignore' });
}
if (!/^nginx:/m.test(readFileSync(join(root, 'etc/passwd'), 'utf8'))) {
  writeFileSync(join(root, 'etc/passwd'), `${readFileSync(join(root, 'etc/passwd'), 'utf8')}nginx:x:101:101:nginx:/nonexistent:/usr/sbin/nologin\n`);
  writeFileSync(join(root, 'etc/group'), `${readFileSync(join(root, 'etc/group'), 'utf8')}nginx:x:101:\n`);
}
for (const d of ['var/cache/nginx', 'var/log/nginx', 'usr/share/nginx/html', 'run']) mkdirSync(join(root, d), { recursive: true });

// The official image's /etc/nginx/nginx.conf and conf.d/default.conf (docker-library/nginx, mainline/debian).
const OFFICIAL_MAIN = `user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '\n                      '$status $body_bytes_sent "$http_referer" '\n                      '"$http_user_agent" "$http_x_forwarded_for"';\n\n    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    #tcp_nopush     on;\n\n    keepalive_timeout  65;\n\n    #gzip  on;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n`;
const OFFICIAL_DEFAULT = `server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n`;
/** The stream and mail modules are built into the official image; Debian ships them as modules. */
const MODULES = 'load_module /usr/lib/nginx/modules/ngx_stream_module.so; load_module /usr/lib/nginx/modules/ngx_mail_module.so;';

interface ServiceJson {
  image?: string;
  networks?: Record<string, { aliases?: string[] } | null>;
  network_mode?: string;
  container_name?: string;
  hostname?: string;
  links?: string[];
  extra_hosts?: string[] | Record<string, string | string[]>;
  environment?: Record<string, string | null>;
  command?: string[] | string | null;
  entrypoint?: string[] | string | null;
  volumes?: { type: string; source?: string; target: string }[];
}
interface ProjectJson { services: Record<string, ServiceJson> }

function networksOf(service: ServiceJson): string[] {
  if (service.network_mode) return [];
  return Object.keys(service.networks ?? { default: null });
}

/**
 * The names a container of `name` resolves, as Docker does:
 * - through the embedded DNS, on each network it shares with another
 *   service's container: that service's name (Compose gives every container
 *   its service name as a network alias), its `container_name` and its
 *   `aliases` on that network (Compose spec, services: `aliases`,
 *   `container_name`; moby answers the endpoint's DNSNames);
 * - its own `links` (`service` or `service:alias`), scoped to this container
 *   (Compose spec, services: `links`), when the linked service shares a network;
 * - its own /etc/hosts: `extra_hosts` and its own hostname.
 * Another container's `hostname` is not a DNS name on the network
 * (moby/moby#36333: "Docker hostname not replicated in internal DNS").
 * `network_mode: host` or `none` leaves none of them; `service:x` resolves as x.
 */
export function dnsNames(project: ProjectJson, name: string): Set<string> {
  const self = project.services[name]!;
  const names = new Set<string>();
  const viaService = /^service:(.+)$/.exec(self.network_mode ?? '')?.[1];
  const from = viaService && project.services[viaService] ? viaService : name;
  const mine = new Set(networksOf(project.services[from]!));
  for (const [other, service] of Object.entries(project.services)) {
    for (const network of networksOf(service)) {
      if (!mine.has(network)) continue;
      names.add(other);
      if (service.container_name) names.add(service.container_name);
      for (const alias of service.networks?.[network]?.aliases ?? []) names.add(alias);
    }
  }
  for (const link of project.services[from]!.links ?? []) {
    const [target, alias] = link.split(':') as [string, string | undefined];
    const linked = project.services[target];
    if (linked && networksOf(linked).some((n) => mine.has(n))) names.add(alias ?? target);
  }
  const extra = self.extra_hosts ?? [];
  for (const entry of Array.isArray(extra) ? extra.map((e) => e.split(/[=:]/)[0]!) : Object.keys(extra)) names.add(entry);
  if (self.hostname) names.add(self.hostname);
  if (self.network_mode === 'host' || self.network_mode === 'none') {
    names.clear();
    if (self.network_mode === 'none' && self.hostname) names.add(self.hostname);
  }
  return names;
}

const isNginxTarget = (target: string): boolean => target === '/etc/nginx' || target.startsWith('/etc/nginx/');

/** The official image's 20-envsubst-on-templates.sh: every defined variable, `$NAME` and `${NAME}`. */
function envsubst(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced: string | undefined, bare: string | undefined) => env[braced ?? bare!] ?? all);
}

/** What a deployment provides that the case does not hold: missing include targets (empty), certificates, log folders. */
function stubFor(text: string): void {
  const t = text.replace(/#[^\n]*/g, '');
  const place = (path: string, from?: string): void => {
    if (/[*$?]/.test(path)) return;
    const abs = join(root, path.startsWith('/') ? path : `/etc/nginx/${path}`);
    if (existsSync(abs)) return;
    mkdirSync(dirname(abs), { recursive: true });
    if (from) copyFileSync(from, abs);
    else writeFileSync(abs, '');
  };
  for (const m of t.matchAll(/\binclude\s+["']?([^;"'\s]+)["']?\s*;/g)) place(m[1]!);
  for (const m of t.matchAll(/\bssl_certificate_key\s+["']?([^;"'\s]+)/g)) if (!m[1]!.startsWith('data:')) place(m[1]!, join(CERTS, 'key.pem'));
  for (const m of t.matchAll(/\bssl_(?:certificate|trusted_certificate|client_certificate)\s+["']?([^;"'\s]+)/g)) if (!m[1]!.startsWith('data:')) place(m[1]!, join(CERTS, 'cert.pem'));
  for (const m of t.matchAll(/\bssl_dhparam\s+["']?([^;"'\s]+)/g)) {
    const dh = join(CERTS, 'dh.pem');
    if (!existsSync(dh)) execFileSync('openssl', ['dhparam', '-dsaparam', '-out', dh, '2048'], { stdio: 'ignore' });
    place(m[1]!, dh);
  }
  for (const m of t.matchAll(/\b(?:access_log|error_log)\s+["']?(\/[^;"'\s]+)/g)) if (!m[1]!.includes('$')) mkdirSync(join(root, dirname(m[1]!)), { recursive: true });
  for (const m of t.matchAll(/\b(?:root|alias|auth_basic_user_file)\s+["']?(\/[^;"'\s]+)/g)) if (!m[1]!.includes('$')) mkdirSync(join(root, dirname(m[1]!)), { recursive: true });
}

/** Dotted names (`example.com`) outside the project: the host's resolver answers them in a real deployment. */
function externalNames(text: string): string[] {
  const names: string[] = [];
  const t = text.replace(/#[^\n]*/g, '');
  for (const m of t.matchAll(/\b(?:proxy_pass|fastcgi_pass|uwsgi_pass|scgi_pass|grpc_pass)\s+["']?(?:[a-z]+:\/\/)?([A-Za-z0-9_.-]+)/g)) names.push(m[1]!);
  for (const m of t.matchAll(/^\s*server\s+([A-Za-z0-9_.-]+)(?::\d+)?[^;{]*;/gm)) names.push(m[1]!);
  return names.filter((n) => n.includes('.') && !/^\d+(\.\d+){3}$/.test(n));
}

export interface CrossVerdict {
  /** Compose refused the project: not a compose ↔ nginx case. */
  composeInvalid?: string;
  /** No service runs the official image's layout (a custom image decides what it reads): not judged. */
  untested?: string;
  ok: boolean;
  service?: string;
  message?: string;
  /** The project file nginx names (a template for the conf.d file made from it), or the path in the container. */
  file?: string;
  line?: number;
  /** Names the nginx service resolves, as Docker would answer them. */
  names?: string[];
}

function compose(dir: string, composeFiles: string[], env: Record<string, string>): { json?: ProjectJson; message: string } {
  const run = spawnSync(COMPOSE, [...composeFiles.flatMap((f) => ['-f', f]), 'config', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin', ...env }, timeout: 20_000 });
  if (run.status !== 0) return { message: `${run.stderr}`.split(dir).join('.').replace(/time="[^"]*" /g, '').trim().slice(0, 600) };
  return { json: JSON.parse(run.stdout) as ProjectJson, message: '' };
}

function testService(project: ProjectJson, name: string, dir: string, files: Map<string, string>): CrossVerdict {
  const service = project.services[name]!;
  rmSync(join(root, 'etc/nginx'), { recursive: true, force: true });
  mkdirSync(join(root, 'etc/nginx/conf.d'), { recursive: true });
  for (const f of ['mime.types', 'fastcgi_params', 'scgi_params', 'uwsgi_params']) copyFileSync(join(PRISTINE, f), join(root, 'etc/nginx', f));
  writeFileSync(join(root, 'etc/nginx/nginx.conf'), OFFICIAL_MAIN);
  writeFileSync(join(root, 'etc/nginx/conf.d/default.conf'), OFFICIAL_DEFAULT);
  // Container path → project path, to name the file nginx reports.
  const placed = new Map<string, string>();
  const templates: [string, string][] = [];
  for (const mount of service.volumes ?? []) {
    if (mount.type !== 'bind' || !mount.source || !isNginxTarget(mount.target)) continue;
    const source = relative(dir, mount.source);
    const target = mount.target.replace(/\/$/, '');
    for (const [path, text] of files) {
      const inside = path === source ? '' : path.startsWith(`${source}/`) ? path.slice(source.length) : undefined;
      if (inside === undefined) continue;
      const containerPath = `${target}${inside}`;
      // A file mounted on a folder of the image replaces it: conf.d/default.conf goes when conf.d is mounted.
      if (inside !== '' && existsSync(join(root, target)) && !placed.has(`${target}/`)) {
        rmSync(join(root, target), { recursive: true, force: true });
        placed.set(`${target}/`, source);
      }
      mkdirSync(dirname(join(root, containerPath)), { recursive: true });
      writeFileSync(join(root, containerPath), text);
      placed.set(containerPath, path);
      if (containerPath.startsWith('/etc/nginx/templates/') && containerPath.endsWith('.template')) templates.push([containerPath, path]);
    }
  }
  const env: Record<string, string> = { NGINX_VERSION: '1.30.0', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  for (const [k, v] of Object.entries(service.environment ?? {})) if (v !== null) env[k] = v;
  // docker-entrypoint.sh runs 20-envsubst-on-templates.sh only when the command is nginx or nginx-debug (and the entrypoint is the image's).
  const entrypoint = service.entrypoint ? [service.entrypoint].flat().join(' ') : undefined;
  const first = service.command ? [service.command].flat()[0]?.trim().split(/\s+/)[0] : 'nginx';
  const rendered = (entrypoint === undefined || entrypoint.includes('docker-entrypoint.sh')) && (first === 'nginx' || first === 'nginx-debug');
  for (const [containerPath, path] of rendered ? templates : []) {
    const output = `/etc/nginx/conf.d${containerPath.slice('/etc/nginx/templates'.length, -'.template'.length)}`;
    mkdirSync(dirname(join(root, output)), { recursive: true });
    writeFileSync(join(root, output), envsubst(files.get(path)!, env));
    placed.set(output, path);
  }
  const texts = [...placed.keys()].filter((p) => !p.endsWith('/')).map((p) => readFileSync(join(root, p), 'utf8'));
  for (const text of texts) stubFor(text);
  const names = dnsNames(project, name);
  const external = texts.flatMap(externalNames).filter((n) => !names.has(n));
  writeFileSync(join(root, 'etc/hosts'), `127.0.0.1 localhost\n::1 localhost ip6-localhost\n${names.size ? `10.0.0.2 ${[...names].join(' ')}\n` : ''}${external.length ? `10.0.0.3 ${[...new Set(external)].join(' ')}\n` : ''}`);
  const run = spawnSync('chroot', [root, 'nginx', '-t', '-q', '-g', MODULES], { encoding: 'utf8' });
  const v = parseOutput(`${run.stdout}\n${run.stderr}`, run.status === 0);
  return { ok: v.ok, service: name, ...(v.message ? { message: v.message } : {}), ...(v.file ? { file: placed.get(v.file) ?? v.file } : {}), ...(v.line ? { line: v.line } : {}), names: [...names].sort() };
}

const out: Record<string, CrossVerdict> = {};
for (const id of readdirSync(ROOT).sort()) {
  const meta = JSON.parse(readFileSync(join(ROOT, id, 'case.json'), 'utf8')) as { composeFile: string; composeFiles?: string[]; env?: Record<string, string> };
  const files = crossProjectFiles(KIND, id);
  const dir = mkdtempSync(join(tmpdir(), 'rw-cross-'));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const loaded = compose(dir, meta.composeFiles ?? [meta.composeFile], meta.env ?? {});
  if (!loaded.json) out[id] = { composeInvalid: loaded.message, ok: false };
  else {
    const project = loaded.json;
    const mounts = (s: string) => (project.services[s]!.volumes ?? []).filter((m) => m.type === 'bind' && isNginxTarget(m.target) && m.source?.startsWith(dir));
    // The official image (its nginx.conf, conf.d, templates), or any image given its whole nginx.conf.
    const official = (s: string) => /^(docker\.io\/)?(library\/)?nginx(:|@|$)|^(docker\.io\/)?nginxinc\/nginx-unprivileged(:|@|$)/.test(project.services[s]!.image ?? '') || mounts(s).some((m) => m.target === '/etc/nginx/nginx.conf' || m.target === '/etc/nginx');
    const mounting = Object.keys(project.services).filter((s) => mounts(s).length > 0);
    const nginxServices = mounting.filter(official);
    let verdict: CrossVerdict = nginxServices.length === 0 && mounting.length > 0 ? { ok: true, untested: `${mounting.join(', ')}: not the official nginx image` } : { ok: true };
    for (const s of nginxServices) {
      const v = testService(project, s, dir, files);
      if (s === nginxServices[0] || !v.ok) verdict = v;
      if (!v.ok) break;
    }
    out[id] = verdict;
  }
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(verdictsFile(KIND), `${JSON.stringify(out, null, 1)}\n`);
const all = Object.values(out);
console.log(`${KIND}: ${all.length} cases, ${all.filter((v) => v.composeInvalid).length} refused by Compose, ${all.filter((v) => !v.composeInvalid && !v.ok).length} refused by nginx`);
