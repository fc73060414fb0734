import type { ComposeRule } from '../catalogue.ts';

export const invalidDuration: ComposeRule = {
  id: 'invalid-duration',
  kind: 'compose',
  severity: 'error',
  messages: {
    invalid: 'Durée invalide «\u00a0{{value}}\u00a0» pour `{{key}}`\u00a0: écrivez un nombre suivi d’une unité, par exemple `10s`, `1m30s` ou `500ms`.',
  },
  docs: {
    title: 'Les durées doivent avoir une unité',
    what: 'Signale une durée (`interval`, `timeout`, `start_period` d’un healthcheck, `stop_grace_period`…) que Compose ne sait pas lire.',
    why: '`docker compose` lit ces durées au format Go (`1m30s`) et refuse le projet sinon. `30` sans unité n’est pas «\u00a030 secondes\u00a0»\u00a0: c’est une erreur.',
    howToFix: 'Ajoutez l’unité\u00a0: `ns`, `us`, `ms`, `s`, `m` ou `h` (`interval: 10s`).',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n      timeout: 5s\n      start_period: 1m30s\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: "10"\n      timeout: 5 secondes\n',
        },
        errors: [
          { messageId: 'invalid', line: 6, column: 17 },
          { messageId: 'invalid', line: 7, column: 16 },
        ],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const issue of context.modelIssues) {
      if (issue.code === 'invalid-duration') report({ messageId: 'invalid', data: { value: issue.value, key: issue.key }, file: issue.file, range: issue.range });
    }
  },
};
