import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directiveHover, directiveUrl, isDirectivePosition } from './nginx-hover.ts';
import { NGINX_DOCS_FR } from './nginx-docs-fr.ts';

/** Every directive name of the lessons' nginx files: the first word of each statement or block. */
function exerciseDirectives(): Set<string> {
  const names = new Set<string>();
  for (const file of globSync('src/content/lessons/*/{start,solution}/**/*.{conf,template}')) {
    // Quoted values may hold `;` (a Content-Security-Policy); comments are not statements.
    const text = readFileSync(file, 'utf8').replace(/"[^"]*"|'[^']*'/g, '""').replace(/#.*$/gm, '');
    for (const statement of text.split(/[;{}]/)) {
      const name = statement.trim().match(/^[a-z_0-9]+/)?.[0];
      if (name) names.add(name);
    }
  }
  return names;
}

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
    expect(hover).toContain('*(en anglais)* If disabled…');
  });

  it('describes in French every directive the exercise files use', () => {
    const names = [...exerciseDirectives()];
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => !(name in NGINX_DOCS_FR))).toEqual([]);
    const [hover] = directiveHover('try_files', [{ module: 'http_core', syntax: ['`file` ... `uri`'], default: '', description: 'Checks the existence of files…' }]);
    expect(hover).toContain('repli d’une application monopage');
    expect(hover).not.toContain('Checks the existence');
    expect(hover).not.toContain('en anglais)*');
  });
});
