import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';
import type { ProjectFile } from '../types.ts';
import type { CrossContext } from './context.ts';
import { listeningPorts, placeNginxFile, projectPathOf, resolveHost } from './nginx-services.ts';

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

  it('knows listening ports from variables and image defaults', () => {
    const model = project().compose!.model;
    expect([...listeningPorts(model.services.get('api')!)]).toEqual([3000]);
    expect([...listeningPorts(model.services.get('db')!)]).toEqual([5432]);
    expect([...listeningPorts(model.services.get('proxy')!)]).toEqual([80]);
  });
});
