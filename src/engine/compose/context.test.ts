import { describe, expect, it } from 'vitest';
import type { LocatedMap, LocatedSeq } from '../yaml/located.ts';
import { createComposeContext } from './context.ts';

const base = `services:
  api:
    image: atelier/api:\${API_TAG}
    environment:
      NODE_ENV: production
      DB_HOST: db
    ports:
      - "127.0.0.1:3000:3000"
    depends_on:
      db:
        condition: service_healthy
    networks:
      back:
        aliases: [backend]
  db:
    image: postgres:17-alpine
    volumes:
      - db-data:/var/lib/postgresql/data
      - ./init:/docker-entrypoint-initdb.d:ro
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
      interval: 5s
networks:
  back: {}
volumes:
  db-data: {}
`;

const override = `services:
  api:
    build: ./api
    environment:
      NODE_ENV: development
    ports:
      - "9229:9229"
    depends_on: [cache]
  cache:
    image: redis:7-alpine
`;

describe('createComposeContext', () => {
  const context = createComposeContext(
    [
      { path: 'compose.yaml', text: base },
      { path: 'compose.override.yaml', text: override },
    ],
    { path: '.env', text: 'API_TAG=1.2.0\n' },
    {},
  );
  const api = context.model.services.get('api')!;

  it('merges the override into the base as docker compose does', () => {
    expect([...context.model.services.keys()]).toEqual(['api', 'db', 'cache']);
    expect(api.image?.value).toBe('atelier/api:1.2.0');
    expect(api.build?.context?.value).toBe('./api');
    expect(api.environment.map((e) => [e.name, e.value])).toEqual([
      ['NODE_ENV', 'development'],
      ['DB_HOST', 'db'],
    ]);
    expect(api.ports.map((p) => [p.hostIp, p.published, p.target, p.protocol])).toEqual([
      ['127.0.0.1', '3000', '3000', 'tcp'],
      [undefined, '9229', '9229', 'tcp'],
    ]);
    expect(api.dependsOn.map((d) => [d.service, d.condition, d.required, d.shortSyntax])).toEqual([
      ['db', 'service_healthy', true, false],
      ['cache', 'service_started', true, true],
    ]);
    expect(api.definitions.map((d) => d.file)).toEqual(['compose.yaml', 'compose.override.yaml']);
  });

  it('keeps the file and range of every item', () => {
    expect(api.range).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 6 } });
    expect(api.ports[1]).toMatchObject({ file: 'compose.override.yaml', range: { start: { line: 7, column: 9 } } });
    expect(api.networks[0]).toMatchObject({ name: 'back', aliases: [{ value: 'backend' }], range: { start: { line: 13, column: 7 } } });
    const db = context.model.services.get('db')!;
    expect(db.volumes.map((v) => [v.type, v.source, v.target, v.readOnly])).toEqual([
      ['volume', 'db-data', '/var/lib/postgresql/data', false],
      ['bind', './init', '/docker-entrypoint-initdb.d', true],
    ]);
    expect(db.volumes[0]!.sourceRange).toEqual({ start: { line: 18, column: 9 }, end: { line: 18, column: 16 } });
    expect(db.healthcheck?.interval).toMatchObject({ value: '5s', range: { start: { line: 22, column: 17 } } });
    expect(context.model.networks.get('back')?.range.start).toEqual({ line: 24, column: 3 });
  });

  it('lets the shell environment win over .env', () => {
    const withShell = createComposeContext([{ path: 'compose.yaml', text: base }], { path: '.env', text: 'API_TAG=1.2.0\n' }, { environment: { API_TAG: '2.0.0' } });
    expect(withShell.model.services.get('api')?.image?.value).toBe('atelier/api:2.0.0');
  });

  it('places variables exactly inside quoted scalars, and inside the file for block scalars', () => {
    const text = 'services:\n  api:\n    image: "x\\ty:${TAG:?set TAG}"\n    command: |\n      echo start\n      echo ${MISSING}\n';
    const ctx = createComposeContext([{ path: 'compose.yaml', text }], undefined, {});
    expect(ctx.interpolationFindings.map((f) => [f.kind, f.name, f.range.start, f.range.end])).toEqual([
      ['required', 'TAG', { line: 3, column: 18 }, { line: 3, column: 33 }],
      ['unset', 'MISSING', { line: 6, column: 12 }, { line: 6, column: 22 }],
    ]);
  });

  it('applies `<<` merge keys, explicit keys winning', () => {
    const text = 'x-base: &base\n  image: node:22-alpine\n  restart: always\nservices:\n  api:\n    <<: *base\n    restart: unless-stopped\n';
    const service = createComposeContext([{ path: 'compose.yaml', text }], undefined, {}).model.services.get('api')!;
    expect(service.image?.value).toBe('node:22-alpine');
    expect(service.restart?.value).toBe('unless-stopped');
  });

  it('detects production from a file’s own name, not its folder’s, among several files', () => {
    const files = (...paths: string[]) => paths.map((path) => ({ path, text: 'services: {}\n' }));
    expect(createComposeContext(files('compose.yaml', 'compose.prod.yaml'), undefined, {}).production).toBe(true);
    expect(createComposeContext(files('prod/compose.yaml'), undefined, {}).production).toBe(false);
  });

  it('merges an override’s healthcheck and top-level resources into the base’s', () => {
    const base = 'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 5s\nnetworks:\n  back:\n    driver_opts:\n      a: "1"\n';
    const override = 'services:\n  db:\n    healthcheck:\n      interval: 30s\nnetworks:\n  back:\n    external: true\n    driver_opts:\n      b: "2"\n';
    const { model } = createComposeContext([{ path: 'compose.yaml', text: base }, { path: 'compose.override.yaml', text: override }], undefined, {});
    const healthcheck = model.services.get('db')!.healthcheck!;
    expect([healthcheck.test?.value, healthcheck.interval?.value]).toEqual([['CMD', 'pg_isready'], '30s']);
    const back = model.networks.get('back')!;
    expect(back.external).toBe(true);
    expect([...back.driverOptions.keys()]).toEqual(['a', 'b']);
  });

  it('detects production from the file name or the option', () => {
    expect(createComposeContext([{ path: 'compose.prod.yaml', text: 'services: {}\n' }], undefined, {}).production).toBe(true);
    expect(createComposeContext([{ path: 'compose.yaml', text: 'services: {}\n' }], undefined, {}).production).toBe(false);
    expect(createComposeContext([{ path: 'compose.yaml', text: 'services: {}\n' }], undefined, { production: true }).production).toBe(true);
  });

  it('merges the documents of a multi-document file in order, as compose does', () => {
    const ctx = createComposeContext([{ path: 'compose.yaml', text: 'services:\n  api:\n    image: node:22-alpine\n---\nservices:\n  api:\n    restart: always\n' }], undefined, {});
    expect(ctx.documents).toHaveLength(2);
    expect(ctx.model.services.get('api')).toMatchObject({ image: { value: 'node:22-alpine' }, restart: { value: 'always', range: { start: { line: 7 } } } });
  });

  it('keeps the model but flags syntax errors, so model rules stay quiet', () => {
    const ctx = createComposeContext([{ path: 'compose.yaml', text: 'services:\n  api:\n    image: "node:22-alpine\n    ports: ["3000:3000"]\n' }], undefined, {});
    expect(ctx.syntaxErrors).toBe(true);
    expect(ctx.model.services.has('api')).toBe(true);
  });

  it('reads each form of the keys the rules look at', () => {
    const text = `include:
  - path: ./other.yaml
  - ./third.yaml
services:
  api:
    container_name: atelier-api
    build:
      context: ./api
      dockerfile: Dockerfile.dev
    environment:
      - A=b=c
      - EMPTY=
      - ALONE
    env_file:
      - path: ./api.env
        required: false
      - ./common.env
    healthcheck:
      test: ["CMD", "true"]
      retries: 3
      start_interval: 2s
  web:
    build: ./web
    healthcheck:
      retries: "\${RETRIES:-5}"
networks:
  outside:
    external: true
  named:
    external:
      name: real-name
  inside:
    external: false
`;
    const override = 'services:\n  api:\n    image: atelier/api:1\n  web:\n    container_name: atelier-web\n';
    const { model } = createComposeContext([{ path: 'compose.yaml', text }, { path: 'compose.override.yaml', text: override }], undefined, {});
    expect(model.include.map((p) => p.value)).toEqual(['./other.yaml', './third.yaml']);
    const api = model.services.get('api')!;
    const web = model.services.get('web')!;
    expect(api.containerName?.value).toBe('atelier-api');
    expect(web.containerName?.value).toBe('atelier-web');
    expect([api.build?.context?.value, api.build?.dockerfile?.value]).toEqual(['./api', 'Dockerfile.dev']);
    expect([web.build?.context?.value, web.build?.dockerfile]).toEqual(['./web', undefined]);
    expect(api.environment.map((e) => [e.name, e.value, e.raw])).toEqual([
      ['A', 'b=c', 'b=c'],
      ['EMPTY', '', ''],
      ['ALONE', undefined, undefined],
    ]);
    expect(api.envFile.map((f) => f.value)).toEqual(['./api.env', './common.env']);
    expect(api.healthcheck?.retries).toMatchObject({ value: 3, range: { start: { line: 20, column: 16 } } });
    expect(api.healthcheck?.startInterval?.value).toBe('2s');
    expect(web.healthcheck?.retries?.value).toBe('5');
    expect([...model.networks.values()].map((n) => [n.name, n.external])).toEqual([
      ['outside', true],
      ['named', true],
      ['inside', false],
    ]);
  });

  it('reads the lines of a flow list left of their key as go-yaml does, with every range in the learner’s text', () => {
    const text = 'services:\n  web:\n    image: nginx:1.30\n    command: [\n    "make",\n"test" ]\n    labels: &labels\n      k: v\n  api:\n    image: nginx:1.30\n    labels: *labels\n  worker:\n    image: nginx:1.30\n    labels:\n      <<: *labels\n      j: w\n';
    const ctx = createComposeContext([{ path: 'compose.yaml', text }], undefined, {});
    expect(ctx.syntaxErrors).toBe(false);
    const services = (ctx.documents[0]!.root as LocatedMap).entries.get('services')!.value as LocatedMap;
    const web = services.entries.get('web')!.value as LocatedMap;
    const command = web.entries.get('command')!;
    expect(command.keyRange[0]).toBe(text.indexOf('command'));
    expect((command.value as LocatedSeq).items.map((item) => item.range[0])).toEqual([text.indexOf('"make"'), text.indexOf('"test"')]);
    // The map shared through an alias is moved back once, not once per use.
    const labels = (services.entries.get('api')!.value as LocatedMap).entries.get('labels')!.value as LocatedMap;
    expect(labels.entries.get('k')!.keyRange[0]).toBe(text.indexOf('k: v'));
    expect(labels.entries.get('k')!.value.range[0]).toBe(text.indexOf('v\n  api'));
    // Entries a `<<` copies into another map are the same entries: moved back once too.
    const merged = (services.entries.get('worker')!.value as LocatedMap).entries.get('labels')!.value as LocatedMap;
    expect([...merged.entries].map(([key, entry]) => [key, entry.keyRange[0]])).toEqual([
      ['j', text.indexOf('j: w')],
      ['k', text.indexOf('k: v')],
    ]);
  });
});

