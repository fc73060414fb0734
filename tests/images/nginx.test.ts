// Contract of nginx:1.30-alpine as the stacks rely on it: the official file
// layout, templates rendered by envsubst, /docker-entrypoint.d scripts, logs
// on stdout/stderr, the nginx user, SIGQUIT, and the alpine toolset.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerDisabled, dockerOk, logs, requireImage, Scratch, waitFor } from './support/docker.ts';

const image = 'nginx:1.30-alpine';
const fixtures = resolve(import.meta.dirname, 'fixtures/nginx');
const scratch = new Scratch();
let network: string;

/** busybox wget from another container on the network, as a stack's proxy or healthcheck would. */
function fetchFrom(url: string) {
  return docker(['run', '--rm', '--network', network, image, 'wget', '-qO-', url]);
}

async function waitServing(container: string, url: string): Promise<void> {
  await waitFor(
    `${container} to serve ${url}`,
    async () => (await docker(['exec', container, 'wget', '-qO', '/dev/null', url])).code === 0,
    () => logs(container),
  );
}

describe.skipIf(dockerDisabled)(image, () => {
  beforeAll(async () => {
    await requireImage(image);
    network = await scratch.network();
  });
  afterAll(() => scratch.cleanup());

  it('declares the official entrypoint, command, port and SIGQUIT as stop signal', async () => {
    const config = JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', image])) as {
      Entrypoint: string[];
      Cmd: string[];
      StopSignal: string;
      ExposedPorts: Record<string, object>;
    };
    expect(config.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(config.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(config.StopSignal).toBe('SIGQUIT');
    expect(Object.keys(config.ExposedPorts)).toEqual(['80/tcp']);
  });

  it('is nginx 1.30 with busybox wget, envsubst and curl (as the official alpine variant), without openssl', async () => {
    const version = await docker(['run', '--rm', image, 'nginx', '-v']);
    expect(version.stderr).toMatch(/nginx\/1\.30\.\d+/);
    const tools = await dockerOk(['run', '--rm', image, 'sh', '-c', 'for t in nginx wget envsubst openssl curl; do command -v "$t" >/dev/null && echo "$t"; done; true']);
    expect(tools.trim().split('\n')).toEqual(['nginx', 'wget', 'envsubst', 'curl']);
  });

  describe('with its default configuration', () => {
    let web: string;

    beforeAll(async () => {
      web = await scratch.start('nginx', ['--network', network, image]);
      await waitServing(web, 'http://localhost/');
    });

    it('serves the default page from /usr/share/nginx/html to other containers', async () => {
      const page = await fetchFrom(`http://${web}/`);
      expect(page.stdout).toContain('<title>Welcome to nginx!</title>');
      const layout = await dockerOk(['exec', web, 'sh', '-c', 'grep -F "include /etc/nginx/conf.d/*.conf;" /etc/nginx/nginx.conf; grep -F "root   /usr/share/nginx/html;" /etc/nginx/conf.d/default.conf | head -n 1']);
      expect(layout.trim().split('\n').map((line) => line.trim())).toEqual(['include /etc/nginx/conf.d/*.conf;', 'root   /usr/share/nginx/html;']);
    });

    it('writes the access log to stdout', async () => {
      await fetchFrom(`http://${web}/`);
      await waitFor('the access log line', async () => /"GET \/ HTTP\/1\.1" 200/.test(await logs(web)), () => logs(web), 10_000);
      const links = await dockerOk(['exec', web, 'readlink', '/var/log/nginx/access.log', '/var/log/nginx/error.log']);
      expect(links.trim().split('\n')).toEqual(['/dev/stdout', '/dev/stderr']);
    });

    it('runs its workers as the nginx user', async () => {
      const processes = await dockerOk(['exec', web, 'ps', '-o', 'user,args']);
      const workers = processes.split('\n').filter((line) => line.includes('worker process'));
      expect(workers.length).toBeGreaterThan(0);
      for (const worker of workers) expect(worker.trim()).toMatch(/^nginx\s/);
    });

    it('stops gracefully on docker stop (SIGQUIT)', async () => {
      const started = Date.now();
      await dockerOk(['stop', web]);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect((await dockerOk(['inspect', '--format', '{{.State.ExitCode}}', web])).trim()).toBe('0');
      expect(await logs(web)).toMatch(/gracefully shutting down|exit/);
    });
  });

  it('renders /etc/nginx/templates/*.template with the defined variables only, then runs /docker-entrypoint.d scripts', async () => {
    const web = await scratch.start('nginx', [
      '--network', network,
      '-e', 'APP_PORT=8080',
      '-e', 'APP_GREETING=Bonjour',
      '-v', `${fixtures}/templates:/etc/nginx/templates:ro`,
      '-v', `${fixtures}/entrypoint.d/50-write-marker.sh:/docker-entrypoint.d/50-write-marker.sh:ro`,
      '-v', `${fixtures}/entrypoint.d/60-not-executable.sh:/docker-entrypoint.d/60-not-executable.sh:ro`,
      image,
    ]);
    await waitServing(web, 'http://127.0.0.1:8080/');

    const rendered = await dockerOk(['exec', web, 'cat', '/etc/nginx/conf.d/site.conf']);
    expect(rendered).toContain('listen 8080;');
    expect(rendered).toContain('set $label "Bonjour";');
    expect(rendered).toContain('return 200 "$label from $host\\n";');
    expect(rendered).toContain('${UNDEFINED_IN_ENV}');

    expect((await fetchFrom(`http://${web}:8080/`)).stdout).toBe(`Bonjour from ${web}\n`);
    expect((await dockerOk(['exec', web, 'cat', '/tmp/entrypoint-marker'])).trim()).toBe('marker from /docker-entrypoint.d/50-write-marker.sh');
    expect((await docker(['exec', web, 'test', '-e', '/tmp/should-not-exist'])).code).not.toBe(0);
    expect(await logs(web)).toContain('Ignoring /docker-entrypoint.d/60-not-executable.sh, not executable');
  });

  it('exports NGINX_LOCAL_RESOLVERS for templates when NGINX_ENTRYPOINT_LOCAL_RESOLVERS is set', async () => {
    const web = await scratch.start('nginx', [
      '--network', network,
      '-e', 'NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1',
      '-v', `${fixtures}/resolvers:/etc/nginx/templates:ro`,
      image,
    ]);
    await waitServing(web, 'http://localhost/');
    // On a user-defined network, Docker's embedded DNS server answers at 127.0.0.11.
    const rendered = await dockerOk(['exec', web, 'cat', '/etc/nginx/conf.d/resolver.conf']);
    expect(rendered).toContain('resolver 127.0.0.11 valid=10s;');
  });

  it('has nginx-debug for `command: nginx-debug -g "daemon off;"`', async () => {
    const version = await docker(['run', '--rm', image, 'nginx-debug', '-v']);
    expect(version.stderr).toMatch(/nginx\/1\.30\.\d+/);
  });

  it('honours NGINX_ENVSUBST_TEMPLATE_DIR, _TEMPLATE_SUFFIX and _OUTPUT_DIR', async () => {
    const web = await scratch.start('nginx', [
      '-e', 'APP_PORT=9090',
      '-e', 'APP_GREETING=Salut',
      '-e', 'NGINX_ENVSUBST_TEMPLATE_DIR=/srv/modeles',
      '-e', 'NGINX_ENVSUBST_TEMPLATE_SUFFIX=.conf.template',
      '-e', 'NGINX_ENVSUBST_OUTPUT_DIR=/etc/nginx/rendu',
      '-v', `${fixtures}/templates:/srv/modeles:ro`,
      image, 'sh', '-c', 'mkdir -p /etc/nginx/rendu && exec /docker-entrypoint.sh nginx -g "daemon off;"',
    ]);
    await waitServing(web, 'http://localhost/');
    const rendered = await dockerOk(['exec', web, 'cat', '/etc/nginx/rendu/site']);
    expect(rendered).toContain('listen 9090;');
  });
});
