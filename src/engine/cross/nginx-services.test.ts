import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';
import type { ProjectFile } from '../types.ts';
import type { CrossContext } from './context.ts';
import { isLoadedByNginx, listeningPorts, placeNginxFile, projectPathOf, resolveHost, serviceNetworks } from './nginx-services.ts';

const COMPOSE = `services:
  proxy:
    image: nginx:1.30-alpine
    ports: ["8080:80"]
    volumes:
      - ./nginx/conf.d:/etc/nginx/conf.d:ro
    networks: [frontend]
  client:
    image: nginx:1.30-alpine
    volumes:
      - ./client/nginx.conf:/etc/nginx/conf.d/default.conf:ro
    networks:
      frontend:
        aliases: [web]
  api:
    build: ./api
    environment:
      API_PORT: "3000"
    networks: [frontend, backend]
  db:
    image: postgres:17-alpine
    networks: [backend]
networks:
  frontend:
  backend:
`;

function project(extra: ProjectFile[] = []): CrossContext {
  const files = [
    { path: 'compose.yaml', text: COMPOSE },
    { path: 'nginx/conf.d/default.conf', text: 'server { listen 80; }\n' },
    { path: 'client/nginx.conf', text: 'server { listen 80; }\n' },
    ...extra,
  ];
  const { compose, nginx } = checkProject(files);
  return { compose, nginx, files, options: {} };
}

describe('which service runs an nginx file', () => {
  it('follows directory and file bind mounts to the container path', () => {
    const context = project();
    const [proxyConf, clientConf] = context.nginx;
    expect(placeNginxFile(context, proxyConf!)).toMatchObject({ service: { name: 'proxy' }, containerPath: '/etc/nginx/conf.d/default.conf' });
    expect(placeNginxFile(context, clientConf!)).toMatchObject({ service: { name: 'client' }, containerPath: '/etc/nginx/conf.d/default.conf' });
  });

  it('ties a file under a build context to the service built from it', () => {
    const context = project([{ path: 'api/nginx-status.conf', text: 'server { listen 81; }\n' }]);
    expect(placeNginxFile(context, context.nginx[2]!)?.service.name).toBe('api');
  });

  it('maps a container path back to the project through the mounts', () => {
    const context = project();
    const proxy = context.compose!.model.services.get('proxy')!;
    expect(projectPathOf(context, proxy, '/etc/nginx/conf.d/extra.conf')).toBe('nginx/conf.d/extra.conf');
    expect(projectPathOf(context, proxy, '/etc/nginx/mime.types')).toBeUndefined();
  });
});

describe('what a service reaches and listens on', () => {
  it('resolves service names and aliases only across a shared network', () => {
    const model = project().compose!.model;
    const proxy = model.services.get('proxy')!;
    expect(resolveHost(model, proxy, 'api').reachable.map((s) => s.name)).toEqual(['api']);
    expect(resolveHost(model, proxy, 'web').reachable.map((s) => s.name)).toEqual(['client']);
    const db = resolveHost(model, proxy, 'db');
    expect(db.named.map((s) => s.name)).toEqual(['db']);
    expect(db.reachable).toEqual([]);
  });

  it('resolves as Docker does: container_name, own links and extra_hosts, any case; not another hostname', () => {
    const compose = `services:
  proxy:
    image: nginx:1.30-alpine
    links: ["api:backend"]
    extra_hosts: ["legacy:10.0.0.9"]
  api:
    image: node:24-alpine
    container_name: atelier_api
    hostname: api-host
  edge:
    image: nginx:1.30-alpine
    network_mode: host
`;
    const model = checkProject([{ path: 'compose.yaml', text: compose }]).compose!.model;
    const proxy = model.services.get('proxy')!;
    expect(resolveHost(model, proxy, 'atelier_api').reachable.map((s) => s.name)).toEqual(['api']);
    expect(resolveHost(model, proxy, 'API').reachable.map((s) => s.name)).toEqual(['api']);
    expect(resolveHost(model, proxy, 'backend')).toMatchObject({ named: [], local: true });
    expect(resolveHost(model, proxy, 'legacy')).toMatchObject({ named: [], local: true });
    expect(resolveHost(model, proxy, 'api-host')).toMatchObject({ named: [], reachable: [], local: false });
    expect(resolveHost(model, model.services.get('edge')!, 'api')).toMatchObject({ reachable: [], local: false });
  });

  it('knows which mounted files the official image reads', () => {
    const compose = (target: string, main = '') => `services:
  web:
    image: nginx:1.30-alpine
    volumes:
      - ./site.conf:${target}:ro
${main}`;
    const loaded = (target: string, main = '', extra: ProjectFile[] = []): boolean => {
      const files = [{ path: 'compose.yaml', text: compose(target, main) }, { path: 'site.conf', text: 'server { listen 80; }\n' }, ...extra];
      const { compose: model, nginx } = checkProject(files);
      const context: CrossContext = { compose: model, nginx, files, options: {} };
      const site = nginx.find((n) => n.file.path === 'site.conf')!;
      return isLoadedByNginx(context, placeNginxFile(context, site)!);
    };
    expect(loaded('/etc/nginx/conf.d/default.conf')).toBe(true);
    expect(loaded('/etc/nginx/templates/default.conf.template')).toBe(true);
    expect(loaded('/etc/nginx/templates/default.conf')).toBe(false);
    expect(loaded('/etc/nginx/conf.d/site.txt')).toBe(false);
    expect(loaded('/etc/nginx/sites-enabled/site.conf')).toBe(false);
    const main = '      - ./main.conf:/etc/nginx/nginx.conf:ro\n';
    const includes = (pattern: string) => [{ path: 'main.conf', text: `events {}\nhttp {\n    include ${pattern};\n}\n` }];
    expect(loaded('/etc/nginx/sites-enabled/site.conf', main, includes('/etc/nginx/sites-enabled/*.conf'))).toBe(true);
    expect(loaded('/etc/nginx/conf.d/default.conf', main, includes('sites-enabled/*'))).toBe(false);
  });

  it('knows listening ports from variables and image defaults', () => {
    const model = project().compose!.model;
    expect([...listeningPorts(model.services.get('api')!)]).toEqual([3000]);
    expect([...listeningPorts(model.services.get('db')!)]).toEqual([5432]);
    expect([...listeningPorts(model.services.get('proxy')!)]).toEqual([80]);
  });
});

