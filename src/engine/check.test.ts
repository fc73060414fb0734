import { describe, expect, it } from 'vitest';
import { checkProject } from './check.ts';

describe('checkProject', () => {
  it('returns no compose model for a project without compose file', () => {
    const result = checkProject([{ path: 'README.md', text: '# rien' }]);
    expect(result.compose).toBeUndefined();
    expect(result.nginx).toEqual([]);
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
});
