import { describe, expect, test } from 'vitest';
import { buildMountTree, isExcluded, relativeTo, toTree } from './mount-tree.ts';

const stack = '05-api-nodejs';
const base = {
  stack,
  pgliteServer: '// server',
  initFiles: {
    '/stacks/05-api-nodejs/db/init/01-schema.sql': 'CREATE TABLE users ();',
    '/stacks/05-api-nodejs/db/init/02-app-role.sh': '#!/bin/sh',
  },
  apiFiles: {
    '/stacks/05-api-nodejs/api/package.json': '{"name":"atelier-api"}',
    '/stacks/05-api-nodejs/api/src/index.js': 'original',
    '/stacks/05-api-nodejs/api/src/routes/users.js': 'users',
    '/stacks/05-api-nodejs/api/node_modules/express/index.js': 'vendored',
    '/stacks/05-api-nodejs/api/.env': 'POSTGRES_PASSWORD=secret',
  },
  edits: {} as Record<string, string>,
};

describe('buildMountTree', () => {
  test('nests the api files under their folders, at the container root', () => {
    expect(buildMountTree(base)).toEqual({
      'package.json': { file: { contents: '{"name":"atelier-api"}' } },
      src: {
        directory: {
          'index.js': { file: { contents: 'original' } },
          routes: { directory: { 'users.js': { file: { contents: 'users' } } } },
        },
      },
      'db-init': { directory: { '01-schema.sql': { file: { contents: 'CREATE TABLE users ();' } } } },
      'pglite-server.mjs': { file: { contents: '// server' } },
    });
  });

  test("the learner's edit of api/src/index.js replaces the stack's file; edits outside api/ are ignored", () => {
    const tree = buildMountTree({ ...base, edits: { 'api/src/index.js': 'edited', 'compose.yaml': 'services: {}', '.env': 'X=1' } });
    expect(tree['src']).toMatchObject({ directory: { 'index.js': { file: { contents: 'edited' } } } });
    expect(tree['compose.yaml']).toBeUndefined();
    expect(tree['.env']).toBeUndefined();
  });

  test('a new file the learner adds under api/ is mounted', () => {
    const tree = buildMountTree({ ...base, edits: { 'api/src/routes/health.js': 'new' } });
    expect(tree['src']).toMatchObject({ directory: { routes: { directory: { 'health.js': { file: { contents: 'new' } } } } } });
  });

  test('never mounts node_modules, .env files nor another stack', () => {
    const tree = buildMountTree({
      ...base,
      apiFiles: { ...base.apiFiles, '/stacks/09-base-de-donnees/api/src/migrate.js': 'other' },
      edits: { 'api/.env.local': 'X=1', 'api/node_modules/pg/index.js': 'x' },
    });
    expect(tree['node_modules']).toBeUndefined();
    expect(tree['.env']).toBeUndefined();
    expect(tree['.env.local']).toBeUndefined();
    expect(JSON.stringify(tree)).not.toContain('other');
  });

  test('keeps only the SQL of db/init (a shell script means nothing to PGlite)', () => {
    const tree = buildMountTree(base);
    expect(Object.keys((tree['db-init'] as { directory: object }).directory)).toEqual(['01-schema.sql']);
  });
});

describe('relativeTo', () => {
  test.each([
    ['/stacks/a/api', '/stacks/a/api/src/x.js', 'src/x.js'],
    ['/stacks/a/api/', '/stacks/a/api/x.js', 'x.js'],
    ['api', 'api/../../etc/passwd', null],
    ['api', 'api//x.js', null],
    ['api', 'apix/x.js', null],
    ['api', 'api/', null],
  ])('relativeTo(%s, %s) is %s', (prefix, path, expected) => {
    expect(relativeTo(prefix, path)).toBe(expected);
  });
});

describe('isExcluded', () => {
  test.each([
    ['node_modules/pg/index.js', true],
    ['src/node_modules/x.js', true],
    ['.env', true],
    ['.env.production', true],
    ['.env.example', false],
    ['src/env.js', false],
  ])('%s → %s', (path, expected) => {
    expect(isExcluded(path)).toBe(expected);
  });
});

describe('toTree', () => {
  test('a folder wins over a file of the same name, whatever the order', () => {
    const tree = toTree(new Map([['src', 'file'], ['src/a.js', 'a']]));
    expect(tree).toEqual({ src: { directory: { 'a.js': { file: { contents: 'a' } } } } });
  });
});
