import { describe, expect, it } from 'vitest';
import { directiveHover, directiveUrl, isDirectivePosition } from './nginx-hover.ts';

describe('nginx directive hovers', () => {
  it('recognises a directive name at the start of a statement only', () => {
    expect(isDirectivePosition('    proxy_pass http://api;', 5)).toBe(true);
    expect(isDirectivePosition('    proxy_pass http://api;', 16)).toBe(false);
    expect(isDirectivePosition('location / { try_files $uri /index.html; }', 14)).toBe(true);
    expect(isDirectivePosition('    # proxy_pass http://api;', 7)).toBe(false);
  });

  it('links each module to its nginx.org page', () => {
    expect(directiveUrl('proxy_pass', 'http_proxy')).toBe('https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass');
    expect(directiveUrl('worker_processes', 'core')).toBe('https://nginx.org/en/docs/ngx_core_module.html#worker_processes');
    expect(directiveUrl('proxy_pass', 'stream_proxy')).toBe('https://nginx.org/en/docs/stream/ngx_stream_proxy_module.html#proxy_pass');
  });

  it('shows syntax and default in French around the reference text', () => {
    const [hover] = directiveHover('absolute_redirect', [{ module: 'http_core', syntax: ['`on` | `off`'], default: 'on', description: 'If disabled…' }]);
    expect(hover).toContain('Syntaxe : `absolute_redirect` `on` | `off`');
    expect(hover).toContain('Par défaut : `on`');
    expect(hover).toContain('If disabled…');
  });
});
