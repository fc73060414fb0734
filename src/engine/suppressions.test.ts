import { describe, expect, it } from 'vitest';
import { checkProject } from './check.ts';
import { findDisableDirectives } from './suppressions.ts';
import type { ProjectFile } from './types.ts';

function ruleIds(files: ProjectFile[]): string[] {
  return checkProject(files).diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.ruleId}`);
}

describe('# atelier-compose-disable-next-line', () => {
  it('silences the named rule on the next line of a compose file, and only there', () => {
    const text = (comment: string) => `services:\n  web:\n${comment}    image: nginx\n  api:\n    image: node\n`;
    expect(ruleIds([{ path: 'compose.yaml', text: text('') }])).toEqual(expect.arrayContaining(['compose.yaml:3 image-tag', 'compose.yaml:5 image-tag']));
    const silenced = ruleIds([{ path: 'compose.yaml', text: text('    # atelier-compose-disable-next-line image-tag -- démonstration\n') }]);
    expect(silenced).not.toContain('compose.yaml:4 image-tag');
    expect(silenced).toContain('compose.yaml:6 image-tag');
    const otherRule = ruleIds([{ path: 'compose.yaml', text: text('    # atelier-compose-disable-next-line no-container-name\n') }]);
    expect(otherRule).toContain('compose.yaml:4 image-tag');
  });

  it('silences an nginx rule in an nginx file, several rules separated by commas', () => {
    const compose: ProjectFile = { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./site.conf:/etc/nginx/conf.d/site.conf:ro\n' };
    const site = (comment: string) => `server {\n    listen 80;\n${comment}    listen 443 ssl http2;\n    ssl_certificate /c.pem;\n    ssl_certificate_key /k.pem;\n}\n`;
    const before = ruleIds([compose, { path: 'site.conf', text: site('') }]).filter((id) => id.startsWith('site.conf:3'));
    expect(before).toContain('site.conf:3 nginx-listen-http2-deprecated');
    const after = ruleIds([compose, { path: 'site.conf', text: site('    # atelier-compose-disable-next-line nginx-duplicate-directive,nginx-listen-http2-deprecated\n') }]);
    expect(after.filter((id) => id.startsWith('site.conf:4'))).not.toContain('site.conf:4 nginx-listen-http2-deprecated');
  });

  it('silences a rule in a .env file', () => {
    const compose: ProjectFile = { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.30-alpine\n' };
    expect(ruleIds([compose, { path: '.env', text: 'BAD LINE\n' }])).toContain('.env:1 env-file-syntax');
    expect(ruleIds([compose, { path: '.env', text: '# atelier-compose-disable-next-line env-file-syntax\nBAD LINE\n' }])).not.toContain('.env:2 env-file-syntax');
  });

  it('reads only comments alone on their line, with the exact keyword', () => {
    const directives = findDisableDirectives({
      path: 'compose.yaml',
      text: 'a: 1 # atelier-compose-disable-next-line image-tag\n#atelier-compose-disable-next-lines image-tag\n  #  atelier-compose-disable-next-line a, b -- why\n',
    });
    expect(directives.map((d) => [d.line, d.rules.map((r) => [r.id, r.range.start.column])])).toEqual([[3, [['a', 40], ['b', 43]]]]);
  });
});
