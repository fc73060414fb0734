// Which lesson commands the stacks phase runs against the chapter's stack, and
// what it checks of their output. By default a line of a « Terminal » block
// runs, as does an inline `curl …`, `cp …` or complete `docker …` command (a
// mention such as `docker compose exec` names a command, it is not one to
// type). A command that never returns (`logs -f`, `up`, `watch`) runs until it
// has shown it works, then gets Ctrl+C. A command the text gives to run in a
// container, or with a value to choose, runs as `runs` says. Every other case
// is decided here, with its reason; an expectation quotes the sentence of the
// lesson that states it (`says`), and the unit test keeps that sentence in the
// lesson, so the check and the text cannot drift. Lesson 12's commands run on
// the swarm phase's Swarm (tests/swarm/support/lesson-12.ts).
import { parseDocker, placeholder } from './docker-cli.ts';
import type { LessonCommand } from './lesson-commands.ts';
import type { CliTable } from '../oracle/record-docker-cli.ts';
import type { ReadmeCommand } from './readme-commands.ts';
import { shellCommands } from './shell-words.ts';

export type Expectation = NonNullable<ReadmeCommand['expect']>;

export interface Decision {
  /** Not run, and why. */
  skip?: string;
  /** What the output must show, as the lesson says it. */
  expect?: Expectation;
  /** The words of the lesson that state the expectation (checked to be in the lesson). */
  says?: string;
  /**
   * A command the text gives to run elsewhere (a healthcheck's command, in its
   * container) or with a value to choose (`<service>`): what the harness runs
   * instead, each with what the text says it shows.
   */
  runs?: { text: string; expect?: Expectation }[];
}

/** Files a lesson names as an example of a pattern, without shipping them: lesson → file → why. */
export const ALLOWED_MISSING: Record<string, Record<string, string>> = {
  '03-structure-du-fichier': { 'compose.prod.yaml': 'exemple de la fusion par -f, donné avant que le cours ne livre ses fichiers d’override (compose.override.yaml au chapitre 08, compose.dev.yaml au chapitre 10)' },
  '08-production': { '.env.production': 'exemple d’un fichier de variables propre à un serveur, qui par principe n’entre jamais dans le dépôt' },
};

const WITHOUT_COMPOSE = 'l’exemple sans Compose, montré pour comparaison, ne peut pas tourner en entier : mon-api:1.0 est une image fictive ; ses noms fixes (boutique, db, web) iraient sur le démon partagé';
const NODE_PROBE = `node -e "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"`;
const REDIS_PING = 'redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG';

const NO_WATCH = 'none of the selected services is configured for watch';

const NO_REGISTRY = 'télécharge depuis Docker Hub : la CI n’a pas de registre, ses images sont des remplaçantes construites sur place';

const CONTAINER_NAME = 'ce que la commande ferait avec un `container_name`, que la pile n’a pas : la règle no-container-name du moteur explique pourquoi';