function contextOf(compose: string, nginxFiles: string[], composePath = 'compose.yaml'): CrossContext {
  const files = [{ path: composePath, text: compose }, ...nginxFiles.map((path) => ({ path, text: 'server { listen 80; }\n' }))];
  const { compose: model, nginx } = checkProject(files);
  return { compose: model, nginx, files, options: {} };
}

describe('which service runs an nginx file, beyond bind mounts', () => {
  it('reads mounts relative to the compose file’s folder, and skips named volumes', () => {
    const context = contextOf(
      'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - nginx:/etc/nginx/conf.d\n      - ./conf/:/etc/nginx/conf.d/\n  other:\n    image: nginx:1.30-alpine\nvolumes:\n  nginx:\n',
      ['deploy/conf/site.conf'],
      'deploy/compose.yaml',
    );
    expect(placeNginxFile(context, context.nginx[0]!)).toMatchObject({ service: { name: 'web' }, containerPath: '/etc/nginx/conf.d/site.conf' });
  });

  it('falls back on the only nginx service, and on none when there are two', () => {
    const one = contextOf('services:\n  proxy:\n    image: nginxinc/nginx-unprivileged:1.30-alpine\n  api:\n    image: node:22-alpine\n', ['nginx.conf']);
    expect(placeNginxFile(one, one.nginx[0]!)).toMatchObject({ service: { name: 'proxy' }, containerPath: undefined });
    const two = contextOf('services:\n  proxy:\n    image: nginx:1.30-alpine\n  client:\n    image: openresty/openresty:1.27-alpine\n', ['nginx.conf']);
    expect(placeNginxFile(two, two.nginx[0]!)).toBeUndefined();
    const none = contextOf('services:\n  api:\n    image: node:22-alpine\n', ['nginx.conf']);
    expect(placeNginxFile(none, none.nginx[0]!)).toBeUndefined();
    expect(placeNginxFile({ ...none, compose: undefined }, none.nginx[0]!)).toBeUndefined();
  });

  it('maps a container path through the longest matching bind mount first', () => {
    const context = contextOf(
      'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx:/etc/nginx/\n      - ./sites:/etc/nginx/conf.d\n      - certs:/etc/nginx/certs\nvolumes:\n  certs:\n',
      [],
    );
    const web = context.compose!.model.services.get('web')!;
    expect(projectPathOf(context, web, '/etc/nginx/conf.d/api.conf')).toBe('sites/api.conf');
    expect(projectPathOf(context, web, '/etc/nginx/nginx.conf')).toBe('nginx/nginx.conf');
    expect(projectPathOf(context, web, '/etc/nginx/certs/cert.pem')).toBe('nginx/certs/cert.pem');
  });
});

describe('what a service listens on and joins, beyond defaults', () => {
  const service = (body: string) => contextOf(`services:\n  app:\n${body}`, []).compose!.model.services.get('app')!;

  it('reads expose, the container side of ports, ranges and protocols', () => {
    expect([...listeningPorts(service('    build: .\n    expose: ["9000-9002/tcp", "9100"]\n    ports: ["8080:3000/udp"]\n'))]).toEqual([9000, 9001, 9002, 9100, 3000]);
    expect([...listeningPorts(service('    build: .\n    expose: ["10000-20000"]\n'))]).toEqual([10000]);
    expect([...listeningPorts(service('    build: .\n    expose: ["http"]\n'))]).toEqual([]);
  });

  it('reads only the port variables it knows, with a value', () => {
    expect([...listeningPorts(service('    build: .\n    environment:\n      PORT: "8000"\n      DB_PORT: "5432"\n      HTTP_PORT:\n'))]).toEqual([8000]);
  });

  it('puts a service with network_mode on no network, and one without networks on default', () => {
    expect([...serviceNetworks(service('    image: alpine:3.22\n    network_mode: none\n'))]).toEqual([]);
    expect([...serviceNetworks(service('    image: alpine:3.22\n'))]).toEqual(['default']);
  });
});
