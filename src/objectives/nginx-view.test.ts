import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { args, childrenNamed, findAll, locations, nginxRoots } from './nginx-view.ts';

const PATH = 'nginx/conf.d/default.conf';
const rootsOf = (text: string) => nginxRoots(checkProject([{ path: PATH, text }]), PATH);
const TEXT = 'server {\n    location = /health { return 200; }\n    location /api/ {\n        proxy_pass http://api;\n        location /api/admin/ { deny all; }\n    }\n    location ~ \\.php$ { deny all; }\n}\n';

describe('nginx view for objectives', () => {
  it('finds the file’s top-level nodes, and nothing for another file', () => {
    expect(rootsOf(TEXT)?.map((n) => n.name)).toEqual(['server']);
    expect(nginxRoots(checkProject([{ path: PATH, text: TEXT }]), 'nginx/nginx.conf')).toBeUndefined();
  });

  it('finds nodes at any depth with their enclosing blocks', () => {
    const found = findAll(rootsOf(TEXT), 'location');
    expect(found.map(({ node, path }) => [args(node).join(' '), path.map((p) => `${p.name} ${args(p).join(' ')}`.trim())])).toEqual([
      ['= /health', ['server']],
      ['/api/', ['server']],
      ['/api/admin/', ['server', 'location /api/']],
      ['~ \\.php$', ['server']],
    ]);
    expect(findAll(undefined, 'location')).toEqual([]);
  });

  it('selects locations by URI, with or without a modifier, and a block’s direct children', () => {
    const roots = rootsOf(TEXT);
    expect(locations(roots, '/api/').map((n) => args(n))).toEqual([['/api/']]);
    expect(locations(roots, '/health')).toEqual([]);
    expect(locations(roots, '/health', '=').map((n) => args(n))).toEqual([['=', '/health']]);
    expect(locations(roots, '/health', '~')).toEqual([]);
    const [api] = locations(roots, '/api/');
    expect(childrenNamed(api!, 'proxy_pass').map((n) => args(n))).toEqual([['http://api']]);
    expect(childrenNamed(api!, 'deny')).toEqual([]);
  });
});
