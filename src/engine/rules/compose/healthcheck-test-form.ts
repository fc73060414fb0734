import type { ComposeRule } from '../catalogue.ts';

const PREFIXES = new Set(['CMD', 'CMD-SHELL', 'NONE']);
const WORD_PREFIX = /^(CMD|CMD-SHELL)\s+(\S.*)$/s;

export const healthcheckTestForm: ComposeRule = {
  id: 'healthcheck-test-form',
  kind: 'compose',
  severity: 'error',
  messages: {
    badPrefix: 'La liste `test` doit commencer par `"CMD"`, `"CMD-SHELL"` ou `"NONE"` (ici `{{first}}`)\u00a0: Compose refuse le projet.',
    prefixInString:
      'Compose accepte ce fichier, mais le conteneur ne se comportera pas comme écrit\u00a0: une chaîne `test` est lancée telle quelle par `/bin/sh -c`, qui cherchera une commande nommée `{{prefix}}`\u00a0; le conteneur restera «\u00a0unhealthy\u00a0».',
  },
  docs: {
    title: 'La forme de `healthcheck.test`',
    what: 'Signale une liste `test` qui ne commence pas par `CMD`, `CMD-SHELL` ou `NONE` (refusée par Compose), et une chaîne `test` qui commence par `CMD` (acceptée, mais qui échoue à chaque vérification).',
    why: 'En liste, le premier élément dit comment lancer la commande\u00a0: `CMD` l’exécute directement, `CMD-SHELL` la passe à `/bin/sh -c`. En chaîne, Compose la transforme lui-même en `["CMD-SHELL", "…"]`\u00a0: un `CMD` écrit dans la chaîne devient alors le nom d’une commande introuvable, et `docker compose config` ne dit rien.',
    howToFix: 'Écrivez la liste `test: ["CMD", "pg_isready", "-U", "app"]`, ou la chaîne sans préfixe\u00a0: `test: pg_isready -U app` (lancée par le shell).',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      { name: 'liste CMD', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD", "pg_isready", "-U", "app"]\n' } },
      { name: 'chaîne sans préfixe', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: pg_isready -U app\n' } },
    ],
    invalid: [
      {
        name: 'liste sans préfixe',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["pg_isready", "-U", "app"]\n' },
        errors: [{ messageId: 'badPrefix', line: 5, column: 13 }],
      },
      {
        name: 'CMD dans une chaîne',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    healthcheck:\n      test: CMD curl -f http://localhost/\n' },
        errors: [{ messageId: 'prefixInString', line: 5, column: 13 }],
        output: 'services:\n  web:\n    image: nginx:1.30-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost/"]\n',
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const test = service.healthcheck?.test;
      if (!test) continue;
      if (Array.isArray(test.value)) {
        const first = test.value[0];
        if (first !== undefined && !PREFIXES.has(first)) report({ messageId: 'badPrefix', data: { first }, file: test.file, range: test.range });
        continue;
      }
      const match = WORD_PREFIX.exec(test.value.trim());
      if (!match) continue;
      const command = match[2]!;
      const safe = !/["\\\n]/.test(command);
      report({
        messageId: 'prefixInString',
        severity: 'warning',
        data: { prefix: match[1]! },
        file: test.file,
        range: test.range,
        ...(safe ? { fix: { title: 'Écrire la liste `["CMD-SHELL", …]`', edits: [{ file: test.file, range: test.range, text: `["CMD-SHELL", "${command}"]` }] } } : {}),
      });
    }
  },
};
