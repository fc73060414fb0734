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
});
