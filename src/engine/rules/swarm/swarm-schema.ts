import type { ComposeRule } from '../catalogue.ts';
import { explainSchemaErrors, knownSchemaKeys, type SchemaProblem } from '../../compose/schema/schema-errors.ts';
import stackSchema from '../../compose/schema/docker-cli/config_schema_v3.13.json' with { type: 'json' };
import keyVersions from '../../compose/schema/stack-key-versions.generated.json' with { type: 'json' };
import { validate } from '../../compose/schema/validate-stack.generated.js';
import { deleteEntryLines } from '../../compose/stack-file.ts';
import { locate, type LocatedValue } from '../../yaml/located.ts';
import type { ComposeDocument } from '../../compose/context.ts';
import { FORBIDDEN_OPTIONS } from './swarm-forbidden-option.ts';

/**
 * Why a key `docker compose` knows is refused by `docker stack deploy`, for
 * the keys learners meet. The Docker CLI validates stack files with its own
 * v3.13 schema (`cli/compose/schema/data/config_schema_v3.13.json`, here as
 * Debian's docker.io 28.5.2+dfsg4-5 source ships it, the same as docker/cli v28.2.2's: see the schema README),
 * which never learnt the keys the Compose Specification added since.
 */
const COMPOSE_ONLY_HINTS: Record<string, string> = {
  name: 'le nom de la stack se donne à la commande : `docker stack deploy -c stack.yaml atelier`',
  include: 'rassemblez les fichiers avec plusieurs `-c`, ou avec `docker compose config` avant le déploiement',
  profiles: 'une stack déploie tous ses services ; gardez les services ponctuels dans un fichier à part',
  develop: '`develop.watch` sert au poste de développement, pas au cluster',
  pull_policy: 'chaque nœud télécharge l’image depuis le registre au moment de créer la tâche',
  environment: 'un secret Swarm vient d’un fichier (`file`) ou existe déjà (`external: true`, créé par `docker secret create`)',
  content: 'une config Swarm vient d’un fichier (`file`) ou existe déjà (`external: true`)',
  mem_reservation: 'utilisez `deploy.resources.reservations.memory`',
  cpus: 'utilisez `deploy.resources.limits.cpus`',
  scale: 'utilisez `deploy.replicas`',
};

