import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../yaml/block-reader.ts';
import composeSpec from './compose-spec.json' with { type: 'json' };
import { explainSchemaErrors } from './schema-errors.ts';
import type { SchemaError } from './validate-compose.generated.js';

// The rule's examples (compose-schema.ts) test each message through the
// engine; this file proves the two things examples cannot: which Ajv keywords
// the compiled spec can emit, and what a keyword it cannot emit today becomes.

const generated = readFileSync(new URL('./validate-compose.generated.js', import.meta.url), 'utf8');

describe('explainSchemaErrors', () => {
  it('has an explicit message for every keyword the compiled compose spec emits', () => {
    const emitted = new Set([...generated.matchAll(/keyword:\s*"(\w+)"/g)].map((m) => m[1]));
    expect([...emitted].sort()).toEqual(['additionalProperties', 'enum', 'maximum', 'minimum', 'oneOf', 'pattern', 'required', 'type', 'uniqueItems']);
  });

  it('never meets a value two `oneOf` branches accept, since no two branches share a type', () => {
    const definitions = (composeSpec as { definitions: Record<string, unknown> }).definitions;
    const typesOf = (schema: Record<string, unknown>): string[] => {
      if (typeof schema['$ref'] === 'string') return typesOf(definitions[schema['$ref'].split('/').pop()!] as Record<string, unknown>);
      if (Array.isArray(schema['oneOf'])) return (schema['oneOf'] as Record<string, unknown>[]).flatMap(typesOf);
      return schema['type'] === undefined ? ['any'] : [schema['type']].flat().map(String);
    };
    const overlapping: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (Array.isArray(schema['oneOf'])) {
        const types = (schema['oneOf'] as Record<string, unknown>[]).flatMap(typesOf);
        if (types.includes('any') || new Set(types).size < types.length) overlapping.push(path);
      }
      for (const [key, child] of Object.entries(schema)) walk(child, `${path}/${key}`);
    };
    walk(composeSpec, '');
    expect(overlapping).toEqual([]);
  });

  it('says a keyword the compiled spec does not emit today as an invalid value, at the value', () => {
    const text = 'services:\n  api:\n    image: node:22-alpine\n    profiles: []\n';
    const root = readBlockYaml(text, (value) => value)!;
    const error: SchemaError = { instancePath: '/services/api/profiles', schemaPath: '#/minItems', keyword: 'minItems', params: { limit: 1 } };
    expect(explainSchemaErrors([error], root)).toEqual([
      { messageId: 'bad-format', data: { key: 'profiles', where: 'le service `api`', value: '…' }, range: [text.indexOf('[]'), text.indexOf('[]') + 2] },
    ]);
  });
});
