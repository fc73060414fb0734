import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extendedSchema, generateComposeValidator } from './generate-compose-schema.ts';

describe('generated compose schema validator', () => {
  it('is identical to what the generator produces from compose-spec.json', () => {
    const committed = readFileSync(new URL('../../src/engine/compose/schema/validate-compose.generated.js', import.meta.url), 'utf8');
    expect(committed === generateComposeValidator(), 'run npm run generate:schema').toBe(true);
  });

  it('serves the editor and the error mapper the same extended schema', () => {
    const committed = readFileSync(new URL('../../src/engine/compose/schema/compose-spec.generated.json', import.meta.url), 'utf8');
    expect(committed === extendedSchema(), 'run npm run generate:schema').toBe(true);
    expect(JSON.parse(committed).definitions.service.properties.pre_start.items).toEqual({ $ref: '#/definitions/pre_start_hook' });
  });

  it('contains no eval, no Function constructor and no CommonJS require', () => {
    const committed = readFileSync(new URL('../../src/engine/compose/schema/validate-compose.generated.js', import.meta.url), 'utf8');
    expect(committed).not.toMatch(/new Function|\beval\(|require\(/);
  });
});
