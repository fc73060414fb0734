import type { CrossRule } from '../catalogue.ts';
import { extendsWalk } from '../../cross/project-references.ts';

// compose-go applies `extends` document by document, before includes and
// the files merge
// (loader/extends.go applyServiceExtends, getExtendsBaseFromFile, v2.9.1):
// the service named must be in the same file, or in `extends.file`, else
// `docker compose config` fails with «cannot extend service … not found».
export const unknownExtendedService: CrossRule = {
  id: 'unknown-extended-service',
  kind: 'cross',
  severity: 'error',
  messages: {
    sameFile: 'Le service `{{service}}` étend `{{base}}`, que ce fichier ne définit pas\u00a0: Compose refuse le projet («\u00a0cannot extend service … not found\u00a0»).',
    otherFile: 'Le service `{{service}}` étend `{{base}}` de `{{in}}`, qui ne définit pas ce service\u00a0: Compose refuse le projet («\u00a0service … not found in …\u00a0»).',
  },
  docs: {
    title: 'Le service étendu doit exister',
    what: 'Signale un `extends` qui nomme un service absent du fichier où Compose le cherche\u00a0: le même fichier, ou celui que nomme `extends.file`.',
    why: 'Compose applique `extends` fichier par fichier, avant d’importer les `include` et de fusionner les fichiers du projet\u00a0: un service défini seulement dans un autre fichier (un override, un fichier inclus) n’est pas trouvé, et `docker compose config` refuse le projet.',
    howToFix: 'Corrigez le nom du service, ou indiquez le fichier qui le définit avec `extends.file`.',
  },
  examples: {
    valid: [
      { name: 'dans le même fichier', files: { 'compose.yaml': 'services:\n  base:\n    image: node:24-alpine\n  api:\n    extends: base\n    command: ["node", "api.js"]\n' } },
      {
        name: 'dans un autre fichier',
        files: {
          'compose.yaml': 'services:\n  api:\n    extends:\n      file: commun.yaml\n      service: node\n',
          'commun.yaml': 'services:\n  node:\n    image: node:24-alpine\n',
        },
      },
      {
        name: 'un service d’un profil inactif reste extensible',
        files: { 'compose.yaml': 'services:\n  base:\n    image: node:24-alpine\n    profiles: [modele]\n  api:\n    extends: base\n' },
        options: { profiles: [] },
      },
    ],
    invalid: [
      {
        name: 'un service absent du fichier',
        files: { 'compose.yaml': 'services:\n  api:\n    extends: base\n' },
        errors: [{ messageId: 'sameFile', line: 3, column: 14, data: { service: 'api', base: 'base' } }],
      },
      {
        name: 'défini seulement dans l’override : Compose ne le voit pas',
        files: { 'compose.yaml': 'services:\n  api:\n    extends:\n      service: base\n', 'compose.override.yaml': 'services:\n  base:\n    image: node:24-alpine\n' },
        errors: [{ messageId: 'sameFile', line: 4, column: 16 }],
      },
      {
        name: 'défini dans un fichier inclus : Compose ne le voit pas',
        files: { 'compose.yaml': 'include:\n  - commun.yaml\nservices:\n  api:\n    extends: node\n', 'commun.yaml': 'services:\n  node:\n    image: node:24-alpine\n' },
        errors: [{ messageId: 'sameFile', line: 5, column: 14 }],
      },
      {
        name: 'absent du fichier nommé',
        files: {
          'compose.yaml': 'services:\n  api:\n    extends:\n      file: commun.yaml\n      service: nodejs\n',
          'commun.yaml': 'services:\n  node:\n    image: node:24-alpine\n',
        },
        errors: [{ messageId: 'otherFile', line: 5, column: 16, data: { in: 'commun.yaml' } }],
      },
    ],
  },
  check(context, report) {
    const found = extendsWalk(context);
    if (!found) return;
    const { walk, rangeOf } = found;
    for (const unknown of walk.unknownServices) {
      report({
        messageId: unknown.in === undefined ? 'sameFile' : 'otherFile',
        data: { service: unknown.service, base: unknown.base, ...(unknown.in === undefined ? {} : { in: unknown.in }) },
        file: unknown.file,
        range: rangeOf(unknown.file, unknown.range),
      });
    }
  },
};
