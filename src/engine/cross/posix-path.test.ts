import { describe, expect, it } from 'vitest';
import { dirname, isWithin, joinPath, normalizePath } from './posix-path.ts';

describe('posix paths of a project', () => {
  it('normalises dots and never climbs above the root', () => {
    expect(normalizePath('./nginx/../nginx/conf.d/')).toBe('nginx/conf.d');
    expect(normalizePath('../../etc')).toBe('etc');
    expect(normalizePath('/etc/nginx/./conf.d')).toBe('/etc/nginx/conf.d');
  });

  it('joins a relative mount source to the compose file directory', () => {
    expect(joinPath('', './nginx/nginx.conf')).toBe('nginx/nginx.conf');
    expect(joinPath('stacks/07', './nginx')).toBe('stacks/07/nginx');
    expect(joinPath('stacks/07', '/srv/certs')).toBe('/srv/certs');
  });

  it('tells a file inside a directory from a sibling with the same prefix', () => {
    expect(isWithin('nginx/conf.d/a.conf', 'nginx/conf.d')).toBe(true);
    expect(isWithin('nginx/conf.d-old/a.conf', 'nginx/conf.d')).toBe(false);
    expect(dirname('stacks/07/compose.yaml')).toBe('stacks/07');
    expect(dirname('compose.yaml')).toBe('');
  });
});
