import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateComposeValidator, generateStackValidator } from './generate-compose-schema.ts';

describe.each([
  ['validate-compose.generated.js', 'compose-spec.json', generateComposeValidator],
  ['validate-stack.generated.js', 'stack-schema-v3.13.json', generateStackValidator],
])('generated schema validator %s', (file, schema, generate) => {
  const committed = readFileSync(new URL(`../../src/engine/compose/schema/${file}`, import.meta.url), 'utf8');

  it(`is identical to what the generator produces from ${schema}`, () => {
    expect(committed === generate(), 'run npm run generate:schema').toBe(true);
  });

  it('contains no eval, no Function constructor and no CommonJS require', () => {
    expect(committed).not.toMatch(/new Function|\beval\(|require\(/);
  });
});
