import type { ComposeRule } from '../catalogue.ts';

export const invalidSize: ComposeRule = {
  id: 'invalid-size',
  kind: 'compose',
  severity: 'error',
  messages: {
    invalid: 'Taille mémoire invalide «\u00a0{{value}}\u00a0» pour `{{key}}`\u00a0: écrivez un nombre suivi de `k`, `m` ou `g` (par exemple `512m` ou `1g`).',
    conflict: '`mem_limit` et `deploy.resources.limits.memory` donnent deux limites différentes\u00a0: Compose refuse le projet. Gardez-en une seule.',
  },
  docs: {
    title: 'Les tailles mémoire doivent être lisibles',
    what: 'Signale une taille (`mem_limit`, `shm_size`, `deploy.resources.limits.memory`…) que Compose ne sait pas lire.',
    why: '`docker compose` refuse le projet au chargement. `512Mo` ou `1 gigabyte` ne sont pas compris.',
    howToFix: 'Écrivez un nombre suivi d’une unité anglaise\u00a0: `b`, `k`, `m`, `g` (`mem_limit: 512m`).',
    chapter: '08-production',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    mem_limit: 512m\n    shm_size: 1gb\n' } }],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    mem_limit: 512Mo\n' },
        errors: [{ messageId: 'invalid', line: 4, column: 16 }],
      },
      {
        name: 'deux limites différentes',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n' },
        errors: [{ messageId: 'conflict', line: 8, column: 19 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const issue of context.modelIssues) {
      if (issue.code === 'invalid-size') report({ messageId: 'invalid', data: { value: issue.value, key: issue.key }, file: issue.file, range: issue.range });
      if (issue.code === 'memory-conflict') report({ messageId: 'conflict', file: issue.file, range: issue.range });
    }
  },
};
