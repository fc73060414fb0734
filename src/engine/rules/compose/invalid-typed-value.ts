import type { ComposeRule } from '../catalogue.ts';

export const invalidTypedValue: ComposeRule = {
  id: 'invalid-typed-value',
  kind: 'compose',
  severity: 'error',
  messages: {
    int: '`{{key}}` doit être un nombre entier, pas «\u00a0{{value}}\u00a0».',
    float: '`{{key}}` doit être un nombre (par exemple `0.5`), pas «\u00a0{{value}}\u00a0».',
    bool: '`{{key}}` doit valoir `true` ou `false`, pas «\u00a0{{value}}\u00a0».',
  },
  docs: {
    title: 'Nombres et booléens doivent être lisibles',
    what: 'Signale une valeur entre guillemets, ou issue d’une variable, que Compose doit convertir en nombre ou en booléen et qui n’en est pas un (`retries: "trois"`, `read_only: "peut-être"`).',
    why: 'Le schéma accepte du texte à ces endroits pour permettre `${VARIABLE}`, mais `docker compose` convertit ensuite la valeur et refuse le projet si elle ne ressemble pas à un nombre ou à un booléen.',
    howToFix: 'Écrivez un nombre (`retries: 3`) ou `true`/`false`, ou vérifiez la valeur de la variable dans `.env`.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n      retries: ${DB_RETRIES:-5}\n    read_only: "true"\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n      retries: trois\n    read_only: "peut-être"\n',
        },
        errors: [
          { messageId: 'int', line: 6, column: 16 },
          { messageId: 'bool', line: 7, column: 16 },
        ],
      },
      {
        name: 'virgule décimale à la française',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    cpus: "0,5"\n' },
        errors: [{ messageId: 'float', line: 4, column: 11 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const issue of context.modelIssues) {
      if (issue.code !== 'invalid-int' && issue.code !== 'invalid-float' && issue.code !== 'invalid-bool') continue;
      report({ messageId: issue.code.slice('invalid-'.length), data: { key: issue.key, value: issue.value }, file: issue.file, range: issue.range });
    }
  },
};
