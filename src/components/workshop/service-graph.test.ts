import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../engine/check.ts';
import { GRAPH_MAX_SERVICES, serviceGraphPayload } from './service-graph-payload.ts';
import { buildServiceGraph, summarizeGraph, type ServiceGraph } from './service-graph.ts';

const lessonFile = (lesson: string, variant: 'start' | 'solution', path = 'compose.yaml'): string =>
  readFileSync(new URL(`../../content/lessons/${lesson}/${variant}/${path}`, import.meta.url), 'utf8');

function graphOf(text: string): ServiceGraph {
  const compose = checkProject([{ path: 'compose.yaml', text }], { partial: true }).compose;
  if (!compose) throw new Error('no compose model');
  return buildServiceGraph(compose.model);
}

describe('buildServiceGraph', () => {
  it('draws chapter 06 solution: three services, two zones, api across both, healthy dependencies', () => {
    const graph = graphOf(lessonFile('06-architecture-trois-couches', 'solution'));
    expect(graph.services.map((s) => s.name)).toEqual(['client', 'api', 'db']);
    expect(graph.zones).toEqual([
      { name: 'frontend', external: false, services: ['client', 'api'] },
      { name: 'backend', external: false, services: ['api', 'db'] },
    ]);
    expect(graph.services.find((s) => s.name === 'api')?.zones).toEqual(['frontend', 'backend']);
    expect(graph.edges).toEqual([
      { from: 'client', to: 'api', condition: 'service_healthy', label: 'en bonne santé', required: true, missing: false },
      { from: 'api', to: 'db', condition: 'service_healthy', label: 'en bonne santé', required: true, missing: false },
    ]);
    const client = graph.services.find((s) => s.name === 'client')!;
    expect(client.image).toBe('nginx:1.30-alpine');
    expect(client.healthcheck).toBe('defined');
    // `${HTTP_PORT:-8080}` interpolated with its default.
    expect(client.ports.map((p) => p.label)).toEqual(['8080→80']);
    const api = graph.services.find((s) => s.name === 'api')!;
    expect(api).toMatchObject({ image: undefined, build: true, ports: [] });
    expect(graph.services.find((s) => s.name === 'db')?.volumes).toEqual([{ name: 'db-data', target: '/var/lib/postgresql/data', readOnly: false }]);
    expect(graph.volumes).toEqual([{ name: 'db-data', services: ['db'] }]);
    expect(summarizeGraph(graph)).toBe('3 services, 2 réseaux, 2 dépendances, 1 volume nommé');
  });

  it('labels the three conditions in French and the short syntax as « démarré »', () => {
    const graph = graphOf(`services:
  web:
    image: nginx:1.30-alpine
    depends_on: [cache]
  worker:
    image: node:24-alpine
    depends_on:
      migrate:
        condition: service_completed_successfully
      cache:
        condition: service_started
        required: false
  migrate:
    image: node:24-alpine
  cache:
    image: redis:8-alpine
`);
    expect(graph.edges.map((e) => `${e.from}→${e.to}: ${e.label}${e.required ? '' : ' (facultatif)'}`)).toEqual([
      'web→cache: démarré',
      'worker→migrate: terminé avec succès',
      'worker→cache: démarré (facultatif)',
    ]);
  });

  it('puts services without networks in the default zone, those with network_mode on none, and keeps a dependency on an unknown service', () => {
    const graph = graphOf(`services:
  app:
    image: node:24-alpine
    network_mode: host
    depends_on: [dbb]
  tool:
    image: alpine:3.22
`);
    expect(graph.zones).toEqual([{ name: 'default', external: false, services: ['tool'] }]);
    expect(graph.services[0]).toMatchObject({ networkMode: 'host', zones: [] });
    expect(graph.edges).toEqual([expect.objectContaining({ from: 'app', to: 'dbb', missing: true })]);
  });

  it('shows host IPs, protocols and container-only ports, and a declared external network', () => {
    const graph = graphOf(`services:
  dns:
    image: alpine:3.22
    ports:
      - "127.0.0.1:8080:80"
      - "53:53/udp"
      - "9000"
    networks: [edge]
    healthcheck:
      disable: true
networks:
  edge:
    external: true
`);
    expect(graph.services[0]!.ports.map((p) => p.label)).toEqual(['127.0.0.1:8080→80', '53→53/udp', '→9000']);
    expect(graph.services[0]!.healthcheck).toBe('disabled');
    expect(graph.zones).toEqual([{ name: 'edge', external: true, services: ['dns'] }]);
  });

  it('lists named volumes only, with every service that mounts them', () => {
    const graph = graphOf(`services:
  a:
    image: alpine:3.22
    volumes: [shared:/data, ./local:/app, /tmp]
  b:
    image: alpine:3.22
    volumes:
      - type: volume
        source: shared
        target: /data
        read_only: true
volumes:
  shared:
  unused:
`);
    expect(graph.services.map((s) => s.volumes)).toEqual([[{ name: 'shared', target: '/data', readOnly: false }], [{ name: 'shared', target: '/data', readOnly: true }]]);
    expect(graph.volumes).toEqual([
      { name: 'shared', services: ['a', 'b'] },
      { name: 'unused', services: [] },
    ]);
  });
});

describe('serviceGraphPayload', () => {
  it('is plain JSON: it survives a structured clone unchanged', () => {
    const compose = checkProject([{ path: 'compose.yaml', text: lessonFile('06-architecture-trois-couches', 'solution') }], { partial: true }).compose;
    const payload = serviceGraphPayload(compose);
    expect(payload.status).toBe('ok');
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(structuredClone(payload)).toEqual(payload);
  });

  it('says broken when the YAML does not parse, and none without a compose file', () => {
    const broken = checkProject([{ path: 'compose.yaml', text: 'services:\n  web:\n    image: "nginx\n   ports: [' }], { partial: true });
    expect(serviceGraphPayload(broken.compose)).toEqual({ status: 'broken' });
    expect(serviceGraphPayload(checkProject([{ path: 'nginx/conf.d/default.conf', text: 'server {}' }]).compose)).toEqual({ status: 'none' });
  });

  it('neither lays out nor sends a graph of more services than a drawing can show', () => {
    const services = (count: number): string => `services:\n${Array.from({ length: count }, (_, i) => `  s${i}:\n    image: nginx:1.30-alpine\n`).join('')}`;
    const atLimit = serviceGraphPayload(checkProject([{ path: 'compose.yaml', text: services(GRAPH_MAX_SERVICES) }], { partial: true }).compose);
    expect(atLimit.status).toBe('ok');
    const beyond = serviceGraphPayload(checkProject([{ path: 'compose.yaml', text: services(GRAPH_MAX_SERVICES + 1) }], { partial: true }).compose);
    expect(beyond).toEqual({ status: 'too-large', services: GRAPH_MAX_SERVICES + 1, limit: GRAPH_MAX_SERVICES });
  });
});
