import type { CrossRule } from '../catalogue.ts';
import { isTextReference } from '../../compose/file-references.ts';
import { projectRangeOf, projectReferences } from '../../cross/project-references.ts';

// Files `docker compose config` opens while loading the project: compose-go
// fails on a missing `env_file` (types/project.go loadEnvFile, unless
// `required: false`) or `label_file`, on a missing `include` (loader/include.go
// ApplyInclude, « open …: no such file or directory », or « include
// cycle detected ») or `extends.file` (loader/extends.go
// getExtendsBaseFromFile), and on those of the files they bring in
// (compose/file-references.ts follows them among the project's files).
// Paths are relative to the project directory in the files Compose is given
// (`-f`), to their own folder in the files those bring in; absolute paths
// depend on the machine, so they are left alone, unless a leading variable
// left empty made a relative path absolute. A path climbing above the project
// folder names a file outside the project: missing, since the project's files
// are all the engine is given (the CLI hands over those it finds on disk).

export const missingProjectFile: CrossRule = {
  id: 'missing-project-file',
  kind: 'cross',
  severity: 'error',
  messages: {
    envFile: '`env_file` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse de démarrer («\u00a0env file … not found\u00a0»). Ajoutez `required: false` s’il est facultatif.',
    labelFile: '`label_file` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse le projet («\u00a0label file … not found\u00a0»).',
    include: '`include` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse le projet («\u00a0open …: no such file or directory\u00a0»).',
    extendsFile: '`extends.file` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse le projet («\u00a0open …: no such file or directory\u00a0»).',
    includeEnvFile: 'Le `env_file` de cet `include` nomme `{{path}}`, qui n’existe pas dans le projet\u00a0: Compose refuse le projet («\u00a0stat …: no such file or directory\u00a0»).',
    referencedYaml: 'Compose lit ce fichier (nommé par `{{from}}`) et le refuse, ce n’est pas du YAML valide\u00a0: {{problem}}',
    includeCycle: '`include` nomme `{{path}}`, qui inclut déjà ce fichier\u00a0: Compose refuse le projet («\u00a0include cycle detected\u00a0»).',
    emptyVariable:
      '`{{key}}` devient `{{path}}`, car la variable `{{variable}}` est vide ou non définie\u00a0: Compose cherche ce fichier à la racine de la machine et refuse le projet. Définissez `{{variable}}` (dans `.env` ou le shell) ou écrivez un chemin relatif.',
  },
  docs: {
    title: 'Un fichier que Compose lit au chargement manque',
    what: 'Signale un fichier nommé par `env_file`, `label_file`, `include` ou `extends.file` qui n’existe pas dans le projet, y compris dans les fichiers qu’`include` et `extends` font lire, et un `include` qui s’inclut lui-même.',
    why: 'Compose lit ces fichiers dès `docker compose config`\u00a0: s’il en manque un, rien ne démarre. Un `env_file` facultatif s’écrit en forme longue avec `required: false`. Un chemin qui sort du dossier du projet (`../commun.yml`) dépend de la machine où le projet est copié.',
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
      {
        name: 'include et extends présents, relatifs au fichier qui les nomme',
        files: {
          'compose.yaml': 'include:\n  - deploy/base.yaml\nservices:\n  api:\n    extends:\n      file: deploy/base.yaml\n      service: base\n',
          'deploy/base.yaml': 'services:\n  base:\n    image: node:24-alpine\n    env_file: base.env\n',
          'deploy/base.env': 'NODE_ENV=production\n',
        },
      },
      {
        name: 'un include avec project_directory, son env_file dans ce dossier',
        files: {
          'compose.yaml': 'include:\n  - path: lib/db/base.yaml\n    project_directory: donnees\n    env_file: outils.env\n',
          'lib/db/base.yaml': 'services:\n  db:\n    image: postgres:18\n    env_file: db.env\n',
          'donnees/db.env': 'POSTGRES_DB=atelier\n',
          'outils.env': 'TAG=1\n',
        },
      },
      {
        name: 'chemins que Compose ne lit pas sur le disque du projet : distants, absolus',
        files: { 'compose.yaml': 'include:\n  - oci://registry.example/commun:1\n  - /srv/commun/compose.yaml\nservices:\n  api:\n    extends:\n      file: ${HOME}/base.yaml\n      service: base\n' },
        options: { environment: { HOME: '/home/lea' } },
      },
      {
        name: 'un fichier donné par -f dans un sous-dossier : ses chemins partent du dossier du projet',
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n',
          'deploy/prod.yaml': 'services:\n  api:\n    env_file: ./api.env\n    extends:\n      file: base.yaml\n      service: api\n',
          'api.env': 'NODE_ENV=production\n',
          'base.yaml': 'services:\n  api:\n    restart: always\n',
        },
        options: { composeFiles: ['compose.yaml', 'deploy/prod.yaml'] },
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
        name: 'include absent',
        files: { 'compose.yaml': 'include:\n  - ./base.yaml\nservices:\n  api:\n    image: node:24-alpine\n' },
        errors: [{ messageId: 'include', line: 2, column: 5, data: { path: './base.yaml' } }],
      },
      {
        name: 'include hors du projet',
        files: { 'compose.yaml': 'include:\n  - path: ../commun/compose.yaml\nservices:\n  api:\n    image: node:24-alpine\n' },
        errors: [{ messageId: 'include', line: 2, column: 11 }],
      },
      {
        name: 'le fichier de variables d’un include',
        files: { 'compose.yaml': 'include:\n  - path: outils/compose.yaml\n    env_file: outils.env\n', 'outils/compose.yaml': 'services:\n  adminer:\n    image: adminer:5\n' },
        errors: [{ messageId: 'includeEnvFile', line: 3, column: 15, data: { path: 'outils.env' } }],
      },
      {
        name: 'un include avec project_directory : les chemins du fichier inclus en partent',
        files: {
          'compose.yaml': 'include:\n  - path: lib/db/compose.yaml\n    project_directory: donnees\n',
          'lib/db/compose.yaml': 'services:\n  db:\n    image: postgres:18\n    env_file: db.env\n',
          'lib/db/db.env': 'POSTGRES_DB=atelier\n',
        },
        errors: [{ messageId: 'envFile', line: 4, column: 15, file: 'lib/db/compose.yaml' }],
      },
      {
        name: 'un include avec project_directory, fichier inclus d’un autre nom',
        files: {
          'compose.yaml': 'include:\n  - path: lib/db/base.yaml\n    project_directory: donnees\n',
          'lib/db/base.yaml': 'services:\n  db:\n    image: postgres:18\n    env_file: db.env\n',
          'lib/db/db.env': 'POSTGRES_DB=atelier\n',
        },
        errors: [{ messageId: 'envFile', line: 4, column: 15, file: 'lib/db/base.yaml' }],
      },
      {
        name: 'un fichier inclus qui n’est pas du YAML valide',
        files: { 'compose.yaml': 'include:\n  - outils.yaml\n', 'outils.yaml': 'services:\n  adminer:\n    image: "adminer:5\n' },
        errors: [{ messageId: 'referencedYaml', line: 3, column: 12, file: 'outils.yaml', data: { from: 'compose.yaml' } }],
      },
      {
        name: 'un fichier qui s’inclut lui-même',
        files: { 'compose.yaml': 'include:\n  - compose.yaml\nservices:\n  api:\n    image: node:24-alpine\n' },
        errors: [{ messageId: 'includeCycle', line: 2, column: 5 }],
      },
      {
        name: 'fichier d’extends absent',
        files: { 'compose.yaml': 'services:\n  api:\n    extends:\n      file: ./commun.yaml\n      service: base\n' },
        errors: [{ messageId: 'extendsFile', line: 4, column: 13 }],
      },
      {
        name: 'fichier d’extends dont la variable est vide',
        files: { 'compose.yaml': 'services:\n  api:\n    extends:\n      file: ${COMMUN}/commun.yaml\n      service: base\n' },
        errors: [{ messageId: 'emptyVariable', line: 4, column: 13, data: { path: '/commun.yaml', variable: 'COMMUN' } }],
      },
      {
        name: 'env_file dont la variable est vide',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file: ${CONFIG_DIR}/api.env\n' },
        errors: [{ messageId: 'emptyVariable', line: 4, column: 15, data: { key: 'env_file', path: '/api.env', variable: 'CONFIG_DIR' } }],
      },
      {
        name: 'dans un fichier inclus, relatif à ce fichier',
        files: {
          'compose.yaml': 'include:\n  - deploy/base.yaml\n',
          'deploy/base.yaml': 'services:\n  api:\n    image: node:24-alpine\n    env_file: ./api.env\n',
          'api.env': 'NODE_ENV=production\n',
        },
        errors: [{ messageId: 'envFile', line: 4, column: 15, file: 'deploy/base.yaml' }],
      },
      {
        name: 'au bout d’une chaîne d’extends',
        files: {
          'compose.yaml': 'services:\n  api:\n    extends:\n      file: deploy/api.yaml\n      service: api\n',
          'deploy/api.yaml': 'services:\n  api:\n    extends:\n      file: base.yaml\n      service: api\n',
          'base.yaml': 'services:\n  api:\n    image: node:24-alpine\n',
        },
        errors: [{ messageId: 'extendsFile', line: 4, column: 13, file: 'deploy/api.yaml' }],
      },
      {
        name: 'un fichier donné par -f dans un sous-dossier : pas à côté de lui',
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n',
          'deploy/prod.yaml': 'services:\n  api:\n    extends:\n      file: base.yaml\n      service: api\n',
          'deploy/base.yaml': 'services:\n  api:\n    restart: always\n',
        },
        options: { composeFiles: ['compose.yaml', 'deploy/prod.yaml'] },
        errors: [{ messageId: 'extendsFile', line: 4, column: 13, file: 'deploy/prod.yaml' }],
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
    if (context.options.partial || !compose) return;
    const references = projectReferences(context);
    if (!references) return;
    const { loadedFiles, walk, broken } = references;
    const texts = new Map(context.files.map((f) => [f.path, f.text]));
    const rangeOf = projectRangeOf(context);
    for (const { file, issue, from } of broken) report({ messageId: 'referencedYaml', data: { from, problem: issue.message }, file, range: issue.range });
    for (const ref of [...loadedFiles, ...walk.references]) {
      const range = rangeOf(ref.file, ref.range);
      const key = { include: 'include', extendsFile: 'extends.file', envFile: 'env_file', includeEnvFile: 'env_file', labelFile: 'label_file' }[ref.kind];
      const missing = walk.missing.has(ref) || (isTextReference(ref.kind) && ref.target !== undefined && !texts.has(ref.target));
      if (walk.cycles.has(ref)) report({ messageId: 'includeCycle', data: { path: ref.path }, file: ref.file, range });
      else if (!missing) continue;
      else if (ref.emptyVariable !== undefined) report({ messageId: 'emptyVariable', data: { key, path: ref.path, variable: ref.emptyVariable }, file: ref.file, range });
      else report({ messageId: ref.kind, data: { path: ref.path }, file: ref.file, range });
    }
  },
};
