import type { ComposeRule } from '../catalogue.ts';
import { writtenEntry } from '../../compose/service-keys.ts';

export const missingImageOrBuild: ComposeRule = {
  id: 'missing-image-or-build',
  kind: 'compose',
  severity: 'error',
  messages: {
    missing: 'Le service `{{service}}` n’a ni `image:` ni `build:`\u00a0: Compose ne sait pas quel conteneur lancer.',
  },
  docs: {
    title: 'Chaque service a besoin d’une image ou d’un build',
    what: 'Signale un service qui n’a ni `image:` (une image à télécharger) ni `build:` (un Dockerfile à construire).',
    why: '`docker compose` refuse le projet\u00a0: «\u00a0has neither an image nor a build context specified\u00a0». Un service décrit un conteneur, et un conteneur part toujours d’une image.',
    howToFix: 'Ajoutez `image: postgres:17-alpine` (image officielle) ou `build: ./api` (dossier contenant un Dockerfile). Les deux ensemble nomment l’image construite.',
    chapter: '02-architecture',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres:17-alpine\n' } },
      { name: 'un service confié à un fournisseur (`provider`)', files: { 'compose.yaml': 'services:\n  modele:\n    provider:\n      type: model\n      options:\n        model: ai/smollm2\n' } },
      { name: 'extends', files: { 'compose.yaml': 'services:\n  base:\n    image: node:22-alpine\n  worker:\n    extends: base\n    command: ["node", "worker.js"]\n' } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    ports:\n      - "3000:3000"\n' },
        errors: [{ messageId: 'missing', line: 2, column: 3 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      // A `provider` service (Compose 2.36+) is run by an external component, not from an image.
      if (service.image?.value || service.build || service.extends || !service.wellFormed || writtenEntry(service, ['provider'])) continue;
      report({ messageId: 'missing', data: { service: service.name }, file: service.file, range: service.range });
    }
  },
};
