import type { CrossRule } from '../catalogue.ts';
import { writtenItems } from '../../compose/service-keys.ts';
import { dirname, joinPath } from '../../cross/posix-path.ts';
import type { LocatedValue } from '../../yaml/located.ts';
import type { Range } from '../../types.ts';

// Files `docker compose config` opens while loading the project: compose-go
// fails on a missing `env_file` (types/project.go loadEnvFile, unless
// `required: false`) or `label_file`. Paths are relative to the compose file
// that names them; absolute paths depend on the machine, so they are left
// alone. (`include` and `extends.file` name compose files, which the engine's
// callers do not hand over without merging them: not checked here yet.)
interface Reference {
  kind: 'envFile' | 'labelFile';
  path: string;
  file: string;
  range: Range;
}

export const missingProjectFile: CrossRule = {
  id: 'missing-project-file',
  kind: 'cross',
  severity: 'error',
  messages: {
    envFile: '`env_file` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse de démarrer («\u00a0env file … not found\u00a0»). Ajoutez `required: false` s’il est facultatif.',
    labelFile: '`label_file` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse le projet («\u00a0label file … not found\u00a0»).',
  },
  docs: {
    title: 'Un fichier que Compose lit au chargement manque',
    what: 'Signale un fichier nommé par `env_file` ou `label_file` qui n’existe pas dans le projet.',
    why: 'Compose lit ces fichiers dès `docker compose config`\u00a0: s’il en manque un, rien ne démarre. Un `env_file` facultatif s’écrit en forme longue avec `required: false`.',
    howToFix: 'Créez le fichier (souvent en copiant l’exemple fourni\u00a0: `cp .env.example api.env`), corrigez le chemin (relatif au fichier compose qui le nomme), ou marquez l’`env_file` `required: false`.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      { name: 'le fichier existe', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file: ./api.env\n', 'api.env': 'NODE_ENV=production\n' } },
      {
        name: 'facultatif',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file:\n      - path: ./local.env\n        required: false\n      - path: ./poste.env\n        required: "false"\n' },
      },
      {
        name: 'chemins propres à la machine : absolu, dossier personnel',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file:\n      - /etc/atelier/api.env\n      - ~/atelier.env\n' },
      },
      {
        name: 'forme longue sans `path` (compose-schema le signale)',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file:\n      - required: true\n' },
      },
      { name: 'un extrait de projet (une leçon ne montre que certains fichiers)', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file: ./api.env\n' }, options: { partial: true } },
    ],
    invalid: [
      {
        name: 'env_file absent',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file: ./api.env\n' },
        errors: [{ messageId: 'envFile', line: 4, column: 15 }],
      },
      {
        name: 'forme longue, obligatoire par défaut',
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file:\n      - path: ./api.env\n      - path: ./local.env\n        required: false\n      - path: ./prod.env\n        required: true\n',
        },
        errors: [
          { messageId: 'envFile', line: 5, column: 15, data: { path: './api.env' } },
          { messageId: 'envFile', line: 8, column: 15, data: { path: './prod.env' } },
        ],
      },
      {
        name: 'chemin relatif au fichier compose qui le nomme',
        files: {
          'compose.yaml': 'include:\n  - deploy/compose.yaml\n',
          'deploy/compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file: ./api.env\n',
          'api.env': 'NODE_ENV=production\n',
        },
        errors: [{ messageId: 'envFile', line: 4, column: 15, file: 'deploy/compose.yaml' }],
      },
      {
        name: 'label_file absent',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    label_file: ./labels.env\n' },
        errors: [{ messageId: 'labelFile', line: 4, column: 17 }],
      },
    ],
  },
  check(context, report) {
    const compose = context.compose;
    if (context.options.partial || !compose || compose.syntaxErrors) return;
    const paths = new Set(context.files.map((f) => f.path));
    const references: Reference[] = [];
    const add = (kind: Reference['kind'], file: string, value: LocatedValue | undefined): void => {
      if (value?.kind !== 'scalar' || typeof value.value !== 'string' || value.value === '') return;
      references.push({ kind, path: value.value, file, range: compose.rangeOf(file, ...value.range) });
    };
    for (const service of compose.model.services.values()) {
      for (const { file, item } of writtenItems(service, ['env_file'])) {
        if (item.kind === 'map') {
          const required = item.entries.get('required')?.value;
          if (required?.kind === 'scalar' && (required.value === false || required.value === 'false')) continue;
          add('envFile', file, item.entries.get('path')?.value);
        } else add('envFile', file, item);
      }
      for (const { file, item } of writtenItems(service, ['label_file'])) add('labelFile', file, item);
    }
    for (const reference of references) {
      if (reference.path.startsWith('/') || reference.path.startsWith('~') || reference.path.includes('$')) continue;
      if (paths.has(joinPath(dirname(reference.file), reference.path))) continue;
      report({ messageId: reference.kind, data: { path: reference.path }, file: reference.file, range: reference.range });
    }
  },
};
