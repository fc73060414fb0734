import { describe, expect, it } from 'vitest';
import { createNginxContext } from './context.ts';
import { upstreamNames } from './upstream-names.ts';

describe('upstreamNames', () => {
  it('lists the upstream names of http and of stream apart, lower-cased, across the project’s files', () => {
    const main = { path: 'nginx/nginx.conf', text: 'events {}\nhttp {\n    upstream API {\n        server api:3000;\n    }\n}\nstream {\n    upstream db {\n        server db:5432;\n    }\n}\n' };
    const extra = { path: 'nginx/conf.d/more.conf', text: 'upstream Web {\n    server web:80;\n}\nupstream {\n}\n' };
    const context = createNginxContext(main, [main, extra]);
    // The project's check gives each file its siblings (every nginx file of the project).
    context.siblings = [context, createNginxContext(extra, [main, extra])];
    expect([...upstreamNames(context, 'http')].sort()).toEqual(['api', 'web']);
    expect([...upstreamNames(context, 'stream')]).toEqual(['db']);
  });
});
