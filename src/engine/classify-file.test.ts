import { describe, expect, it } from 'vitest';
import { classifyFile, composeFileOrder } from './classify-file.ts';

describe('classifyFile', () => {
  it('recognises the compose file names docker compose looks for', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'compose.override.yaml', 'deploy/compose.prod.yaml', 'stack.yaml', 'docker-stack.yml']) {
      expect(classifyFile(name), name).toBe('compose');
    }
  });

  it('sends nginx configs and templates to the nginx parser', () => {
    expect(classifyFile('nginx/nginx.conf')).toBe('nginx');
    expect(classifyFile('nginx/conf.d/api.conf')).toBe('nginx');
    expect(classifyFile('nginx/templates/default.conf.template')).toBe('nginx');
  });

  it('reads only .env, not its examples', () => {
    expect(classifyFile('.env')).toBe('env');
    expect(classifyFile('.env.example')).toBe('other');
    expect(classifyFile('README.md')).toBe('other');
  });

  it('orders the base compose file before its overrides', () => {
    expect(['compose.override.yaml', 'compose.yaml'].sort(composeFileOrder)).toEqual(['compose.yaml', 'compose.override.yaml']);
  });

  it('finds the base file by its name in any folder, .yml included', () => {
    expect(['compose.override.yml', 'compose.yml'].sort(composeFileOrder)).toEqual(['compose.yml', 'compose.override.yml']);
    expect(['deploy/compose.prod.yaml', 'deploy/compose.yaml'].sort(composeFileOrder)).toEqual(['deploy/compose.yaml', 'deploy/compose.prod.yaml']);
    expect(['docker-compose.override.yml', 'docker-compose.yml'].sort(composeFileOrder)).toEqual(['docker-compose.yml', 'docker-compose.override.yml']);
  });
});