/** Lesson slug → command text → decision. */
export const DECISIONS: Record<string, Record<string, Decision>> = {
  '01-introduction': {
    'docker network create boutique': { skip: WITHOUT_COMPOSE },
    'docker volume create boutique-donnees': { skip: WITHOUT_COMPOSE },
    'docker run -d --name db --network boutique \\\n  -e POSTGRES_PASSWORD=... -v boutique-donnees:/var/lib/postgresql/data \\\n  postgres:17-alpine': { skip: WITHOUT_COMPOSE },
    'docker run -d --name api --network boutique -e DATABASE_URL=... mon-api:1.0': { skip: 'l’exemple sans Compose : mon-api:1.0 est une image fictive, DATABASE_URL=... une valeur à écrire' },
    'docker run -d --name web --network boutique -p 8080:80 nginx:1.30-alpine': { skip: WITHOUT_COMPOSE },
    'docker compose up --scale web=3': { skip: CONTAINER_NAME },
  },
  '02-architecture': {
    // Every line that publishes a port (`->`) is web's.
    'docker compose ps': { expect: { matches: '(?<![\\s\\S])(?![\\s\\S]*^(?!\\S*-web-)[^\\n]*->)[\\s\\S]*^\\S*-web-1[^\\n]*->' }, says: '`docker compose ps` ne montre qu’un seul port publié, celui de `web`' },
    'docker compose exec api getent hosts db': { expect: { matches: '^\\d+\\.\\d+\\.\\d+\\.\\d+\\s+db' }, says: 'La commande affiche l’adresse actuelle du conteneur `db`' },
  },
  '03-structure-du-fichier': {
    'docker compose -f compose.yaml -f compose.prod.yaml up -d': { skip: 'compose.prod.yaml est un exemple que la pile ne livre pas' },
    'docker compose exec client getent hosts db': { expect: { fails: true, empty: true }, says: 'aucune réponse : client ne voit pas db' },
    'docker compose exec api getent hosts db': { expect: { matches: '^\\d+\\.\\d+\\.\\d+\\.\\d+\\s+db' }, says: 'une adresse : api et db partagent backend' },
  },
  '04-client': {
    'curl -i http://localhost:8080/health': { expect: { status: 200 }, says: 'pour voir la sonde et les en-têtes' },
  },
  '05-api-nodejs': {
    'curl http://localhost:3000/health': { expect: { contains: '{"status":"ok","db":"ok","cache":"ok"}' }, says: 'L’appel à `/health` affiche par exemple `{"status":"ok","db":"ok","cache":"ok"}`' },
    // « wget -qO- URL sort en erreur si la réponse n’est pas un succès »: a 404 of the API makes it fail.
    'wget -qO- URL': { runs: [{ text: 'docker compose exec -T api wget -qO- http://127.0.0.1:3000/absent', expect: { fails: true } }], says: 'sort en erreur si la réponse n’est pas un succès' },
    'docker compose watch': { expect: { fails: true, contains: NO_WATCH }, says: `\`docker compose watch\` y répond « ${NO_WATCH} »` },
    [NODE_PROBE]: { runs: [{ text: `docker compose exec -T api ${NODE_PROBE}` }], says: 'ou une sonde en Node.js' },
    'docker compose exec api wget -qO- http://127.0.0.1:3000/health': { expect: { contains: '"status":"ok"' } },
  },
  '07-reverse-proxy': {
    'docker compose ps api': { expect: { matches: '^\\S+-api-3\\s' }, says: 'Lancez trois conteneurs de l’API' },
    'docker compose pull': { skip: NO_REGISTRY },
    'nginx -t': { skip: 'l’avertissement dont parle le texte est celui de la forme `listen 443 ssl http2;` des exemples en ligne, que la pile n’a pas (elle écrit `http2 on;`) ; le `nginx -t` de sa configuration est le test « passes the real nginx -t (1.30) »' },
    'curl -I http://localhost:8080/': { expect: { status: 301, contains: 'location: https://localhost:8443/' }, says: 'La première requête `curl` doit renvoyer un `301` vers `https://localhost:8443/`' },
    'curl -k https://localhost:8443/api/users': { expect: { matches: '^\\[' }, says: 'la seconde, la liste des utilisateurs en JSON' },
    'docker compose exec proxy wget -qO- -T 2 http://db:5432': { expect: { fails: true, contains: "wget: bad address 'db:5432'" }, says: "Vous devez obtenir une erreur de résolution de nom (`wget: bad address 'db:5432'`)" },
  },
  '08-production': {
    'docker compose --env-file .env.production up -d': { skip: '.env.production est un exemple, propre à un serveur, que la pile ne livre pas' },
    'docker compose port db 5432': { skip: 'décrit un override à la seule ligne `ports`, que la pile ne livre pas : prouvé par le test « compose.dev.yaml : … a `ports` line alone publishes nothing » de la pile 10' },
    'docker compose exec api kill 1': { expect: {}, says: 'le processus Node.js s’arrête' },
    // The tutorials' check against a Redis with a password: NOAUTH, exit code 0 all the same; -e makes it fail.
    'redis-cli --raw incr ping': {
      runs: [
        { text: 'docker compose exec -T cache redis-cli --raw incr ping', expect: { contains: 'NOAUTH Authentication required' } },
        { text: 'docker compose exec -T cache redis-cli -e --raw incr ping', expect: { fails: true, contains: 'NOAUTH' } },
      ],
      says: '`redis-cli` sort avec le code 0 sur une réponse d’erreur de Redis, sauf avec l’option `-e`',
    },
    [REDIS_PING]: {
      runs: [
        { text: `docker compose exec -T cache sh -c '${REDIS_PING}'` },
        { text: `docker compose exec -T cache sh -c '${REDIS_PING.replace('"$REDIS_PASSWORD"', 'mauvais-mot-de-passe')}'`, expect: { fails: true } },
      ],
      says: 'authentifiée avec le mot de passe lu dans l’environnement du conteneur, et vérifiez la réponse',
    },
  },
  '09-base-de-donnees': {
    'pg_dump … | gzip > sauvegarde.sql.gz': { skip: 'la forme à éviter que le texte explique : le code de sortie du tube est celui de gzip' },
    'docker compose exec backup sh /backup/backup.sh': { expect: { contains: 'backup: /backups/' } },
  },
  '10-commandes': {
    'docker compose build --pull': { skip: NO_REGISTRY },
    'docker compose pull': { skip: NO_REGISTRY },
    'docker compose exec api npm test': { expect: { fails: true, contains: 'Missing script: "test"' }, says: 'npm répond `Missing script: "test"`' },
  },
  '11-bonnes-pratiques': {
    'docker compose pull': { skip: NO_REGISTRY },
    'redis-cli incr ping': { runs: [{ text: 'docker compose exec -T cache redis-cli incr ping', expect: { contains: 'NOAUTH' } }], says: 'il reçoit `NOAUTH`, mais `redis-cli` sort quand même avec le code 0' },
    // Written for compose.yaml ($$ is Compose's escape of $): the container's shell runs it with one $.
    [REDIS_PING.replace('$REDIS_PASSWORD', () => '$${REDIS_PASSWORD}')]: { runs: [{ text: `docker compose exec -T cache sh -c '${REDIS_PING.replace('$REDIS_PASSWORD', '${REDIS_PASSWORD}')}'` }] },
    'docker compose exec <service> which curl': {
      runs: [
        { text: 'docker compose exec api which curl', expect: { fails: true } },
        { text: 'docker compose exec proxy which curl', expect: { contains: '/usr/bin/curl' } },
        { text: 'docker compose exec db which bash', expect: { contains: '/bin/bash' } },
      ],
      says: '`node:24-alpine` n’a ni `curl` ni `bash`, quand `nginx:1.30-alpine` a `curl` et `postgres:17-alpine` a `bash`',
    },
    'docker compose up --scale api=3': { skip: CONTAINER_NAME },
  },
};

