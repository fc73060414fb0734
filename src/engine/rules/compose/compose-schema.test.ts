import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';

describe('compose-schema beyond the examples', () => {
  it('offers to replace a misspelt key by the known one', () => {
    const text = 'services:\n  api:\n    image: node:22-alpine\n    enviroment:\n      NODE_ENV: production\n';
    const diagnostic = checkProject([{ path: 'compose.yaml', text }]).diagnostics.find((d) => d.ruleId === 'compose-schema');
    expect(diagnostic?.message).toBe('Clé inconnue `enviroment` dans le service `api`\u00a0: vouliez-vous dire `environment`\u00a0?');
    expect(diagnostic?.fix?.edits).toEqual([
      { file: 'compose.yaml', range: { start: { line: 4, column: 5 }, end: { line: 4, column: 15 } }, text: 'environment' },
    ]);
  });

  it('says one thing per problem, even where the schema has alternatives', () => {
    const text = 'services:\n  api:\n    image: node:22-alpine\n    build:\n      contxt: ./api\n    ports:\n      - target: "trois mille"\n        publised: 3000\n';
    const messages = checkProject([{ path: 'compose.yaml', text }]).diagnostics.filter((d) => d.ruleId === 'compose-schema');
    expect(messages.map((d) => [d.messageId, d.range.start.line])).toEqual([
      ['unknown-key-suggest', 5],
      ['unknown-key-suggest', 8],
    ]);
  });
});
