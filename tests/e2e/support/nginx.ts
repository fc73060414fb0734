import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The real nginx the project judges configurations with (Debian forky's 1.30),
 * in a chroot built by scripts/ci/rootfs.sh. Needs root, as the CI runs.
 */
export function nginxRootfs(): string {
  return execFileSync('bash', ['scripts/ci/rootfs.sh', 'forky', 'nginx'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** deploy/nginx/default.conf with its port and document root swapped for the test's. */
export function siteConf(conf: string, port: number, root: string): string {
  const out = conf
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \/usr\/share\/nginx\/html;/m, `$1root ${root};`);
  if (!out.includes(`listen 127.0.0.1:${port};`) || !out.includes(`root ${root};`)) {
    throw new Error('deploy/nginx/default.conf no longer has `listen 80;` and `root /usr/share/nginx/html;` to template');
  }
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NginxSite {
  url: string;
  /** Output of `nginx -t` on the configuration. */
  testOutput: string;
  stop(): Promise<void>;
}

/** Copies `dist` into the chroot and serves it with deploy/nginx/default.conf on a loopback port. */
export async function serveWithNginx(rootfs: string, dist: string, confFile: string): Promise<NginxSite> {
  const inside = `/srv/atelier-e2e-${process.pid}`;
  const dir = join(rootfs, inside);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  cpSync(dist, join(dir, 'html'), { recursive: true });
  // The same files under a sub-path too, as an instructor deploying at /formation/ would.
  cpSync(dist, join(dir, 'html', 'formation'), { recursive: true });
  const port = await freePort();
  writeFileSync(join(dir, 'default.conf'), siteConf(readFileSync(confFile, 'utf8'), port, `${inside}/html`));
  // The image's nginx.conf in miniature: the http block includes mime.types and the site.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${inside}/nginx.pid;`,
      `error_log ${inside}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      '    access_log off;',
      `    client_body_temp_path ${inside}/tmp;`,
      `    include ${inside}/default.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync('chroot', [rootfs, 'nginx', '-t', '-c', `${inside}/nginx.conf`], { encoding: 'utf8' });
  const testOutput = `${check.stdout}${check.stderr}`;
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${testOutput}`);
  const child: ChildProcess = spawn('chroot', [rootfs, 'nginx', '-c', `${inside}/nginx.conf`, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${url}health`);
      break;
    } catch (error) {
      if (attempt > 50 || child.exitCode !== null) throw new Error(`nginx did not start: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    testOutput,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
