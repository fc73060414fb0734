import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { composeView, dotenvVariables, splitOutsideVariables } from './compose-view.ts';

const view = (files: Record<string, string>) =>
  composeView(checkProject(Object.entries(files).map(([path, text]) => ({ path, text }))));

describe('compose view for objectives', () => {
  it('splits a port mapping without cutting its variable default', () => {
    expect(splitOutsideVariables('${HTTP_PORT:-8080}:80')).toEqual(['${HTTP_PORT:-8080}', '80']);
    expect(splitOutsideVariables('127.0.0.1:8080:80')).toEqual(['127.0.0.1', '8080', '80']);
  });

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
