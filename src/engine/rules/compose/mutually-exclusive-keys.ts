import type { ComposeRule } from '../catalogue.ts';
import { writtenEntry } from '../../compose/service-keys.ts';

// compose-go refuses these pairs while loading (loader/validate.go
// checkConsistency, and validation/validation.go checkFileObject), after the
// JSON schema has accepted the file: `docker compose config` fails on them.
export const mutuallyExclusiveKeys: ComposeRule = {
  id: 'mutually-exclusive-keys',
  kind: 'compose',
  severity: 'error',
  messages: {
    networkMode: 'Le service `{{service}}` a à la fois `network_mode` et `networks`\u00a0: Compose refuse le projet («\u00a0mutually exclusive `network_mode` and `networks`\u00a0»).',
    dockerfileInline: 'Le build du service `{{service}}` a à la fois `dockerfile` et `dockerfile_inline`\u00a0: Compose refuse le projet, gardez-en un seul.',
    fileObject: '`{{kind}}.{{name}}` combine {{keys}}\u00a0: Compose refuse le projet, une seule source est permise.',
  },
  docs: {
    title: 'Deux clés qui s’excluent',
    what: 'Signale les paires de clés que Compose refuse ensemble\u00a0: `network_mode` avec `networks`, `dockerfile` avec `dockerfile_inline`, et un secret ou une config qui a plusieurs sources (`file`, `environment`, `content`).',
    why: 'Le schéma de Compose accepte chaque clé isolément, mais son chargeur refuse le mélange\u00a0: `network_mode` remplace toute la pile réseau du conteneur (il n’a plus de réseaux à rejoindre), un build n’a qu’un seul Dockerfile, et un secret n’a qu’un seul contenu. `docker compose config` s’arrête avec «\u00a0mutually exclusive\u00a0».',
    howToFix: 'Gardez une seule des deux clés. Pour joindre un réseau du projet, supprimez `network_mode`\u00a0; pour partager la pile réseau d’un autre service (`network_mode: service:vpn`), supprimez `networks`.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      { name: 'networks seul', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    networks: [backend]\nnetworks:\n  backend:\n' } },
      { name: 'network_mode seul', files: { 'compose.yaml': 'services:\n  outils:\n    image: alpine:3.22\n    network_mode: host\n' } },
      { name: 'une stack pour docker stack deploy (le chargeur de Docker ne le refuse pas)', files: { 'stack.yaml': 'services:\n  outils:\n    image: alpine:3.22\n    network_mode: host\n    networks: [default]\n' }, options: { swarm: true } },
      { name: 'un secret lu depuis un fichier', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n' } },
    ],
    invalid: [
      {
        name: 'network_mode et networks',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    network_mode: host\n    networks:\n      - backend\nnetworks:\n  backend:\n' },
        errors: [{ messageId: 'networkMode', line: 4, column: 19 }],
      },
      {
        name: 'dockerfile et dockerfile_inline',
        files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile\n      dockerfile_inline: |\n        FROM node:24-alpine\n' },
        errors: [{ messageId: 'dockerfileInline', line: 6, column: 7 }],
      },
      {
        name: 'un secret à deux sources',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n    environment: DB_PASSWORD\n' },
        errors: [{ messageId: 'fileObject', line: 6, column: 3 }],
      },
    ],
  },
  check(context, report) {
    // compose-go's loader checks this; `docker stack deploy` loads with the Docker CLI's, which does not.
    if (context.syntaxErrors || context.swarm) return;
    for (const service of context.model.services.values()) {
      if (service.networkMode && service.networks.length > 0) {
        report({ messageId: 'networkMode', data: { service: service.name }, file: service.networkMode.file, range: service.networkMode.range });
      }
      const inline = writtenEntry(service, ['build', 'dockerfile_inline']);
      if (inline && writtenEntry(service, ['build', 'dockerfile'])) {
        report({ messageId: 'dockerfileInline', data: { service: service.name }, file: inline.file, range: context.rangeOf(inline.file, ...inline.entry.keyRange) });
      }
    }
    const objects = [
      { kind: 'secrets', resources: context.model.secrets, keys: ['file', 'environment'] },
      { kind: 'configs', resources: context.model.configs, keys: ['file', 'environment', 'content'] },
    ];
    for (const { kind, resources, keys } of objects) {
      for (const resource of resources.values()) {
        const present = keys.filter((key) => resource.fields.has(key));
        if (present.length < 2) continue;
        report({ messageId: 'fileObject', data: { kind, name: resource.name, keys: present.map((k) => `\`${k}\``).join(' et ') }, file: resource.file, range: resource.range });
      }
    }
  },
};
