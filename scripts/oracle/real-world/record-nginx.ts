import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpSync, existsSync as exists } from 'node:fs';
import { prepare, rootfs, runAll, type NginxVerdict } from '../nginx-chroot.ts';
import { includedFiles } from './nginx-project-files.ts';
import { corpusDir, REPO, verdictsFile } from './paths.ts';
const KIND = process.argv[2] === 'mutants' ? 'nginx-mutants' : 'nginx';
const ROOT = corpusDir(KIND);
const WORK = '/tmp/rw-nginx';
const MODULES = "-g 'load_module /usr/lib/nginx/modules/ngx_stream_module.so; load_module /usr/lib/nginx/modules/ngx_mail_module.so;'";
// A private copy of the nginx 1.30 chroot: the stubs below (include targets,
// certificates, hosts, users a real deployment would provide) must not reach
// the shared one the other oracles use.
const root = join(REPO, '.cache/real-world-nginx-root');
const PRISTINE = rootfs();
if (!exists(join(root, 'usr/sbin/nginx'))) cpSync(PRISTINE, root, { recursive: true, verbatimSymlinks: true });
// Node's copy leaves device files behind: the shells of the chroot need /dev/null.
if (!exists(join(root, 'dev/null'))) execFileSync('mknod', ['-m', '666', join(root, 'dev/null'), 'c', '1', '3']);
// A container has /dev/stdout, /dev/stderr and /dev/fd/N (the official image links
// its logs to the first two); the chroot has no /proc for their links to
// /proc/self/fd to resolve. `nginx -t` only opens them: /dev/null stands in.
for (const std of ['dev/stdout', 'dev/stderr', 'dev/fd']) rmSync(join(root, std), { recursive: true, force: true });
symlinkSync('/dev/null', join(root, 'dev/stdout'));
symlinkSync('/dev/null', join(root, 'dev/stderr'));
mkdirSync(join(root, 'dev/fd'));
for (const fd of ['0', '1', '2']) symlinkSync('/dev/null', join(root, 'dev/fd', fd));
prepare(root, WORK);
import { existsSync, mkdirSync, copyFileSync, appendFileSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
const OFFICIAL_MAIN = (inc: string) => `user nginx;\nworker_processes auto;\nerror_log /var/log/nginx/error.log notice;\npid /run/nginx.pid;\nevents {\n    worker_connections 1024;\n}\nhttp {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n    log_format main '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"';\n    access_log /var/log/nginx/access.log main;\n    sendfile on;\n    keepalive_timeout 65;\n    include ${inc};\n}\n`;
const hosts = new Set<string>();
// nginx resolves a relative path from the folder of the main file it was given
// (its prefix: /etc/nginx in a deployment, the case's folder here).
let caseDir = '';
/** The include targets of the case stubbed as empty files (neither nginx's nor collected). */
let stubbed = new Set<string>();
/** The include targets of the case that are files of its project, collected with it (nginx-project-files.ts). */
let provided = new Set<string>();
const stub = (rel: string, kind: 'empty' | 'cert' | 'key' | 'dh') => {
  if (/[*$?]/.test(rel) || provided.has(rel)) return;
  const target = rel.startsWith('/') ? join(root, rel) : join(caseDir, rel);
  // What the package ships, read from the pristine root: the private copy keeps earlier runs' stubs.
  const shippedByNginx = rel.startsWith('/etc/nginx/') ? existsSync(join(PRISTINE, rel)) : !rel.startsWith('/') && existsSync(join(PRISTINE, 'etc/nginx', rel));
  if (kind === 'empty' && !shippedByNginx && !/^(?:\/etc\/nginx\/)?(?:mime\.types|(?:fastcgi|scgi|uwsgi)_params|fastcgi\.conf)$/.test(rel)) stubbed.add(rel);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  // What Debian's nginx ships under /etc/nginx (snippets/fastcgi-php.conf, ...): the packages that include it are meant for it.
  const shipped = rel.startsWith('/') ? undefined : join(PRISTINE, 'etc/nginx', rel);
  if (kind === 'empty' && shipped && existsSync(shipped)) { copyFileSync(shipped, target); prepareFor(readFileSync(shipped, 'utf8'), caseDir); }
  else if (kind === 'empty') writeFileSync(target, '');
  else if (kind === 'cert') copyFileSync(join(root, 'etc/nginx/certs/cert.pem'), target);
  else if (kind === 'key') copyFileSync(join(root, 'etc/nginx/certs/key.pem'), target);
  else { const dh = join(root, 'etc/nginx/certs/dh.pem'); if (!existsSync(dh)) execFileSync('openssl', ['dhparam', '-dsaparam', '-out', dh, '2048'], { stdio: 'ignore' }); copyFileSync(dh, target); }
};
function prepareFor(text: string, dir: string) {
  caseDir = dir;
  // A comment starts where a token would (`/live/##DOMAIN##/` is a path).
  const t = text.replace(/(^|[\s;{}])#[^\n]*/g, '$1');
  for (const m of t.matchAll(/\binclude\s+["']?([^;"'\s]+)["']?\s*;/g)) stub(m[1]!, 'empty');
  for (const m of t.matchAll(/\bssl_certificate_key\s+["']?([^;"'\s]+)/g)) if (!m[1]!.startsWith('data:')) stub(m[1]!, 'key');
  for (const m of t.matchAll(/\bssl_(?:certificate|trusted_certificate|client_certificate)\s+["']?([^;"'\s]+)/g)) if (!m[1]!.startsWith('data:')) stub(m[1]!, 'cert');
  for (const m of t.matchAll(/\bssl_dhparam\s+["']?([^;"'\s]+)/g)) stub(m[1]!, 'dh');
  // The folders a deployment creates for logs, the pid file and temporary or cache files (nginx creates only the last level of a cache or temp path).
  // A relative one is resolved from nginx's prefix (Debian's /usr/share/nginx).
  for (const m of t.matchAll(/\b(?:access_log|error_log|pid|[a-z]+_temp_path|[a-z]+_cache_path)\s+["']?([^;"'\s]+)/g)) {
    if (m[1]!.includes('$') || /^(?:off|stderr|syslog:|memory:)/.test(m[1]!)) continue;
    mkdirSync(join(root, m[1]!.startsWith('/') ? '' : 'usr/share/nginx', dirname(m[1]!)), { recursive: true });
  }
  for (const m of t.matchAll(/\b(?:proxy_pass|fastcgi_pass|uwsgi_pass|scgi_pass|grpc_pass)\s+(?:[a-z]+:\/\/)?([A-Za-z0-9_.-]+)/g)) hosts.add(m[1]!);
  for (const m of t.matchAll(/^\s*server\s+([A-Za-z0-9_.-]+)(?::\d+)?[^;{]*;/gm)) hosts.add(m[1]!);
  for (const m of t.matchAll(/\bresolver\s+([^;]+);/g)) for (const h of m[1]!.split(/\s+/)) if (/^[A-Za-z][\w.-]*$/.test(h) && !h.includes('=')) hosts.add(h);
  for (const m of t.matchAll(/^\s*user\s+([\w-]+)(?:\s+([\w-]+))?\s*;/gm)) {
    const passwd = readFileSync(join(root, 'etc/passwd'), 'utf8');
    if (!new RegExp(`^${m[1]}:`, 'm').test(passwd)) appendFileSync(join(root, 'etc/passwd'), `${m[1]}:x:${2000 + passwd.length % 1000}:${2000 + passwd.length % 1000}::/nonexistent:/usr/sbin/nologin\n`);
    const group = readFileSync(join(root, 'etc/group'), 'utf8');
    for (const g of [m[2] ?? m[1]!]) if (!new RegExp(`^${g}:`, 'm').test(group)) appendFileSync(join(root, 'etc/group'), `${g}:x:${3000 + group.length % 1000}:\n`);
  }
}
const files: Record<string, string> = {};
const stubs = new Map<string, string[]>();
const tested = new Map<string, { id: string; testedPath: string }>();
/** Per case, its project's files at absolute paths: written in the chroot only while that case runs (another case may include the same path). */
const absolute = new Map<string, Map<string, string>>();
for (const id of readdirSync(ROOT).sort()) {
  const meta = JSON.parse(readFileSync(join(ROOT, id, 'case.json'), 'utf8'));
  const text = readFileSync(join(ROOT, id, 'file.conf'), 'utf8');
  const k = id.replace(/[^\w.-]/g, '_');
  const included = includedFiles(KIND, id);
  stubbed = new Set();
  provided = new Set(included.map((f) => f.target));
  const dir = join(root, WORK, 'files', k);
  prepareFor(text, dir);
  // The project's files are read as nginx reads them: their own includes, log folders and hosts are prepared too.
  for (const f of included) prepareFor(f.text, dir);
  if (stubbed.size) stubs.set(id, [...stubbed].sort());
  for (const f of included) {
    if (!f.target.startsWith('/')) files[`${k}/${f.target}`] = f.text;
    else absolute.set(`${k}/nginx.conf`, (absolute.get(`${k}/nginx.conf`) ?? new Map()).set(f.target, f.text));
  }
  if (meta.context === 'main') { files[`${k}/nginx.conf`] = text; tested.set(`${k}/nginx.conf`, { id, testedPath: `${WORK}/files/${k}/nginx.conf` }); }
  else if (meta.context === 'http') { files[`${k}/conf.d/test.conf`] = text; files[`${k}/nginx.conf`] = OFFICIAL_MAIN(`${WORK}/files/${k}/conf.d/*.conf`); tested.set(`${k}/nginx.conf`, { id, testedPath: `${WORK}/files/${k}/conf.d/test.conf` }); }
  else { files[`${k}/server.conf`] = text; files[`${k}/nginx.conf`] = `events {}\nhttp {\n    include /etc/nginx/mime.types;\n    server {\n        include ${WORK}/files/${k}/server.conf;\n    }\n}\n`; tested.set(`${k}/nginx.conf`, { id, testedPath: `${WORK}/files/${k}/server.conf` }); }
}
appendFileSync(join(root, 'etc/hosts'), `127.0.0.1 ${[...hosts].filter((h) => !/^\d+(\.\d+){3}$/.test(h) && h !== 'localhost' && h !== 'unix').join(' ')}\n`);
for (const k of new Set(Object.keys(files).map((f) => f.split('/')[0]!))) for (const std of ['mime.types', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'uwsgi_params']) files[`${k}/${std}`] = readFileSync(join(root, 'etc/nginx', std), 'utf8');
// Cases without files at absolute paths run together; the others by groups sharing the same files, each written in the chroot for its run and then taken back.
const groups = new Map<string, string[]>();
for (const main of tested.keys()) {
  const key = JSON.stringify([...(absolute.get(main) ?? [])].sort());
  groups.set(key, [...(groups.get(key) ?? []), main]);
}
const verdicts = new Map<string, NginxVerdict>();
let written = false;
for (const [key, mains] of [...groups].sort(([a], [b]) => a.length - b.length || a.localeCompare(b))) {
  const put = JSON.parse(key) as [string, string][];
  const before = put.map(([path]) => [path, existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined] as const);
  for (const [path, text] of put) { mkdirSync(dirname(join(root, path)), { recursive: true }); writeFileSync(join(root, path), text); }
  for (const [main, v] of runAll(root, written ? {} : files, mains, 2, MODULES, WORK)) verdicts.set(main, v);
  written = true;
  for (const [path, text] of before) if (text === undefined) rmSync(join(root, path)); else writeFileSync(join(root, path), text);
}
const out: Record<string, unknown> = {};
for (const [main, { id, testedPath }] of tested) {
  const v = verdicts.get(main)!;
  out[id] = { ok: v.ok, message: v.message?.replaceAll(`${WORK}/files/`, ''), line: v.file === testedPath ? v.line : undefined, inFile: v.file === testedPath, warnings: v.warnings, stubbed: stubs.get(id) };
}
writeFileSync(verdictsFile(KIND), `${JSON.stringify(out, null, 1)}\n`);
console.log(Object.values(out).filter((v: any) => v.ok).length, '/', Object.keys(out).length, 'ok');
