import { describe, expect, it, vi } from 'vitest';
import { checkProject } from './check.ts';
import { noVersionKey } from './rules/compose/no-version-key.ts';
import { proxyUnknownService } from './rules/cross/proxy-unknown-service.ts';

describe('checkProject', () => {
  it('returns no compose model for a project without compose file', () => {
    const result = checkProject([{ path: 'README.md', text: '# rien' }]);
    expect(result.compose).toBeUndefined();
    expect(result.nginx).toEqual([]);
  });

  it('reads a file Compose mounts as nginx configuration whatever its name', () => {
    const compose = 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx/site:/etc/nginx/conf.d/default.conf:ro\n      - ./notes.txt:/usr/share/nginx/html/notes.txt:ro\n';
    const site = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://apo:3000;\n    }\n}\n';
    const result = checkProject([
      { path: 'compose.yaml', text: compose },
      { path: 'nginx/site', text: site },
      { path: 'notes.txt', text: 'server {' },
    ]);
    expect(result.nginx.map((n) => n.file.path)).toEqual(['nginx/site']);
    expect(result.diagnostics.filter((d) => d.ruleId === 'proxy-unknown-service').map((d) => `${d.file}:${d.range.start.line}`)).toEqual(['nginx/site:4']);
  });

  it('reads a file an nginx file includes whatever its name, as a fragment, and not one nothing includes', () => {
    const result = checkProject([
      { path: 'nginx/conf.d/default.conf', text: 'server {\n    listen 80;\n    location / {\n        include /etc/nginx/snippets/proxy_params;\n        proxy_pass http://127.0.0.1:3000;\n    }\n    include vhosts.d/locations.inc;\n}\n' },
      { path: 'nginx/snippets/proxy_params', text: 'proxy_set_heder Host $host;\n' },
      { path: 'nginx/vhosts.d/locations.inc', text: 'include sites-enabled/more;\n' },
      { path: 'nginx/sites-enabled/more', text: 'location /api/ {\n    return 200;\n}\n' },
      { path: 'nginx/snippets/unused', text: 'proxy_set_heder Host $host;\n' },
    ]);
    expect(result.nginx.map((n) => [n.file.path, n.role])).toEqual([
      ['nginx/conf.d/default.conf', 'http-include'],
      ['nginx/snippets/proxy_params', 'fragment'],
      ['nginx/vhosts.d/locations.inc', 'fragment'],
      ['nginx/sites-enabled/more', 'fragment'],
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}@${d.file}:${d.range.start.line}`)).toEqual(['nginx-unknown-directive@nginx/snippets/proxy_params:1']);
  });

  it('parses each nginx file of the project once', () => {
    const result = checkProject([
      { path: 'compose.yaml', text: 'services: {}\n' },
      { path: 'nginx/nginx.conf', text: 'events {}\n' },
      { path: 'nginx/conf.d/api.conf', text: 'server {}\n' },
    ]);
    expect(result.compose).toBeDefined();
    expect(result.nginx.map((n) => n.file.path)).toEqual(['nginx/nginx.conf', 'nginx/conf.d/api.conf']);
  });

  it('sorts diagnostics by file, then line, then column, whatever the order of the files', () => {
    const result = checkProject([
      { path: 'nginx/conf.d/default.conf', text: 'server {\n    listen 80\n}\n' },
      { path: 'compose.yaml', text: 'version: "3.8"\nservices:\n  web:\n    image: nginx:latest\n    container_name: web\n    depends_on: [api]\n' },
    ]);
    expect(result.diagnostics.map((d) => [d.file, d.range.start.line, d.range.start.column, d.ruleId])).toEqual([
      ['compose.yaml', 1, 1, 'no-version-key'],
      ['compose.yaml', 4, 12, 'image-tag'],
      ['compose.yaml', 5, 21, 'no-container-name'],
      ['compose.yaml', 6, 18, 'unknown-dependency'],
      ['nginx/conf.d/default.conf', 3, 1, 'nginx-syntax-error'],
    ]);
  });

  it('gives each diagnostic its rule’s severity unless the report sets its own, and the message’s data', () => {
    const [unused] = checkProject([
      { path: 'nginx/conf.d/default.conf', text: 'server {\n    listen 80;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' },
    ]).diagnostics;
    expect([unused?.ruleId, unused?.severity]).toEqual(['nginx-ssl-certificate', 'warning']);
    const [unknown] = checkProject([{ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.30-alpine\n    depends_on: [api]\n' }]).diagnostics;
    expect(unknown).toMatchObject({ severity: 'error', data: { service: 'web', name: 'api' }, docs: '`depends_on` doit nommer un service du projet' });
  });

  it('merges the base compose file first, then its override, whatever their order in the project', () => {
    const result = checkProject([
      { path: 'compose.override.yaml', text: 'services:\n  web:\n    image: nginx:1.30-alpine\n' },
      { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.29-alpine\n' },
    ]);
    expect(result.compose?.model.services.get('web')?.image?.value).toBe('nginx:1.30-alpine');
  });

  it('turns a rule that throws into one internal-error diagnostic and runs the other rules', () => {
    const composeRule = vi.spyOn(noVersionKey, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    const crossRule = vi.spyOn(proxyUnknownService, 'check').mockImplementation(() => {
      throw new Error('bang');
    });
    try {
      const { diagnostics } = checkProject([{ path: 'nginx/conf.d/default.conf', text: 'server {\n    listen 80;\n}\n' }, { path: 'compose.yaml', text: 'version: "3.8"\nservices:\n  web:\n    image: nginx:latest\n' }]);
      expect(diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.file, d.range.start.line, d.range.start.column, d.docs])).toEqual([
        ['internal-error', 'crashed', 'error', 'compose.yaml', 1, 1, 'Error: boom'],
        ['image-tag', 'latest', 'warning', 'compose.yaml', 4, 12, 'Fixez la version des images'],
        ['internal-error', 'crashed', 'error', 'nginx/conf.d/default.conf', 1, 1, 'Error: bang'],
      ]);
      expect(diagnostics[0]!.message).toBe('Erreur interne de l’atelier dans la règle «\u00a0no-version-key\u00a0»\u00a0: votre fichier n’y est pour rien, signalez-nous ce cas.');
    } finally {
      composeRule.mockRestore();
      crossRule.mockRestore();
    }
  });
});
