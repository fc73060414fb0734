import { testObjectives } from './objective-tester.ts';

const compose = (services: string) => ({ 'compose.yaml': `services:\n${services}` });
const db = (body: string, image = 'postgres:17-alpine') => `  db:\n    image: ${image}\n${body}`;
const backup = (body: string, image = 'postgres:17-alpine') => `  backup:\n    image: ${image}\n${body}`;
const dumps = '    volumes:\n      - ./backups/:/backups\n';
const waits = (condition: string, password: string) =>
  `    depends_on:\n      db:\n        condition: ${condition}\n    environment:\n      PGPASSWORD: ${password}\n`;
const required = '${POSTGRES_PASSWORD:?définissez POSTGRES_PASSWORD dans .env}';
const init = (mount: string) => compose(db(`    volumes:\n      - ${mount}\n`));

testObjectives('09-base-de-donnees', [
  { objective: 'db-non-publie', met: compose(db('    networks: [backend]\n')), unmet: compose(db('    ports: ["5432:5432"]\n    networks: [backend]\n')) },
  { objective: 'db-non-publie', name: 'sur deux réseaux', met: compose(db('    networks: [backend]\n')), unmet: compose(db('    networks: [backend, frontend]\n')) },
  { objective: 'db-non-publie', name: 'réseau par défaut', met: compose(db('    networks: [backend]\n')), unmet: compose(db('')) },
  {
    objective: 'reglages-par-command',
    met: compose(db('    command: postgres -c shared_buffers=256MB\n')),
    unmet: compose(db('    environment:\n      POSTGRES_INITDB_ARGS: "-c shared_buffers=256MB"\n    command: postgres -c max_connections=50\n')),
  },
  {
    objective: 'reglages-par-command',
    name: 'forme liste',
    met: compose(db('    command: ["postgres", "-c", "shared_buffers=256MB"]\n')),
    unmet: compose(db('    command: ["postgres"]\n')),
  },
  { objective: 'reglages-par-command', name: 'autre programme', met: compose(db('    command: postgres -c fsync=on\n')), unmet: compose(db('    command: pg_ctl -c fsync=on\n')) },
  { objective: 'init-en-lecture-seule', met: init('./db/init/:/docker-entrypoint-initdb.d/:ro'), unmet: init('./db/init:/docker-entrypoint-initdb.d') },
  { objective: 'init-en-lecture-seule', name: 'autre cible', met: init('./db/init:/docker-entrypoint-initdb.d:ro'), unmet: init('./db/init:/initdb:ro') },
  { objective: 'init-en-lecture-seule', name: 'autre dossier', met: init('./db/init:/docker-entrypoint-initdb.d:ro'), unmet: init('./init:/docker-entrypoint-initdb.d:ro') },
  { objective: 'backup-pg-dump', met: compose(db('') + backup(dumps)), unmet: compose(db('') + backup(dumps, 'postgres:16-alpine')) },
  { objective: 'backup-pg-dump', name: 'base d’une autre version', met: compose(db('') + backup(dumps)), unmet: compose(db('', 'postgres:16-alpine') + backup(dumps)) },
  { objective: 'backup-pg-dump', name: 'sauvegardes dans un volume', met: compose(db('') + backup(dumps)), unmet: compose(db('') + backup('    volumes:\n      - backups:/backups\n')) },
  { objective: 'backup-attend-db', met: compose(db('') + backup(waits('service_healthy', required))), unmet: compose(db('') + backup(waits('service_started', required))) },
  { objective: 'backup-attend-db', name: 'mot de passe en clair', met: compose(db('') + backup(waits('service_healthy', required))), unmet: compose(db('') + backup(waits('service_healthy', 'secret'))) },
]);
