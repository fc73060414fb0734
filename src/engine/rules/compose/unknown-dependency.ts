import type { ComposeRule } from '../catalogue.ts';
import { closest } from '../../compose/schema/edit-distance.ts';

export const unknownDependency: ComposeRule = {
  id: 'unknown-dependency',
  kind: 'compose',
  severity: 'error',
  messages: {
    unknown: 'Le service `{{service}}` dépend de `{{name}}`, qui n’existe pas dans `services:`.',
    unknownSuggest: 'Le service `{{service}}` dépend de `{{name}}`, qui n’existe pas dans `services:` : vouliez-vous dire `{{suggestion}}` ?',
    self: 'Le service `{{service}}` ne peut pas dépendre de lui-même.',
    networkMode: '`network_mode: service:{{name}}` : le service `{{name}}` n’existe pas dans `services:`.',
  },
  docs: {
    title: '`depends_on` doit nommer un service du projet',
    what: 'Signale une dépendance (`depends_on`) vers un service qui n’existe pas, ou vers le service lui-même.',
    why: '`docker compose` refuse le projet : « depends on undefined service ». `depends_on` parle de noms de services (les clés sous `services:`), pas de noms d’images ni de conteneurs.',
    howToFix: 'Écrivez le nom exact du service tel qu’il apparaît sous `services:` (par exemple `db`, pas `postgres`).',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on: [db]\n  db:\n    image: postgres:17-alpine\n' } }],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      - postgres\n  db:\n    image: postgres:17-alpine\n' },
        errors: [{ messageId: 'unknown', line: 5, column: 9 }],
      },
      {
        name: 'faute de frappe',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      databse:\n        condition: service_started\n  database:\n    image: postgres:17-alpine\n',
        },
        errors: [{ messageId: 'unknownSuggest', line: 5, column: 7 }],
      },
      {
        name: 'network_mode',
        files: { 'compose.yaml': 'services:\n  vpn:\n    image: alpine:3.22\n  app:\n    image: node:22-alpine\n    network_mode: service:vpm\n' },
        errors: [{ messageId: 'networkMode', line: 6, column: 19 }],
      },
      {
        name: 'dépendance à soi-même',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      - api\n      - db\n  db:\n    image: postgres:17-alpine\n' },
        errors: [{ messageId: 'self', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    // Names may come from `include:`d files, which the model does not hold.
    if (context.syntaxErrors || context.model.include.length > 0) return;
    const services = context.model.services;
    for (const service of services.values()) {
      const mode = service.networkMode;
      if (mode?.value.startsWith('service:') && !services.has(mode.value.slice('service:'.length))) {
        report({ messageId: 'networkMode', data: { name: mode.value.slice('service:'.length) }, file: mode.file, range: mode.range });
      }
      for (const dependency of service.dependsOn) {
        const base = { file: dependency.file, range: dependency.range };
        if (dependency.service === service.name) {
          report({ messageId: 'self', data: { service: service.name }, ...base });
          continue;
        }
        if (services.has(dependency.service)) continue;
        const suggestion = closest(dependency.service, services.keys());
        report({
          messageId: suggestion ? 'unknownSuggest' : 'unknown',
          data: { service: service.name, name: dependency.service, suggestion: suggestion ?? '' },
          ...base,
        });
      }
    }
  },
};
