import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../yaml/block-reader.ts';
import composeSpec from './compose-spec.generated.json' with { type: 'json' };
import stackSchema from './docker-cli/config_schema_v3.13.json' with { type: 'json' };
import { describePath, explainSchemaErrors } from './schema-errors.ts';
import type { SchemaError } from './validate-compose.generated.js';

// The rules' examples (compose-schema.ts, swarm-schema.ts) test each message
// through the engine; this file proves what examples cannot: which Ajv
// keywords each compiled schema can emit, and what a keyword neither emits
// today becomes.

const emittedKeywords = (file: string): string[] => {
  const generated = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...new Set([...generated.matchAll(/keyword:\s*"(\w+)"/g)].map((m) => m[1]!))].sort();
};

/** Paths of the `oneOf`s of `schema` where two branches accept a value of the same type. */
function overlappingOneOfs(schema: { definitions?: Record<string, unknown> }): string[] {
  const definitions = schema.definitions ?? {};
  const typesOf = (node: Record<string, unknown>): string[] => {
    if (typeof node['$ref'] === 'string') return typesOf(definitions[node['$ref'].split('/').pop()!] as Record<string, unknown>);
    if (Array.isArray(node['oneOf'])) return (node['oneOf'] as Record<string, unknown>[]).flatMap(typesOf);
    return node['type'] === undefined ? ['any'] : [node['type']].flat().map(String);
  };
  const overlapping: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (Array.isArray(object['oneOf'])) {
      const types = (object['oneOf'] as Record<string, unknown>[]).flatMap(typesOf);
      if (types.includes('any') || new Set(types).size < types.length) overlapping.push(path);
    }
    for (const [key, child] of Object.entries(object)) walk(child, `${path}/${key}`);
  };
  walk(schema, '');
  return overlapping;
}

describe('explainSchemaErrors', () => {
  it('has an explicit message for every keyword the compiled compose spec emits', () => {
    expect(emittedKeywords('./validate-compose.generated.js')).toEqual(['additionalProperties', 'enum', 'maximum', 'minimum', 'oneOf', 'pattern', 'required', 'type', 'uniqueItems']);
  });

  it('has an explicit message for every keyword the compiled stack schema (docker stack deploy) emits', () => {
    // No `pattern`: swarm-schema cannot say `bad-format`, so it does not declare it.
    expect(emittedKeywords('./validate-stack.generated.js')).toEqual(['additionalProperties', 'enum', 'minimum', 'oneOf', 'required', 'type', 'uniqueItems']);
  });

  it('never meets a value two `oneOf` branches accept, since no two branches share a type', () => {
    expect(overlappingOneOfs(composeSpec)).toEqual([]);
    expect(overlappingOneOfs(stackSchema)).toEqual([]);
  });

  it('says a keyword the compiled schemas do not emit today as an invalid value, at the value', () => {
    const text = 'services:\n  api:\n    image: node:22-alpine\n    profiles: []\n';
    const root = readBlockYaml(text, (value) => value)!;
    const error: SchemaError = { instancePath: '/services/api/profiles', schemaPath: '#/minItems', keyword: 'minItems', params: { limit: 1 } };
    expect(explainSchemaErrors([error], root)).toEqual([
      {
        path: ['services', 'api', 'profiles'],
        messageId: 'bad-format',
        data: { key: 'profiles', where: 'le service `api`', value: '…' },
        range: [text.indexOf('[]'), text.indexOf('[]') + 2],
      },
    ]);
  });
});

describe('describePath says where a key is, in French', () => {
  it.each([
    [[], 'la racine du fichier'],
    [['services'], '`services`'],
    [['x-common', 'image'], '`x-common.image`'],
    [['services', 'api'], 'le service `api`'],
    [['services', 'api', 'healthcheck', 'test'], '`healthcheck.test` (du service `api`)'],
    [['services', 'api', 'ports', '0'], '`ports` (du service `api`)'],
    [['services', 'api', '0'], 'le service `api`'],
    [['configs', 'nginx', 'file'], '`file` (de la config `nginx`)'],
    [['networks', 'le front', 'driver'], '`driver` (du réseau `le front`)'],
    [['services', '0', '1', 'la cle'], '`la cle` (du service `0`)'],
    // Only the article of the owner changes, not words of its name.
    [['configs', 'le x', 'file'], '`file` (de la config `le x`)'],
    [['services', 'la x', 'image'], '`image` (du service `la x`)'],
    // List indexes are left out, not keys that hold digits.
    [['x-a', '0', 'b'], '`x-a.b`'],
    [['volumes1', 'x'], '`volumes1.x`'],
    [['x-a', '1a', '22'], '`x-a.1a`'],
  ] as const)('%j → %s', (path, expected) => {
    expect(describePath(path)).toBe(expected);
  });
});


describe('a wrong type names every type the key takes, in French', () => {
  it.each([
    ['restart: [1]', '`restart` doit être du texte (dans le service `web`).'],
    ['command: {a: 1}', '`command` doit être du texte ou une liste (dans le service `web`).'],
    ['ulimits: {nofile: [1]}', '`nofile` doit être un nombre entier, du texte ou un objet (des clés `nom: valeur`)'],
  ])('%s', async (line, message) => {
    const { checkProject } = await import('../../check.ts');
    const found = checkProject([{ path: 'compose.yaml', text: `services:\n  web:\n    image: nginx:1.30\n    ${line}\n` }]).diagnostics.filter((d) => d.ruleId === 'compose-schema');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining(message)]);
  });
});
