import { describe, expect, it } from 'vitest';
import { createNginxContext } from './context.ts';

const contextOf = (path: string, text: string) => createNginxContext({ path, text }, [{ path, text }]);

describe('createNginxContext', () => {
  it('treats conf.d files as included inside http, as the official image does', () => {
    const context = contextOf('nginx/conf.d/default.conf', 'server {\n    location / {\n        if ($x) { return 404; }\n    }\n}\n');
    expect(context.role).toBe('http-include');
    expect(context.nodes.map((info) => `${info.node.name}:${info.context}`)).toEqual([
      'server:http',
      'location:http-server',
      'if:http-location',
      'return:http-location-if',
    ]);
  });

  it('recognises a complete nginx.conf and the stream context', () => {
    const context = contextOf('nginx/nginx.conf', 'events {}\nstream {\n    server {\n        listen 5433;\n    }\n}\n');
    expect(context.role).toBe('main');
    expect(context.named('listen')[0]!.context).toBe('stream-server');
    expect(context.named('listen')[0]!.path.map((block) => block.name)).toEqual(['stream', 'server']);
  });

  it('does not guess the context of a fragment included from elsewhere', () => {
    const context = contextOf('nginx/snippets/proxy.conf', 'proxy_set_header Host $host;\n');
    expect(context.role).toBe('fragment');
    expect(context.nodes[0]!.context).toBeUndefined();
  });

  it('reads a fragment with its own locations as the inside of a server block', async () => {
    const text = 'listen 127.0.0.1:80;\nlocation /app/ {\n    proxy_pass http://app:3000;\n    location /other/ {\n        return 404;\n    }\n}\n';
    const context = contextOf('nginx/snippets/app.conf', text);
    expect(context.role).toBe('fragment');
    expect(context.rootContext).toBe('http-server');
    const { checkProject } = await import('../check.ts');
    const found = checkProject([{ path: 'nginx/snippets/app.conf', text }]).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}@${d.range.start.line}`);
    expect(found).toEqual(['nginx-location-nesting@4']);
  });

  it('marks map bodies as generic and inner nodes of unknown blocks', () => {
    const context = contextOf('nginx/conf.d/a.conf', 'map $a $b {\n    default 0;\n}\nfoo {\n    root /srv;\n}\n');
    expect(context.named('default')[0]!.inGeneric).toBe(true);
    expect(context.named('root')[0]!.inUnknownBlock).toBe(true);
  });

  it('lists the ${VAR} placeholders of a template with their positions', () => {
    const context = contextOf('nginx/templates/default.conf.template', 'server {\n    listen ${NGINX_PORT};\n    proxy_pass http://${API_HOST}:3000;\n    set $x $host;\n}\n');
    expect(context.isTemplate).toBe(true);
    expect(context.templateVariables).toEqual([
      { name: 'NGINX_PORT', range: { start: { line: 2, column: 12 }, end: { line: 2, column: 25 } } },
      { name: 'API_HOST', range: { start: { line: 3, column: 23 }, end: { line: 3, column: 34 } } },
    ]);
  });

  it('checks a template with placeholders without false errors', async () => {
    const { checkProject } = await import('../check.ts');
    const text = 'server {\n    listen ${NGINX_PORT};\n    server_name ${SERVER_NAME};\n    location / {\n        proxy_pass http://${API_HOST}:${API_PORT};\n    }\n}\n';
    const errors = checkProject([{ path: 'nginx/templates/default.conf.template', text }]).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('takes a file of server or upstream blocks, wherever it is, as an http include; a main block makes it a main file', () => {
    expect(contextOf('proxy/site.conf', 'upstream api {\n    server api:3000;\n}\n').role).toBe('http-include');
    expect(contextOf('proxy/site.conf', 'server {\n    listen 80;\n}\n').role).toBe('http-include');
    expect(contextOf('proxy/site.conf', 'listen 80;\nserver_name a;\n').role).toBe('fragment');
    expect(contextOf('proxy/site.conf', 'events {}\n').role).toBe('main');
    expect(contextOf('proxy/site.conf', 'foo {}\n').role).toBe('fragment');
    expect(contextOf('proxy/site.conf', 'upstream api {\n    server api:3000;\n}\nproxy_read_timeout 30s;\n').role).toBe('http-include');
    // `server` as a directive: the lines of an upstream, included inside one.
    expect(contextOf('proxy/site.conf', 'server api:3000;\nserver api2:3000;\n').role).toBe('fragment');
  });

  it('knows a template by where the project mounts it, whatever its name', () => {
    const text = 'server {\n    listen ${PORT};\n}\n';
    const mounted = (target: string) => createNginxContext({ path: 'proxy/site.tmpl', text }, [{ path: 'proxy/site.tmpl', text }], target).isTemplate;
    expect(mounted('/etc/nginx/templates/default.conf.template')).toBe(true);
    expect(mounted('/etc/nginx/templates/default.conf')).toBe(false);
    expect(mounted('/srv/etc/nginx/templates/default.conf.template')).toBe(false);
    expect(createNginxContext({ path: 'proxy/site.tmpl', text }, [{ path: 'proxy/site.tmpl', text }]).isTemplate).toBe(false);
  });
});