export const swarmSchema: ComposeRule = {
  id: 'swarm-schema',
  kind: 'compose',
  severity: 'error',
  messages: {
    'unsupported-version': '`docker stack deploy` ne connaît que les versions 3.x du format : `version: "{{version}}"` fait refuser le fichier. Retirez la clé `version` (la CLI prend alors le format le plus récent qu’elle connaît).',
    'newer-key': '`{{key}}` n’existe qu’à partir du format {{since}}, et ce fichier déclare `version: "{{version}}"` : `docker stack deploy` le refuse. Retirez la clé `version` (la CLI prend alors le format le plus récent qu’elle connaît) ou relevez-la.',
    'compose-only': '`docker stack deploy` refuse `{{key}}` dans {{where}} : cette clé n’existe que pour `docker compose`.',
    'compose-only-hint': '`docker stack deploy` refuse `{{key}}` dans {{where}} : cette clé n’existe que pour `docker compose` ({{hint}}).',
    'unknown-key': 'Clé inconnue `{{key}}` dans {{where}} pour `docker stack deploy`.',
    'unknown-key-suggest': 'Clé inconnue `{{key}}` dans {{where}} pour `docker stack deploy` : vouliez-vous dire `{{suggestion}}` ?',
    'invalid-name': 'Nom invalide pour {{kind}} `{{name}}`.',
    'wrong-type': 'Pour `docker stack deploy`, `{{key}}` doit être {{expected}} (dans {{where}}).',
    'wrong-item-type': 'Pour `docker stack deploy`, chaque élément de `{{key}}` doit être {{expected}} (dans {{where}}).',
    'list-item-map': 'Élément de `{{key}}` mal écrit : dans une liste, écrivez `- NOM=valeur` ; ou retirez les tirets pour la forme objet `NOM: valeur` (dans {{where}}).',
    'missing-key': 'Il manque la clé obligatoire `{{key}}` dans {{where}}.',
    'bad-enum': '`{{key}}` doit valoir l’une de ces valeurs : {{values}}.',
    'duplicate-item': '`{{key}}` contient deux fois la même valeur.',
    'out-of-range': 'Valeur hors limites pour `{{key}}` (limite : {{limit}}).',
  },
  docs: {
    title: 'Une stack doit respecter le schéma de `docker stack deploy`',
    what: 'Pour un fichier destiné à Docker Swarm, vérifie le fichier avec le schéma que la commande `docker stack deploy` utilise (format Compose 3.13 de la CLI Docker 28 ; 3.12 pour la CLI 26 de Debian) au lieu de la Compose Specification : les clés ajoutées depuis à Compose (`name`, `profiles`, `develop`, la forme longue de `depends_on`, un secret tiré de `environment`…) y sont refusées.',
    why: '`docker stack deploy` et `docker stack config` ne lisent pas le fichier comme `docker compose` : ils le valident avec leur propre schéma, plus ancien, et refusent tout le fichier au premier écart. Un fichier qui démarre très bien avec `docker compose up` peut donc être rejeté par Swarm.',
    howToFix: 'Retirez ou remplacez la clé signalée ; le message dit par quoi. Un fichier est traité comme une stack quand il s’appelle `stack.yaml` ou `docker-stack.yml`, quand il contient le marqueur `x-atelier: { cible: swarm }` à la racine, avec l’option `--swarm` de la ligne de commande, ou dans l’atelier du chapitre 12.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      {
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      replicas: 3\n' },
      },
      {
        name: 'port publié par une variable',
        files: { 'stack.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: ${HTTP_PORT:-8080}\n        mode: host\n    deploy:\n      mode: global\n' },
      },
      {
        name: 'version vide : le format 3.x le plus récent',
        files: { 'docker-stack.yml': 'version: ""\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      rollback_config:\n        order: start-first\n' },
      },
      {
        name: 'version 3 : le format 3.x le plus récent',
        // docker/cli v28.2.2 (e6534b4), cli/compose/schema/schema.go `normalizeVersion`: "3" means the latest 3.x (3.13).
        files: { 'docker-stack.yml': 'version: "3"\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      rollback_config:\n        order: start-first\n' },
      },
      {
        name: 'clé arrivée avec la version déclarée',
        files: { 'docker-stack.yml': 'version: "3.7"\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      rollback_config:\n        order: start-first\n' },
      },
      {
        name: 'nombres et booléens tirés de variables',
        // docker/cli v28.2.2 (e6534b4), cli/compose/loader/interpolate.go and cli/compose/loader/loader.go `toBoolean`, `toFloat`:
        // an interpolated value of these keys is cast before validation; y, yes, true, on, n, no, false, off in any case are booleans.
        files: {
          'stack.yaml':
            'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    read_only: ${READ_ONLY:-Yes}\n    tty: ${TTY:-off}\n    stdin_open: ${STDIN_OPEN:-y}\n    oom_score_adj: ${OOM_SCORE_ADJ:-0}\n    healthcheck:\n      disable: ${NO_HEALTHCHECK:-TRUE}\n    volumes:\n      - type: volume\n        source: donnees\n        target: /data\n        read_only: ${DATA_READ_ONLY:-on}\n        volume:\n          nocopy: ${NOCOPY:-false}\n    deploy:\n      update_config:\n        max_failure_ratio: ${UPDATE_RATIO:-0.2}\n    networks: [front]\nnetworks:\n  front:\n    attachable: ${ATTACHABLE:-n}\nvolumes:\n  donnees:\n    external: ${DATA_EXTERNAL:-no}\n',
        },
      },
      {
        name: 'depends_on et options interdites : laissés aux règles Swarm dédiées',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    depends_on:\n      db:\n        condition: service_started\n    volumes_from: [db]\n  db:\n    image: postgres:17-alpine\n' },
      },
      {
        name: 'fichier mal formé : laissé à la vérification YAML',
        // yaml.v3, which the Docker CLI reads stack files with, refuses a key written twice ("already defined"); yaml-syntax says so.
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    image: registry.local/atelier-api:1.1\n    memoire: 512m\n' },
      },
      {
        name: 'fichier Compose hors Swarm',
        files: { 'compose.yaml': 'name: atelier\nservices:\n  api:\n    image: node:24-alpine\n    profiles: [outils]\n' },
      },
    ],
    invalid: [
      {
        name: 'nom de projet',
        files: { 'stack.yaml': 'name: atelier\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n' },
        errors: [{ messageId: 'compose-only-hint', line: 1, column: 1 }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n',
      },
      {
        name: 'marqueur x-atelier et profils',
        files: { 'compose.yaml': 'x-atelier:\n  cible: swarm\nservices:\n  outils:\n    image: postgres:17-alpine\n    profiles: [outils]\n' },
        errors: [{ messageId: 'compose-only-hint', line: 6, column: 5 }],
        output: 'x-atelier:\n  cible: swarm\nservices:\n  outils:\n    image: postgres:17-alpine\n',
      },
      {
        name: 'ancien format 2',
        files: { 'docker-stack.yml': 'version: "2.4"\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n' },
        errors: [{ messageId: 'unsupported-version', line: 1, column: 10 }],
      },
      {
        name: 'version 3.14 inconnue de la CLI',
        // docker/cli v28.2.2 (e6534b4), cli/compose/schema/schema.go: no config_schema_v3.14.json, "unsupported Compose file version: 3.14".
        files: { 'docker-stack.yml': 'version: "3.14"\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n' },
        errors: [{ messageId: 'unsupported-version', line: 1, column: 10, data: { version: '3.14' } }],
      },
      {
        name: 'extension x- avant la version 3.4',
        // The CLI's config_schema_v3.3.json has no `^x-` pattern at the top level; config_schema_v3.4.json adds it.
        files: { 'docker-stack.yml': 'version: "3.3"\nx-image: &image registry.local/atelier-api:1.0\nservices:\n  api:\n    image: *image\n    replica: 3\n' },
        errors: [
          { messageId: 'newer-key', line: 2, column: 1, data: { key: 'x-image', since: '3.4', version: '3.3' } },
          { messageId: 'unknown-key', line: 6, column: 5 },
        ],
      },
      {
        name: 'tmpfs dans un montage avant la version 3.6',
        // The CLI's config_schema_v3.5.json has no `tmpfs` in the long volume syntax; config_schema_v3.6.json adds it.
        files: { 'docker-stack.yml': 'version: "3.5"\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n    volumes:\n      - type: tmpfs\n        target: /tmp\n        tmpfs:\n          size: 1000000\n' },
        errors: [{ messageId: 'newer-key', line: 8, column: 9, data: { key: 'tmpfs', since: '3.6' } }],
      },
      {
        name: 'ratio tiré d’une variable vide',
        // docker/cli v28.2.2 (e6534b4), cli/compose/loader/loader.go `toFloat`: strconv.ParseFloat("") fails, "failed to cast to expected type".
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      update_config:\n        max_failure_ratio: ${MAX_FAILURE_RATIO}\n' },
        errors: [{ messageId: 'wrong-type', line: 6, column: 28 }],
      },
      {
        name: 'booléen écrit 1',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    read_only: 1\n' },
        errors: [{ messageId: 'wrong-type', line: 4, column: 16 }],
      },
      {
        name: 'extends ailleurs que sous un service',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      extends: base\nnetworks:\n  front:\n    extends: base\n' },
        errors: [
          { messageId: 'unknown-key', line: 5, column: 7 },
          { messageId: 'unknown-key', line: 8, column: 5 },
        ],
      },
      {
        name: 'clé plus récente que la version déclarée',
        files: { 'docker-stack.yml': 'version: "3.3"\nservices:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      rollback_config:\n        order: start-first\n' },
        errors: [{ messageId: 'newer-key', line: 6, column: 7 }],
      },
      {
        name: 'option swarm et port publié en texte',
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: "8080"\n' },
        options: { swarm: true },
        errors: [{ messageId: 'wrong-type', line: 6, column: 20 }],
      },
      {
        name: 'clé de Compose sans équivalent Swarm',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    platform: linux/amd64\n' },
        errors: [{ messageId: 'compose-only', line: 4, column: 5, data: { key: 'platform', where: 'le service `api`' } }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n',
      },
      {
        name: 'clé en français',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    memoire: 512m\n' },
        errors: [{ messageId: 'unknown-key', line: 4, column: 5 }],
      },
      {
        name: 'faute de frappe dans deploy',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      replica: 3\n' },
        errors: [{ messageId: 'unknown-key-suggest', line: 5, column: 7 }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      replicas: 3\n',
      },
      {
        name: 'nom de service avec une espace',
        files: { 'stack.yaml': 'services:\n  mon api:\n    image: registry.local/atelier-api:1.0\n' },
        errors: [{ messageId: 'invalid-name', line: 2, column: 3 }],
      },
      {
        name: 'nombre dans une commande',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    command: [node, server.js, --port, 3000]\n' },
        errors: [{ messageId: 'wrong-item-type', line: 4, column: 40 }],
      },
      {
        name: 'liste et objet mélangés',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    environment:\n      - NODE_ENV: production\n' },
        errors: [{ messageId: 'list-item-map', line: 5, column: 9 }],
      },
      {
        name: 'montage en forme longue sans type',
        files: {
          'stack.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - source: donnees\n        target: /var/lib/postgresql/data\nvolumes:\n  donnees:\n',
        },
        errors: [{ messageId: 'missing-key', line: 5, column: 9 }],
      },
      {
        name: 'ordre de mise à jour mal écrit',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      update_config:\n        order: start_first\n' },
        errors: [{ messageId: 'bad-enum', line: 6, column: 16 }],
      },
      {
        name: 'réseau écrit deux fois',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    networks: [front, back, front]\nnetworks:\n  front:\n  back:\n' },
        errors: [{ messageId: 'duplicate-item', line: 4, column: 15 }],
      },
      {
        name: 'taille de tmpfs négative',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    volumes:\n      - type: tmpfs\n        target: /tmp\n        tmpfs:\n          size: -1\n' },
        errors: [{ messageId: 'out-of-range', line: 8, column: 17, data: { limit: '0' } }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const document of context.documents) {
      if (document.issues.some((i) => i.severity === 'error') || document.root?.kind !== 'map') continue;
      // docker/cli v28.2.2 (e6534b4), cli/compose/schema/schema.go: a schema file per 3.x version, "unsupported Compose file version" otherwise.
      const version = document.root.entries.get('version');
      const written = version?.value.kind === 'scalar' ? String(version.value.value) : undefined;
      // An empty version is the latest format, as "3" is (schema.go normalizeVersion).
      if (version && written !== undefined && !/^(3(\.(\d|1[0-3]))?)?$/.test(written)) {
        report({
          messageId: 'unsupported-version',
          data: { version: written },
          file: document.file.path,
          range: context.rangeOf(document.file.path, version.value.range[0], version.value.range[1]),
        });
        continue;
      }
      // With the latest format (13), no key is newer than the file's version.
      const minor = written === undefined || written === '' || written === '3' ? 13 : Number(written.split('.')[1] ?? 0);
      for (const finding of newerKeys(document, document.root, keyVersions, minor)) report({ ...finding, data: { ...finding.data, version: String(written) } });
      if (validate(stackPlain(document.root, []))) continue;
      const problems = explainSchemaErrors(validate.errors ?? [], document.root, stackSchema).filter((problem) => !reportedElsewhere(problem));
      for (const problem of problems) {
        const range = context.rangeOf(document.file.path, problem.range[0], problem.range[1]);
        const key = String(problem.data['key'] ?? '');
        if (problem.messageId.startsWith('unknown-key') && knownSchemaKeys(problem.path).includes(key)) {
          const hint = COMPOSE_ONLY_HINTS[key];
          const entry = locate(document.root, [...problem.path, key]).entry;
          const deletion = entry ? deleteEntryLines(document, entry) : undefined;
          report({
            messageId: hint ? 'compose-only-hint' : 'compose-only',
            data: { key, where: String(problem.data['where']), ...(hint ? { hint } : {}) },
            file: document.file.path,
            range,
            ...(deletion ? { fix: { title: `Supprimer \`${key}\``, edits: [deletion] } } : {}),
          });
          continue;
        }
        const suggestion = problem.messageId === 'unknown-key-suggest' ? String(problem.data['suggestion']) : undefined;
        report({
          messageId: problem.messageId,
          data: problem.data,
          file: document.file.path,
          range,
          ...(suggestion ? { fix: { title: `Remplacer par \`${suggestion}\``, edits: [{ file: document.file.path, range, text: suggestion }] } } : {}),
        });
      }
    }
  },
};

/**
 * The paths whose interpolated strings the Docker CLI turns into numbers or
 * booleans before validating (`interpolateTypeCastMapping` in docker/cli
 * v28.2.2, e6534b4, `cli/compose/loader/interpolate.go`): `published:
 * ${HTTP_PORT:-8080}` is an integer for the schema. Only a value that
 * interpolation changed is cast (`cli/compose/interpolation/interpolation.go`),
 * so a quoted `"8080"` stays text, and is refused. `*` is any key or index.
 */
const CASTS: readonly [readonly string[], 'int' | 'float' | 'bool'][] = [
  [['services', '*', 'configs', '*', 'mode'], 'int'],
  [['services', '*', 'secrets', '*', 'mode'], 'int'],
  [['services', '*', 'healthcheck', 'retries'], 'int'],
  [['services', '*', 'healthcheck', 'disable'], 'bool'],
  [['services', '*', 'deploy', 'replicas'], 'int'],
  [['services', '*', 'deploy', 'update_config', 'parallelism'], 'int'],
  [['services', '*', 'deploy', 'update_config', 'max_failure_ratio'], 'float'],
  [['services', '*', 'deploy', 'rollback_config', 'parallelism'], 'int'],
  [['services', '*', 'deploy', 'rollback_config', 'max_failure_ratio'], 'float'],
  [['services', '*', 'deploy', 'restart_policy', 'max_attempts'], 'int'],
  [['services', '*', 'deploy', 'placement', 'max_replicas_per_node'], 'int'],
  [['services', '*', 'ports', '*', 'target'], 'int'],
  [['services', '*', 'ports', '*', 'published'], 'int'],
  [['services', '*', 'ulimits', '*'], 'int'],
  [['services', '*', 'ulimits', '*', 'hard'], 'int'],
  [['services', '*', 'ulimits', '*', 'soft'], 'int'],
  [['services', '*', 'privileged'], 'bool'],
  [['services', '*', 'oom_score_adj'], 'int'],
  [['services', '*', 'read_only'], 'bool'],
  [['services', '*', 'stdin_open'], 'bool'],
  [['services', '*', 'tty'], 'bool'],
  [['services', '*', 'volumes', '*', 'read_only'], 'bool'],
  [['services', '*', 'volumes', '*', 'volume', 'nocopy'], 'bool'],
  [['networks', '*', 'external'], 'bool'],
  [['networks', '*', 'internal'], 'bool'],
  [['networks', '*', 'attachable'], 'bool'],
  [['volumes', '*', 'external'], 'bool'],
  [['secrets', '*', 'external'], 'bool'],
  [['configs', '*', 'external'], 'bool'],
];

function cast(value: string, kind: 'int' | 'float' | 'bool'): unknown {
  if (kind === 'int') return /^[+-]?\d+$/.test(value) ? Number(value) : value;
  if (kind === 'float') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  const lower = value.toLowerCase();
  return ['y', 'yes', 'true', 'on'].includes(lower) ? true : ['n', 'no', 'false', 'off'].includes(lower) ? false : value;
}

/** The document as the Docker CLI validates it: interpolated, with its casts. */
function stackPlain(value: LocatedValue, path: readonly string[]): unknown {
  if (value.kind === 'seq') return value.items.map((item, index) => stackPlain(item, [...path, String(index)]));
  if (value.kind === 'map') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of value.entries) out[key] = stackPlain(entry.value, [...path, key]);
    return out;
  }
  // The reader keeps `written` for string scalars only: a number, boolean or null was never interpolated.
  if (typeof value.value !== 'string' || value.written === value.value) return value.value;
  const rule = CASTS.find(([pattern]) => pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]));
  return rule ? cast(value.value, rule[1]) : value.value;
}

