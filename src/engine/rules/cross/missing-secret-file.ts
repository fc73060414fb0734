import type { CrossRule } from '../catalogue.ts';
import { resolveReference } from '../../compose/file-references.ts';
import { projectDirectory } from '../../cross/nginx-services.ts';
import { dirname } from '../../cross/posix-path.ts';

// A secret or config whose `file:` is not there: `docker compose config` only
// warns (« secret file … does not exist »); `up` mounts the file into the
// containers that use it, and Docker refuses to create them (« invalid mount
// config for type "bind": bind source path does not exist »). Paths are
// relative to the project folder (to their own file's folder in a file
// brought in by `include`); absolute ones, `~` and paths climbing out of the
// project depend on the machine and are left alone.
export const missingSecretFile: CrossRule = {
  id: 'missing-secret-file',
  kind: 'cross',
  severity: 'error',
  messages: {
    missing:
      'Le {{kind}} `{{name}}` lit `{{path}}`, qui n’existe pas dans le projet\u00a0: `docker compose config` ne fait qu’avertir, mais `docker compose up` refuse de créer `{{service}}` («\u00a0bind source path does not exist\u00a0»).',
  },
  docs: {
    title: 'Le fichier d’un secret ou d’une config manque',
    what: 'Signale un secret ou une config (`file:`) utilisé par un service dont le fichier n’existe pas dans le projet.',
    why: 'Compose monte ce fichier dans le conteneur (`/run/secrets/…`). `docker compose config` se contente d’un avertissement, mais au `up` Docker refuse de créer le conteneur. Ces fichiers sont souvent exclus du dépôt (`.gitignore`)\u00a0: il faut les créer sur chaque machine.',
    howToFix: 'Créez le fichier (par exemple `printf "motdepasse" > secrets/db_password.txt`), corrigez le chemin (relatif au dossier du projet), ou prenez la valeur d’une variable (`environment: POSTGRES_PASSWORD`).',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [
      {
        name: 'le fichier existe',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n', 'secrets/db_password.txt': 'motdepasse\n' },
      },
      {
        name: 'un secret que personne n’utilise, un chemin absolu',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    secrets:\n      - serveur\nsecrets:\n  inutile:\n    file: ./absent.txt\n  serveur:\n    file: /etc/atelier/db-password\n' },
      },
      {
        name: 'des fichiers hors du projet, que l’atelier ne voit pas',
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:18\n    secrets: [maison, parent, windows, dossier]\nsecrets:\n  maison:\n    file: ~/secrets/db.txt\n  parent:\n    file: ../partage/db.txt\n  windows:\n    file: C:\\secrets\\db.txt\n  dossier:\n    file: .\n',
        },
      },
      {
        name: 'un extrait de projet',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n' },
        options: { partial: true },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n' },
        errors: [{ messageId: 'missing', line: 8, column: 11 }],
      },
      {
        name: 'un secret et une config de même nom, lus par deux services : une alerte chacun',
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:18\n    secrets: [cle]\n    configs: [cle]\n  api:\n    image: node:24-alpine\n    secrets: [cle]\nsecrets:\n  cle:\n    file: ./cle.txt\nconfigs:\n  cle:\n    file: ./cle.conf\n',
        },
        errors: [
          { messageId: 'missing', line: 11, column: 11, data: { kind: 'secret' } },
          { messageId: 'missing', line: 14, column: 11, data: { kind: 'config' } },
        ],
      },
    ],
  },
  check(context, report) {
    const compose = context.compose;
    if (context.options.partial || !compose || compose.syntaxErrors || compose.swarm) return;
    const model = compose.model;
    const loaded = new Set(compose.files.map((f) => f.path));
    const base = projectDirectory(context);
    const present = context.files.map((f) => f.path);
    const reported = new Set<string>();
    for (const service of model.services.values()) {
      for (const [kind, refs, resources] of [['secret', service.secrets, model.secrets], ['config', service.configs, model.configs]] as const) {
        for (const ref of refs) {
          const resource = resources.get(ref.source);
          const file = resource?.fields.get('file');
          if (!resource || resource.external || !file || reported.has(`${kind}:${ref.source}`)) continue;
          const path = file.value;
          if (path === '' || path.startsWith('/') || path.startsWith('~') || /^[a-z]:[\\/]/i.test(path)) continue;
          const target = resolveReference(loaded.has(file.file) ? base : dirname(file.file), path);
          if (target === '' || target.startsWith('..')) continue;
          if (present.some((p) => p === target || p.startsWith(`${target}/`))) continue;
          reported.add(`${kind}:${ref.source}`);
          report({ messageId: 'missing', data: { kind, name: ref.source, path, service: service.name }, file: file.file, range: file.range });
        }
      }
    }
  },
};