/** Inline commands of other programs: where they run instead. */
const ELSEWHERE: [RegExp, string][] = [
  [/^(npm|node) /, 'commande de Dockerfile ou de conteneur que le texte cite, pas une commande à taper sur le poste : le build de la pile exécute les siennes, et les options des commandes npm sont vérifiées contre leur aide (tests/oracle/tool-options)'],
  [/^(pg_dump|pg_restore) /, 'une ligne des scripts backup.sh et restore.sh de la pile, que le harnais lance (le test unitaire vérifie que les scripts l’écrivent ainsi)'],
  [/^redis-cli /, 'commande du healthcheck du cache ou d’un `sh -c` dans son conteneur, que `up --wait` et le chapitre 10 exécutent'],
  [/^psql /, 'un psql sur le poste : prouvé par le test « compose.dev.yaml : a real psql on the host » de la pile 10'],
  [/^(nginx|wget|getent) /, 'à lancer dans un conteneur (`docker compose exec …`), ce que font les commandes du chapitre'],
];

/** Lesson 12 runs on a Swarm, which the stacks phase does not create. */
const SWARM = 'commande d’un cluster Swarm : la phase swarm l’exécute, ou dit pourquoi pas (tests/swarm/support/lesson-12.ts, tests/swarm/single-node.test.ts)';

export interface PlannedCommand {
  command: LessonCommand;
  run: boolean;
  /** What runs instead of the text as written (in a container, a placeholder filled in). */
  runs?: { text: string; expect?: Expectation }[];
  why?: string;
  expect?: Expectation;
  /** It never returns on its own: run, then interrupted with Ctrl+C once it has shown it works. */
  interrupt?: string;
}

export function planLessonCommand(lesson: string, command: LessonCommand, table: CliTable): PlannedCommand {
  const decision = DECISIONS[lesson]?.[command.text];
  if (lesson.startsWith('12-')) return { command, run: false, why: SWARM };
  if (command.skip) return { command, run: false, why: command.skip };
  if (decision?.skip) return { command, run: false, why: decision.skip };
  if (decision?.runs) return { command, run: true, runs: decision.runs };
  const expect = decision?.expect ?? command.expect;
  const planned = (run: boolean, why?: string): PlannedCommand => ({ command, run, ...(why ? { why } : {}), ...(expect ? { expect } : {}), ...(run && command.interrupt ? { interrupt: command.interrupt } : {}) });
  if (command.source === 'terminal') return planned(true);
  // Host commands against the stack: a request to its published port, a copy in its folder.
  if (/^(curl|cp) /.test(command.text)) return planned(true);
  const elsewhere = ELSEWHERE.find(([pattern]) => pattern.test(command.text));
  if (elsewhere) return planned(false, elsewhere[1]);
  const words = shellCommands(command.text).flatMap((c) => c.words.map((w) => w.text));
  if (words.some(placeholder)) return planned(false, 'mention avec une valeur à choisir (`…`, `<service>`)');
  const parsed = parseDocker(shellCommands(command.text)[0]?.words.map((w) => w.text) ?? [], table);
  if (parsed.problems.length > 0) return planned(false, `mention d’une commande, pas une commande à taper (${parsed.problems.join(' ; ')})`);
  return planned(true);
}
