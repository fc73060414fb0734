import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extendedSchema, generateComposeValidator, generateStackKeyVersions, generateStackValidator } from './generate-compose-schema.ts';

describe.each([
  ['validate-compose.generated.js', 'compose-spec.json', generateComposeValidator],
  ['validate-stack.generated.js', 'docker-cli/config_schema_v3.13.json', generateStackValidator],
  ['stack-key-versions.generated.json', 'docker-cli/config_schema_v3.*.json', generateStackKeyVersions],
])('generated schema validator %s', (file, schema, generate) => {
  const committed = readFileSync(new URL(`../../src/engine/compose/schema/${file}`, import.meta.url), 'utf8');

  it(`is identical to what the generator produces from ${schema}`, () => {
    expect(committed === generate(), 'run npm run generate:schema').toBe(true);
  });

  it('contains no eval, no Function constructor and no CommonJS require', () => {
    expect(committed).not.toMatch(/new Function|\beval\(|require\(/);
  });
});

describe('extended compose schema', () => {
  it('serves the editor and the error mapper the same schema as the validator, with the keys Compose gained since', () => {
    const committed = readFileSync(new URL('../../src/engine/compose/schema/compose-spec.generated.json', import.meta.url), 'utf8');
    expect(committed === extendedSchema(), 'run npm run generate:schema').toBe(true);
    expect(JSON.parse(committed).definitions.service.properties.pre_start.items).toEqual({ $ref: '#/definitions/pre_start_hook' });
  });
});
