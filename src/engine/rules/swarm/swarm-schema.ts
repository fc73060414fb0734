import type { ComposeRule } from '../catalogue.ts';
import { explainSchemaErrors, knownSchemaKeys, type SchemaProblem } from '../../compose/schema/schema-errors.ts';
import stackSchema from '../../compose/schema/stack-schema-v3.13.json' with { type: 'json' };
import { validate } from '../../compose/schema/validate-stack.generated.js';
import { deleteEntryLines } from '../../compose/stack-file.ts';
import { locate, toPlain } from '../../yaml/located.ts';
import { FORBIDDEN_OPTIONS } from './swarm-forbidden-option.ts';

/**
 * Why a key `docker compose` knows is refused by `docker stack deploy`, for
 * the keys learners meet. The Docker CLI validates stack files with its own
 * v3.13 schema (docker/cli v28.2.2, e6534b4, `cli/compose/schema/data/config_schema_v3.13.json`),
 * which never learnt the keys the Compose Specification added since.
 */
const COMPOSE_ONLY_HINTS: Record<string, string> = {
  name: 'le nom de la stack se donne à la commande : `docker stack deploy -c stack.yaml atelier`',
  include: 'rassemblez les fichiers avec plusieurs `-c`, ou avec `docker compose config` avant le déploiement',
  profiles: 'une stack déploie tous ses services ; gardez les services ponctuels dans un fichier à part',
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
    'compose-only': '`docker stack deploy` refuse `{{key}}` dans {{where}} : cette clé n’existe que pour `docker compose`.',
    'compose-only-hint': '`docker stack deploy` refuse `{{key}}` dans {{where}} : cette clé n’existe que pour `docker compose` ({{hint}}).',
    'unknown-key': 'Clé inconnue `{{key}}` dans {{where}} pour `docker stack deploy`.',
    'unknown-key-suggest': 'Clé inconnue `{{key}}` dans {{where}} pour `docker stack deploy` : vouliez-vous dire `{{suggestion}}` ?',
    'invalid-name': 'Nom invalide pour {{kind}} `{{name}}`.',
    'wrong-type': 'Pour `docker stack deploy`, `{{key}}` doit être {{expected}} (dans {{where}}).',
    'wrong-item-type': 'Pour `docker stack deploy`, chaque élément de `{{key}}` doit être {{expected}} (dans {{where}}).',
    'list-item-map': 'Élément de `{{key}}` mal écrit : dans une liste, écrivez `- NOM=valeur` ; ou retirez les tirets pour la forme objet `NOM: valeur` (dans {{where}}).',
    'missing-key': 'Il manque la clé obligatoire `{{key}}` dans {{where}}.',
    'bad-enum': '`{{key}}` doit valoir l’une de ces valeurs : {{values}}.',
    'duplicate-item': '`{{key}}` contient deux fois la même valeur.',
    'bad-format': 'Valeur « {{value}} » invalide pour `{{key}}` (dans {{where}}).',
    'out-of-range': 'Valeur hors limites pour `{{key}}` (limite : {{limit}}).',
    empty: '`{{key}}` ne doit pas être vide.',
    invalid: 'Valeur invalide pour `{{key}}` (dans {{where}}) : vérifiez sa forme dans la documentation de `docker stack deploy`.',
  },
  docs: {
    title: 'Une stack doit respecter le schéma de `docker stack deploy`',
    what: 'Pour un fichier destiné à Docker Swarm, vérifie le fichier avec le schéma que la commande `docker stack deploy` utilise (format Compose 3.13, dans le code de la CLI Docker) au lieu de la Compose Specification : les clés ajoutées depuis à Compose (`name`, `profiles`, `develop`, la forme longue de `depends_on`, un secret tiré de `environment`…) y sont refusées.',
    why: '`docker stack deploy` et `docker stack config` ne lisent pas le fichier comme `docker compose` : ils le valident avec leur propre schéma, plus ancien, et refusent tout le fichier au premier écart. Un fichier qui démarre très bien avec `docker compose up` peut donc être rejeté par Swarm.',
    howToFix: 'Retirez ou remplacez la clé signalée ; le message dit par quoi. Un fichier est traité comme une stack quand il s’appelle `stack.yaml` ou `docker-stack.yml`, quand il contient le marqueur `x-atelier: { cible: swarm }` à la racine, avec l’option `--swarm` de la ligne de commande, ou dans l’atelier du chapitre 12.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      {
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      replicas: 3\n' },
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
      },
      {
        name: 'marqueur x-atelier et profils',
        files: { 'compose.yaml': 'x-atelier:\n  cible: swarm\nservices:\n  outils:\n    image: postgres:17-alpine\n    profiles: [outils]\n' },
        errors: [{ messageId: 'compose-only-hint', line: 6, column: 5 }],
      },
      {
        name: 'option swarm et port publié en texte',
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: "8080"\n' },
        options: { swarm: true },
        errors: [{ messageId: 'wrong-type', line: 6, column: 20 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const document of context.documents) {
      if (document.issues.some((i) => i.severity === 'error') || document.root?.kind !== 'map') continue;
      if (validate(toPlain(document.root))) continue;
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

/** Problems another Swarm rule explains better: the long form of `depends_on`, and the options the loader forbids before it even validates. */
function reportedElsewhere(problem: SchemaProblem): boolean {
  const path = problem.path;
  if (path[0] === 'services' && path[2] === 'depends_on') return true;
  return path[0] === 'services' && path.length === 2 && problem.messageId.startsWith('unknown-key') && String(problem.data['key']) in FORBIDDEN_OPTIONS;
}
