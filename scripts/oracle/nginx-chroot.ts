// Runs the real `nginx -t` (nginx 1.30 from Debian forky, with the stream and
// mail modules the official image builds in) over many config files in one
// chroot call. Shared by the directive probe and the oracle recorder.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Debian packages the stream and mail modules separately; the official image has them built in. */
export const ROOTFS_PACKAGES = ['nginx', 'libnginx-mod-stream', 'libnginx-mod-mail'];
/** Names the course's stacks use for compose services; nginx resolves proxy_pass hosts at load time. */
export const SERVICE_HOSTS = ['api', 'client', 'db', 'cache', 'proxy', 'web', 'backend', 'frontend', 'app', 'redis', 'postgres', 'upstream-host'];
/** Inside the chroot. Each caller may take its own directory so concurrent runs (the probe, the recorder, the lesson tests) never clean up each other's files. */
export const WORK_DIR = '/tmp/atelier-nginx-oracle';
export const LOAD_MODULES = 'load_module /usr/lib/nginx/modules/ngx_stream_module.so;\nload_module /usr/lib/nginx/modules/ngx_mail_module.so;\n';

export function rootfs(): string {
  const script = new URL('../ci/rootfs.sh', import.meta.url).pathname;
  return execFileSync('bash', [script, 'forky', ...ROOTFS_PACKAGES], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** Hosts file, dummy certificate and key, and an empty work directory inside the chroot. */
export function prepare(root: string, workDir: string = WORK_DIR): string {
  writeFileSync(join(root, 'etc/hosts'), `127.0.0.1 localhost ${SERVICE_HOSTS.join(' ')}\n::1 localhost\n`);
  const dir = join(root, workDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  const certs = join(root, 'etc/nginx/certs');
  mkdirSync(certs, { recursive: true });
  if (!existsSync(join(certs, 'cert.pem'))) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=localhost', '-keyout', join(certs, 'key.pem'), '-out', join(certs, 'cert.pem')], { stdio: 'ignore' });
  }
  // The official image runs as `nginx`; Debian's package uses www-data.
  const passwd = readFileSync(join(root, 'etc/passwd'), 'utf8');
  if (!/^nginx:/m.test(passwd)) {
    appendFileSync(join(root, 'etc/passwd'), 'nginx:x:101:101:nginx:/nonexistent:/usr/sbin/nologin\n');
    appendFileSync(join(root, 'etc/group'), 'nginx:x:101:\n');
  }
  mkdirSync(join(root, 'var/cache/nginx'), { recursive: true });
  mkdirSync(join(root, 'usr/share/nginx/html'), { recursive: true });
  return dir;
}

export interface NginxVerdict {
  ok: boolean;
  /** The first `[emerg]` message, without the "nginx: [emerg] " prefix and the " in file:line" suffix. */
  message?: string;
  file?: string;
  line?: number;
  /** `[warn]` lines, same format. */
  warnings: string[];
}

// nginx prints "nginx: [emerg] …" before its log is set up and "2026/01/01 00:00:00 [emerg] 12#12: …" after.
const ERROR_LINE = /^(?:nginx: |\S+ \S+ )\[(emerg|alert|crit)\] (?:\d+#\d+: )?(.*?)(?: in (\/[^:\s]+):(\d+))?$/;
const WARN_LINE = /^(?:nginx: |\S+ \S+ )\[warn\] (?:\d+#\d+: )?(.*)$/;

export function parseOutput(output: string, ok: boolean): NginxVerdict {
  const warnings: string[] = [];
  let verdict: NginxVerdict = { ok, warnings };
  for (const line of output.split('\n')) {
    const warn = WARN_LINE.exec(line);
    if (warn) warnings.push(warn[1]!);
    const error = ERROR_LINE.exec(line);
    if (error && verdict.message === undefined) {
      verdict = { ok, message: error[2]!, warnings };
      if (error[3]) verdict.file = error[3];
      if (error[4]) verdict.line = Number(error[4]);
    }
  }
  return verdict;
}

/**
 * Writes each config under the work dir (`files/<name>`) and runs
 * `nginx -t -c` on each `main` path, in parallel lanes, in a single chroot call.
 */
export function runAll(root: string, files: Record<string, string>, mains: readonly string[], lanes = 2, extraArgs = '', workDir: string = WORK_DIR): Map<string, NginxVerdict> {
  const dir = join(root, workDir);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, 'files', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(join(dir, 'list'), mains.map((m) => `${workDir}/files/${m}`).join('\n') + '\n');
  const script = `cd ${workDir} && rm -f lane-* && split -n r/${lanes} -d list lane- && for l in lane-[0-9][0-9]; do (while read -r f; do out=$(nginx -t -q -c "$f" ${extraArgs} 2>&1); rc=$?; printf '### %s %s\\n%s\\n' "$rc" "$f" "$out"; done < "$l" > "$l.out") & done; wait; cat lane-[0-9][0-9].out`;
  const output = execFileSync('chroot', [root, 'sh', '-c', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const verdicts = new Map<string, NginxVerdict>();
  for (const chunk of output.split(/^### /m).slice(1)) {
    const newline = chunk.indexOf('\n');
    const [rc, path] = chunk.slice(0, newline).split(' ') as [string, string];
    const name = path.slice(`${workDir}/files/`.length);
    verdicts.set(name, parseOutput(chunk.slice(newline + 1), rc === '0'));
  }
  return verdicts;
}
