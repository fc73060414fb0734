import { describe, expect, it } from 'vitest';
import { checkProject } from './check.ts';
import { createComposeContext } from './compose/context.ts';
import type { ProjectFile } from './types.ts';

const SITE = 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n}\n';

function composeMounting(source: string, target: string): ProjectFile {
  return { path: 'compose.yaml', text: `services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ${source}:${target}:ro\n` };
}

describe('an nginx file is read where Compose mounts it', () => {
  it('reads a file named nginx.conf mounted into conf.d as an http-level fragment', () => {
    const files = [composeMounting('./nginx/nginx.conf', '/etc/nginx/conf.d/default.conf'), { path: 'nginx/nginx.conf', text: SITE }];
    const { nginx, diagnostics } = checkProject(files, { profiles: [] });
    expect(nginx[0]).toMatchObject({ role: 'http-include', containerPath: '/etc/nginx/conf.d/default.conf' });
    expect(diagnostics.filter((d) => d.file === 'nginx/nginx.conf').map((d) => d.ruleId)).not.toContain('nginx-directive-not-allowed-here');
    // Unmounted, its name makes it a main file, where `server` is not allowed.
    const alone = checkProject([{ path: 'nginx/nginx.conf', text: SITE }]);
    expect(alone.nginx[0]!.role).toBe('main');
    expect(alone.diagnostics.map((d) => d.ruleId)).toContain('nginx-directive-not-allowed-here');
  });

  it('reads a file mounted as /etc/nginx/nginx.conf as the main file, whatever its name', () => {
    const files = [composeMounting('./site.conf', '/etc/nginx/nginx.conf'), { path: 'site.conf', text: SITE }];
    expect(checkProject(files).nginx[0]!.role).toBe('main');
  });

  it('reads a template mounted under /etc/nginx/templates/ as rendered into conf.d', () => {
    const files = [composeMounting('./nginx/templates', '/etc/nginx/templates'), { path: 'nginx/templates/default.conf.template', text: SITE }];
    expect(checkProject(files).nginx[0]).toMatchObject({ role: 'http-include', containerPath: '/etc/nginx/templates/default.conf.template' });
  });

  it('resolves bind mounts against the project directory when one is given', () => {
    const files = [
      { path: 'deploy/compose.yaml', text: composeMounting('./nginx/nginx.conf', '/etc/nginx/conf.d/default.conf').text },
      { path: 'nginx/nginx.conf', text: SITE },
    ];
    expect(checkProject(files).nginx[0]!.containerPath).toBeUndefined();
    expect(checkProject(files, { projectDirectory: '' }).nginx[0]!.containerPath).toBe('/etc/nginx/conf.d/default.conf');
  });
});

describe('env files', () => {
  const compose: ProjectFile = { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:${TAG:?}\n    environment:\n      GREETING: ${GREETING}\n' };

  it('reads the given env files in order, a later one winning, the shell winning over all', () => {
    const files = [compose, { path: 'base.env', text: 'TAG=1.28-alpine\nGREETING=bonjour\n' }, { path: 'prod.env', text: 'TAG=1.30-alpine\nNAME=${GREETING}-prod\n' }];
    const { compose: context } = checkProject(files, { envFiles: ['base.env', 'prod.env'] });
    expect(context!.variables.get('TAG')).toBe('1.30-alpine');
    expect(context!.variables.get('NAME')).toBe('bonjour-prod');
    const shell = checkProject(files, { envFiles: ['base.env', 'prod.env'], environment: { TAG: '1.29-alpine' } });
    expect(shell.compose!.variables.get('TAG')).toBe('1.29-alpine');
  });

  it('reports the syntax errors of every env file at their place', () => {
    const files = [compose, { path: 'a.env', text: 'TAG=x\n' }, { path: 'b.env', text: 'GREETING=ok\nBAD LINE\n' }];
    const found = checkProject(files, { envFiles: ['a.env', 'b.env'] }).diagnostics.filter((d) => d.ruleId === 'env-file-syntax');
    expect(found.map((d) => `${d.file}:${d.range.start.line}`)).toEqual(['b.env:2']);
  });
});

describe('a compose context the caller has already built', () => {
  const compose = composeMounting('./site.conf', '/etc/nginx/conf.d/default.conf');
  const env: ProjectFile = { path: '.env', text: 'TAG=1\n' };
  const files = [compose, env, { path: 'site.conf', text: SITE }];

  it('is used as it is when built from the same files and options', () => {
    const options = { composeFiles: ['compose.yaml'], envFiles: ['.env'] };
    const prepared = createComposeContext([compose], [env], options);
    const result = checkProject(files, options, { compose: prepared });
    expect(result.compose).toBe(prepared);
    expect(result.diagnostics).toEqual(checkProject(files, options).diagnostics);
  });

  it('is read again when built from other options or other files', () => {
    const options = { composeFiles: ['compose.yaml'], envFiles: ['.env'] };
    const withOtherOptions = createComposeContext([compose], [env], { ...options, production: true });
    expect(checkProject(files, options, { compose: withOtherOptions }).compose).not.toBe(withOtherOptions);
    const withoutEnv = createComposeContext([compose], [], options);
    expect(checkProject(files, options, { compose: withoutEnv }).compose).not.toBe(withoutEnv);
    const fromACopy = createComposeContext([{ ...compose }], [env], options);
    expect(checkProject(files, options, { compose: fromACopy }).compose).not.toBe(fromACopy);
  });
});
