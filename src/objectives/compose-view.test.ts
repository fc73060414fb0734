import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { composeView, dotenvVariables } from './compose-view.ts';

const view = (files: Record<string, string>) =>
  composeView(checkProject(Object.entries(files).map(([path, text]) => ({ path, text }))));

describe('compose view for objectives', () => {
  it('reads short and long port and volume syntax', () => {
    const web = view({
      'compose.yaml': [
        'services:',
        '  web:',
        '    ports:',
        '      - "${HTTP_PORT:-8080}:80"',
        '      - target: 443',
        '        published: 8443',
        '    volumes:',
        '      - ./site:/usr/share/nginx/html:ro',
        '      - type: volume',
        '        source: data',
        '        target: /data',
        '',
      ].join('\n'),
    })?.services.get('web');
    expect(web?.ports).toMatchObject([
      { published: '${HTTP_PORT:-8080}', target: '80' },
      { published: '8443', target: '443' },
    ]);
    expect(web?.volumes).toMatchObject([
      { source: './site', target: '/usr/share/nginx/html', readOnly: true },
      { source: 'data', target: '/data', readOnly: false },
    ]);
  });

  it('reads depends_on conditions in both syntaxes', () => {
    const services = view({
      'compose.yaml': 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n  web:\n    depends_on: [api]\n',
    })?.services;
    expect(services?.get('api')?.dependsOn).toEqual([{ service: 'db', condition: 'service_healthy' }]);
    expect(services?.get('web')?.dependsOn).toEqual([{ service: 'api', condition: 'service_started' }]);
  });

  it('lets an override file replace what it redefines', () => {
    const api = view({
      'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    restart: "no"\n',
      'compose.override.yaml': 'services:\n  api:\n    restart: unless-stopped\n',
    })?.services.get('api');
    expect(api).toMatchObject({ image: 'node:24-alpine', restart: 'unless-stopped' });
  });

  it('has no view of a compose file that does not parse', () => {
    expect(view({ 'compose.yaml': 'services:\n  web:\n image: [\n' })).toBeUndefined();
  });

  it('reads .env variables with quotes and comments', () => {
    expect(dotenvVariables('# secret\nPOSTGRES_PASSWORD="s3cr3t"\nHTTP_PORT=8080 # port\nEMPTY=\n')).toEqual(
      new Map([
        ['POSTGRES_PASSWORD', 's3cr3t'],
        ['HTTP_PORT', '8080'],
        ['EMPTY', ''],
      ]),
    );
  });
});

describe('compose view merge of an override file', () => {
  it('merges environment by name, adds ports, and replaces scalars', () => {
    const api = view({
      'compose.yaml': 'services:\n  api:\n    image: a:1\n    environment:\n      A: "1"\n      B: "2"\n    ports: ["3000:3000"]\n',
      'compose.override.yaml': 'services:\n  api:\n    image: a:2\n    environment:\n      B: "3"\n    ports: ["9229:9229"]\n',
    })?.services.get('api');
    expect(api?.image).toBe('a:2');
    expect(api?.environment).toEqual([
      { name: 'A', raw: '1' },
      { name: 'B', raw: '3' },
    ]);
    expect(api?.ports.map((p) => p.target)).toEqual(['3000', '9229']);
  });
});

