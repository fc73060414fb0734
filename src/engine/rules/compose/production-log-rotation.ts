import type { ComposeRule } from '../catalogue.ts';

/** Drivers that rotate on their own or send logs away from the disk. */
const ROTATING_DRIVERS = new Set(['local', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'gcplogs', 'none']);

export const productionLogRotation: ComposeRule = {
  id: 'production-log-rotation',
  kind: 'compose',
  severity: 'warning',
  messages: {
    missing: 'En production, les journaux de `{{service}}` grossissent sans limite (pilote `json-file` par défaut) jusqu’à remplir le disque. Ajoutez `logging:` avec `options: { max-size: "10m", max-file: "3" }`.',
    noMaxSize: 'Le pilote `json-file` de `{{service}}` n’a pas d’option `max-size`\u00a0: les journaux ne tournent pas. Ajoutez `max-size: "10m"` et `max-file: "3"`.',
  },
  docs: {
    title: 'En production, limitez la taille des journaux',
    what: 'Dans un fichier de production, signale un service sans rotation des journaux\u00a0: pas de `logging:`, ou le pilote `json-file` sans `max-size`.',
    why: 'Le pilote par défaut de Docker, `json-file`, garde tout ce que le conteneur écrit, sans limite\u00a0: un service bavard remplit le disque en quelques semaines, et la base de données s’arrête faute de place.',
    howToFix: 'Ajoutez à chaque service `logging: { driver: json-file, options: { max-size: "10m", max-file: "3" } }` (une ancre YAML `x-logging: &logging` évite la répétition), ou utilisez le pilote `local` qui tourne tout seul.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.prod.yaml':
            'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: "10m"\n    max-file: "3"\nservices:\n  api:\n    image: node:22-alpine\n    logging: *logging\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.prod.yaml': 'services:\n  api:\n    image: node:22-alpine\n  db:\n    image: postgres:17-alpine\n    logging:\n      driver: json-file\n',
        },
        errors: [
          { messageId: 'missing', line: 2, column: 3 },
          { messageId: 'noMaxSize', line: 7, column: 7 },
        ],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    if (!context.production) return;
    for (const service of context.model.services.values()) {
      const logging = service.logging;
      if (!logging) {
        report({ messageId: 'missing', data: { service: service.name }, file: service.file, range: service.range });
        continue;
      }
      const driver = logging.driver?.value ?? 'json-file';
      if (ROTATING_DRIVERS.has(driver) || logging.options.has('max-size')) continue;
      report({ messageId: 'noMaxSize', data: { service: service.name }, file: logging.file, range: logging.range });
    }
  },
};
