import type { ComposeRule } from '../catalogue.ts';

export const undefinedSecret: ComposeRule = {
  id: 'undefined-secret',
  kind: 'compose',
  severity: 'error',
  messages: {
    secret: 'Le service `{{service}}` utilise le secret `{{name}}`, qui n’est pas déclaré dans la section `secrets:` de premier niveau.',
    config: 'Le service `{{service}}` utilise la config `{{name}}`, qui n’est pas déclarée dans la section `configs:` de premier niveau.',
    secretWithoutSource: 'Le secret `{{name}}` ne dit pas d’où vient son contenu\u00a0: ajoutez `file: ./secrets/{{name}}.txt` ou `environment: NOM_DE_VARIABLE`.',
    configWithoutSource: 'La config `{{name}}` ne dit pas d’où vient son contenu\u00a0: ajoutez `file:`, `environment:` ou `content:`.',
  },
  docs: {
    title: 'Un secret ou une config utilisés doivent être déclarés',
    what: 'Signale un service qui référence un secret (ou une config) absent de la section `secrets:` (ou `configs:`) de premier niveau, et une déclaration qui ne dit pas d’où vient le contenu.',
    why: '`docker compose` refuse le projet\u00a0: «\u00a0service refers to undefined secret\u00a0». La section de premier niveau dit d’où vient le contenu (`file:` ou `environment:`).',
    howToFix: 'Déclarez-le en bas du fichier, par exemple `secrets:` puis `  db_password:` et `    file: ./secrets/db_password.txt`.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    secrets:\n      - db_password\n    configs:\n      - source: pg_conf\n        target: /etc/postgresql.conf\n',
        },
        errors: [
          { messageId: 'secret', line: 5, column: 9 },
          { messageId: 'config', line: 7, column: 17 },
        ],
      },
      {
        name: 'secret sans source',
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    secrets: [db_password]\nsecrets:\n  db_password: {}\n',
        },
        errors: [{ messageId: 'secretWithoutSource', line: 6, column: 3 }],
      },
      {
        name: 'config sans source',
        files: {
          'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    configs:\n      - source: nginx_conf\n        target: /etc/nginx/nginx.conf\nconfigs:\n  nginx_conf: {}\n',
        },
        errors: [{ messageId: 'configWithoutSource', line: 8, column: 3 }],
      },
    ],
  },
  check(context, report) {
    // Names may come from `include:`d files, which the model does not hold.
    if (context.syntaxErrors || context.model.include.length > 0) return;
    // compose: "secrets.x: one of file|environment must be set".
    for (const [kind, resources, sources] of [
      ['secretWithoutSource', context.model.secrets, ['file', 'environment']],
      ['configWithoutSource', context.model.configs, ['file', 'environment', 'content']],
    ] as const) {
      for (const resource of resources.values()) {
        if (resource.external || sources.some((key) => resource.fields.has(key))) continue;
        report({ messageId: kind, data: { name: resource.name }, file: resource.file, range: resource.range });
      }
    }
    for (const service of context.model.services.values()) {
      for (const ref of service.secrets) {
        if (!context.model.secrets.has(ref.source)) report({ messageId: 'secret', data: { service: service.name, name: ref.source }, file: ref.file, range: ref.range });
      }
      for (const ref of service.configs) {
        if (!context.model.configs.has(ref.source)) report({ messageId: 'config', data: { service: service.name, name: ref.source }, file: ref.file, range: ref.range });
      }
    }
  },
};