describe('compose view, every syntax a learner may write', () => {
  const service = (body: string) => view({ 'compose.yaml': `services:\n  app:\n${body}` })?.services.get('app');

  it('reads ports with a protocol, a bare container port, and skips a long form without target', () => {
    expect(service('    ports:\n      - "8080:80/tcp"\n      - 9229\n      - published: 8443\n')?.ports).toEqual([
      { raw: '8080:80/tcp', published: '8080', target: '80' },
      { raw: '9229', published: undefined, target: '9229' },
    ]);
  });

  it('reads a long-form port as the short syntax it stands for, variables as written', () => {
    expect(service('    ports:\n      - target: 5432\n        published: "${DB_PORT:-5432}"\n        host_ip: 127.0.0.1\n')?.ports).toEqual([
      { raw: '127.0.0.1:${DB_PORT:-5432}:5432', published: '${DB_PORT:-5432}', target: '5432' },
    ]);
  });

  it('reads anonymous, read-only with options, and long-form read-only volumes', () => {
    expect(service('    volumes:\n      - /app/node_modules\n      - ./site:/srv:ro,z\n      - ./conf:/etc/conf:rw\n      - type: bind\n        source: ./x\n        target: /x\n        read_only: true\n      - type: tmpfs\n')?.volumes).toEqual([
      { raw: '/app/node_modules', source: undefined, target: '/app/node_modules', readOnly: false },
      { raw: './site:/srv:ro,z', source: './site', target: '/srv', readOnly: true },
      { raw: './conf:/etc/conf:rw', source: './conf', target: '/etc/conf', readOnly: false },
      { raw: './x:/x', source: './x', target: '/x', readOnly: true },
    ]);
  });

  it('reads environment as a list or a map, with or without values', () => {
    expect(service('    environment:\n      - NODE_ENV=production\n      - TZ\n      - URL=a=b\n')?.environment).toEqual([
      { name: 'NODE_ENV', raw: 'production' },
      { name: 'TZ', raw: undefined },
      { name: 'URL', raw: 'a=b' },
    ]);
    expect(service('    environment:\n      PORT: 3000\n      EMPTY:\n')?.environment).toEqual([
      { name: 'PORT', raw: '3000' },
      { name: 'EMPTY', raw: undefined },
    ]);
    expect(service('    environment: production\n')?.environment).toEqual([]);
  });

  it('reads healthchecks, networks, commands and logging as written', () => {
    const app = service(
      '    healthcheck:\n      test: ["CMD", "wget", 3]\n      disable: true\n    networks:\n      front:\n        aliases: [web]\n      back:\n    command: ["node", "server.js"]\n    restart: always\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: 3\n        labels: [a]\n',
    );
    expect(app).toMatchObject({
      healthcheck: { test: ['CMD', 'wget', '3'], disable: true },
      networks: ['front', 'back'],
      command: ['node', 'server.js'],
      restart: 'always',
      logging: { driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } },
      keys: ['healthcheck', 'networks', 'command', 'restart', 'logging'],
    });
    expect(service('    healthcheck:\n      test: wget -qO- http://127.0.0.1/\n    command: npm start\n')).toMatchObject({
      healthcheck: { test: 'wget -qO- http://127.0.0.1/', disable: false },
      command: 'npm start',
      logging: undefined,
    });
  });

  it('reads the project’s name, extensions, networks, volumes and secrets', () => {
    const project = view({
      'compose.yaml': 'name: atelier\nx-logs: &logs {driver: local}\nservices:\n  app:\n    image: a:1\n    logging: *logs\nnetworks:\n  front:\n  back: {internal: true}\nvolumes:\n  data:\nsecrets:\n  key:\n    file: ./key.txt\n',
    });
    expect(project?.name).toBe('atelier');
    expect([...(project?.extensions ?? [])]).toEqual([['x-logs', { driver: 'local' }]]);
    expect([...(project?.networks ?? [])]).toEqual([['front', {}], ['back', { internal: true }]]);
    expect([...(project?.volumes.keys() ?? [])]).toEqual(['data']);
    expect(project?.secrets.get('key')).toEqual({ file: './key.txt' });
    expect(project?.hasVersion).toBe(false);
  });

  it('views one file alone when asked, and nothing for a list at the root or no compose file', () => {
    const result = checkProject([
      { path: 'compose.yaml', text: 'services:\n  api:\n    image: a:1\n' },
      { path: 'compose.override.yaml', text: 'version: "3.8"\nservices:\n  db:\n    image: b:1\n' },
    ]);
    expect([...(composeView(result, 'compose.override.yaml')?.services.keys() ?? [])]).toEqual(['db']);
    expect(composeView(result, 'compose.override.yaml')?.hasVersion).toBe(true);
    expect([...(composeView(result)?.services.keys() ?? [])]).toEqual(['api', 'db']);
    expect(composeView(result)).toBe(composeView(result));
    expect(view({ 'compose.yaml': '- web\n' })).toBeUndefined();
    expect(composeView(checkProject([{ path: 'nginx.conf', text: 'events {}\n' }]))).toBeUndefined();
  });

  it('merges depends_on by service, volumes by target, networks without repeats, keys of both files', () => {
    const api = view({
      'compose.yaml': 'services:\n  api:\n    depends_on: [db]\n    volumes: ["./a:/app", "./b:/b"]\n    networks: [front]\n',
      'compose.override.yaml': 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n    volumes: ["./src:/app"]\n    networks: [front, back]\n    command: npm run dev\n',
    })?.services.get('api');
    expect(api?.dependsOn).toEqual([{ service: 'db', condition: 'service_healthy' }]);
    // The engine's merge: the override's mount takes the place of the one it replaces.
    expect(api?.volumes.map((v) => v.raw)).toEqual(['./src:/app', './b:/b']);
    expect(api?.networks).toEqual(['front', 'back']);
    expect(api?.command).toBe('npm run dev');
    expect(api?.keys).toEqual(['depends_on', 'volumes', 'networks', 'command']);
  });

  it('reads .env lines as docker compose does: export, single quotes, CRLF, spaces around =', () => {
    expect(dotenvVariables("export A=1\r\nB = 'x # y'\nC=\"q\"\n1BAD=2\nD=v #c\n")).toEqual(
      new Map([
        ['A', '1'],
        ['B', 'x # y'],
        ['C', 'q'],
        ['D', 'v'],
      ]),
    );
    expect(dotenvVariables(undefined)).toEqual(new Map());
  });
});