interface KeyTree {
  since?: string;
  keys?: Record<string, KeyTree>;
}

/**
 * Keys the file's declared format does not know yet: the Docker CLI validates
 * a file with the schema of its `version` (docker/cli v28.2.2, e6534b4,
 * `cli/compose/schema/schema.go`). `stack-key-versions.generated.json` gives,
 * for each key of the v3 schemas, the first version that allows it.
 */
function newerKeys(document: ComposeDocument, root: LocatedValue, tree: KeyTree, minor: number): { messageId: string; data: Record<string, string>; file: string; range: ReturnType<ComposeDocument['positions']['range']> }[] {
  const out: { messageId: string; data: Record<string, string>; file: string; range: ReturnType<ComposeDocument['positions']['range']> }[] = [];
  // The table is a finite tree: the walk stops at its leaves.
  const walk = (value: LocatedValue, node: KeyTree): void => {
    if (!node.keys) return;
    if (value.kind === 'seq') {
      const items = node.keys['[]'];
      if (items) for (const item of value.items) walk(item, items);
      return;
    }
    if (value.kind !== 'map') return;
    for (const [key, entry] of value.entries) {
      const child = node.keys[key] ?? (key.startsWith('x-') ? node.keys['x-*'] : undefined) ?? node.keys['*'];
      if (!child) continue;
      const since = Number((child.since ?? '3.0').split('.')[1]);
      if (since > minor) {
        out.push({ messageId: 'newer-key', data: { key, since: child.since ?? '' }, file: document.file.path, range: document.positions.range(entry.keyRange[0], entry.keyRange[1]) });
        continue;
      }
      walk(entry.value, child);
    }
  };
  walk(root, tree);
  return out;
}

/** Problems another Swarm rule explains better: the long form of `depends_on`, and the options the loader forbids before it even validates. */
function reportedElsewhere(problem: SchemaProblem): boolean {
  const path = problem.path;
  if (path[0] === 'services' && path[2] === 'depends_on') return true;
  return path[0] === 'services' && path.length === 2 && problem.messageId.startsWith('unknown-key') && String(problem.data['key']) in FORBIDDEN_OPTIONS;
}
