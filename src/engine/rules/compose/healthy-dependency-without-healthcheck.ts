import type { ComposeRule } from '../catalogue.ts';

export const healthyDependencyWithoutHealthcheck: ComposeRule = {
  id: 'healthy-dependency-without-healthcheck',
  kind: 'compose',
  severity: 'error',
  messages: {
    missing: '`{{service}}` attend que `{{name}}` soit en bonne santé (`service_healthy`), mais `{{name}}` n’a pas de `healthcheck`\u00a0: `docker compose up` échouera.',
  },
  docs: {
    title: '`service_healthy` exige un healthcheck',
    what: 'Signale `condition: service_healthy` vers un service qui n’a pas de `healthcheck` (ou l’a désactivé), sauf si la dépendance est facultative (`required: false`\u00a0: Compose avertit et démarre quand même).',
    why: '`docker compose config` l’accepte, mais `docker compose up` s’arrête\u00a0: «\u00a0container has no healthcheck configured\u00a0». Sans test de santé, Compose ne peut pas savoir quand la base est prête.',
    howToFix: 'Ajoutez un `healthcheck` au service attendu (par exemple `pg_isready` pour PostgreSQL, `redis-cli ping` pour Redis), ou utilisez `condition: service_started`.',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 5s\n',
        },
      },
      {
        name: 'un service d’un profil inactif (non démarré)',
        files: {
          'compose.yaml': 'services:\n  migrate:\n    image: node:22-alpine\n    profiles: [outils]\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n',
        },
        options: { profiles: [] },
      },
      {
        name: 'une dépendance facultative',
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_healthy\n        required: false\n  db:\n    image: postgres:17-alpine\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n',
        },
        errors: [{ messageId: 'missing', line: 6, column: 20 }],
      },
      {
        name: 'un healthcheck désactivé, par `disable: true` ou `test: ["NONE"]`',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      disable: true\n  cache:\n    image: redis:8-alpine\n    healthcheck:\n      test: ["NONE"]\n',
        },
        errors: [
          { messageId: 'missing', line: 6, column: 20 },
          { messageId: 'missing', line: 8, column: 20 },
        ],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    const services = context.model.services;
    for (const service of services.values()) {
      for (const dependency of service.dependsOn) {
        // An optional dependency (`required: false`) that is not healthy only earns a warning from Compose.
        if (dependency.condition !== 'service_healthy' || !dependency.required) continue;
        const target = services.get(dependency.service);
        if (!target) continue;
        const healthcheck = target.healthcheck;
        const disabled = healthcheck?.disable || (Array.isArray(healthcheck?.test?.value) && healthcheck.test.value[0] === 'NONE');
        if (healthcheck?.test && !disabled) continue;
        report({ messageId: 'missing', data: { service: service.name, name: dependency.service }, file: dependency.file, range: dependency.conditionRange });
      }
    }
  },
};
