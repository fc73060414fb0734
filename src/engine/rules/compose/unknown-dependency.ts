import type { ComposeRule } from '../catalogue.ts';
import type { ComposeService } from '../../compose/model.ts';
import { closest } from '../../compose/schema/edit-distance.ts';

/** The profiles an inactive service asks for, for the messages. */
function profilesOf(service: ComposeService | undefined): { profiles: string; profile: string } {
  const profiles = service?.profiles.map((p) => p.value) ?? [];
  return { profiles: profiles.join('`, `'), profile: profiles[0] ?? '' };
}

export const unknownDependency: ComposeRule = {
  id: 'unknown-dependency',
  kind: 'compose',
  severity: 'error',
  messages: {
    unknown: 'Le service `{{service}}` dépend de `{{name}}`, qui n’existe pas dans `services:`.',
    unknownSuggest: 'Le service `{{service}}` dépend de `{{name}}`, qui n’existe pas dans `services:`\u00a0: vouliez-vous dire `{{suggestion}}`\u00a0?',
    self: 'Le service `{{service}}` ne peut pas dépendre de lui-même.',
    networkMode: '`network_mode: service:{{name}}`\u00a0: le service `{{name}}` n’existe pas dans `services:`.',
    networkModeInactive:
      '`network_mode: service:{{name}}` : le service `{{name}}` n’est pas lancé avec les profils choisis (il demande le profil `{{profiles}}`) : activez ce profil (`--profile {{profile}}`).',
    inactive:
      'Le service `{{service}}` dépend de `{{name}}`, qui n’est pas lancé avec les profils choisis (il demande le profil `{{profiles}}`) : activez ce profil (`--profile {{profile}}`) ou écrivez `required: false` sous la dépendance.',
  },
  docs: {
    title: '`depends_on` doit nommer un service du projet',
    what: 'Signale une dépendance (`depends_on`) vers un service qui n’existe pas, ou vers le service lui-même.',
    why: '`docker compose` refuse le projet\u00a0: «\u00a0depends on undefined service\u00a0». `depends_on` parle de noms de services (les clés sous `services:`), pas de noms d’images ni de conteneurs.',
    howToFix: 'Écrivez le nom exact du service tel qu’il apparaît sous `services:` (par exemple `db`, pas `postgres`).',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on: [db]\n  db:\n    image: postgres:17-alpine\n' } },
      {
        name: 'un service venu d’un fichier inclus',
        files: { 'compose.yaml': 'include:\n  - db.yaml\nservices:\n  api:\n    image: node:22-alpine\n    depends_on: [db]\n', 'db.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n' },
      },
      {
        name: 'dépendance facultative vers un profil inactif',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      debug:\n        condition: service_started\n        required: false\n  debug:\n    image: alpine:3.22\n    profiles: [outils]\n',
        },
        options: { profiles: [] },
      },
    ],
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
        name: 'dépendance vers un service d’un profil inactif',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on: [debug]\n  debug:\n    image: alpine:3.22\n    profiles: [outils]\n' },
        options: { profiles: [] },
        errors: [{ messageId: 'inactive', line: 4, column: 18 }],
      },
      {
        name: 'network_mode vers un service d’un profil inactif',
        files: { 'compose.yaml': 'services:\n  vpn:\n    image: alpine:3.22\n    profiles: [vpn]\n  app:\n    image: node:22-alpine\n    network_mode: service:vpn\n' },
        options: { profiles: [] },
        errors: [{ messageId: 'networkModeInactive', line: 7, column: 19 }],
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
      const shared = mode?.value.startsWith('service:') ? mode.value.slice('service:'.length) : undefined;
      if (mode && shared !== undefined && !services.has(shared)) {
        // Compose turns `network_mode: service:x` into a required dependency on x (checked as one).
        const inactive = context.inactiveServices.get(shared);
        report({ messageId: inactive ? 'networkModeInactive' : 'networkMode', data: { name: shared, ...profilesOf(inactive) }, file: mode.file, range: mode.range });
      }
      for (const dependency of service.dependsOn) {
        const base = { file: dependency.file, range: dependency.range };
        if (dependency.service === service.name) {
          report({ messageId: 'self', data: { service: service.name }, ...base });
          continue;
        }
        if (services.has(dependency.service)) continue;
        // compose-go's checkConsistency (loader/validate.go, v2.9.1): a service
        // the profiles leave out is still an error, unless `required: false`.
        const inactive = context.inactiveServices.get(dependency.service);
        if (inactive) {
          if (dependency.required) report({ messageId: 'inactive', data: { service: service.name, name: dependency.service, ...profilesOf(inactive) }, ...base });
          continue;
        }
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
