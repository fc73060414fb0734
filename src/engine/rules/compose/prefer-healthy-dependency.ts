import type { ComposeRule } from '../catalogue.ts';

export const preferHealthyDependency: ComposeRule = {
  id: 'prefer-healthy-dependency',
  kind: 'compose',
  severity: 'info',
  messages: {
    short:
      '`{{name}}` a un healthcheck, mais `{{service}}` n’attend que son démarrage. Écrivez `depends_on:` → `{{name}}:` → `condition: service_healthy` pour attendre qu’il soit prêt.',
  },
  docs: {
    title: 'Attendez qu’une dépendance soit prête, pas seulement démarrée',
    what: 'Signale un `depends_on` en forme courte (`depends_on: [db]`) vers un service qui a un healthcheck.',
    why: 'La forme courte attend seulement que le conteneur soit lancé. PostgreSQL met quelques secondes à accepter des connexions\u00a0: l’API qui démarre aussitôt échoue au premier essai.',
    howToFix: 'Passez à la forme longue\u00a0: `depends_on:` puis `  db:` puis `    condition: service_healthy`.',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      - db\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
        },
        errors: [{ messageId: 'short', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const dependency of service.dependsOn) {
        if (!dependency.shortSyntax) continue;
        const target = context.model.services.get(dependency.service);
        if (!target?.healthcheck?.test || target.healthcheck.disable) continue;
        report({ messageId: 'short', data: { service: service.name, name: dependency.service }, file: dependency.file, range: dependency.range });
      }
    }
  },
};
