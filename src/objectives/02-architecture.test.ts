import { testObjectives } from './objective-tester.ts';

const compose = (services: string, tail = '') => `services:\n${services}${tail}`;
const api = (environment: string) => `  api:\n    build: ./api\n    environment:\n${environment}`;
const db = (body: string) => `  db:\n    image: postgres:17-alpine\n${body}`;
const required = '${POSTGRES_PASSWORD:?à définir dans .env}';

testObjectives('02-architecture', [
  {
    objective: 'api-joint-db-par-son-nom',
    met: { 'compose.yaml': compose(api('      PGHOST: db\n')) },
    unmet: { 'compose.yaml': compose(api('      PGHOST: localhost\n')) },
  },
  {
    objective: 'db-non-publiee',
    met: { 'compose.yaml': compose(db('    expose:\n      - "5432"\n')) },
    unmet: { 'compose.yaml': compose(db('    ports:\n      - "5432:5432"\n')) },
  },
  {
    objective: 'db-non-publiee',
    name: 'port de l’hôte choisi au hasard',
    met: { 'compose.yaml': compose(db('    expose:\n      - "5432"\n')) },
    unmet: { 'compose.yaml': compose(db('    ports:\n      - "5432"\n')) },
  },
  {
    objective: 'db-non-publiee',
    name: 'sans service db',
    met: { 'compose.yaml': compose(db('')) },
    unmet: { 'compose.yaml': compose(api('      PGHOST: db\n')) },
  },
  {
    objective: 'volume-nomme-db',
    met: { 'compose.yaml': compose(db('    volumes:\n      - db-data:/var/lib/postgresql/data/\n'), 'volumes:\n  db-data:\n') },
    unmet: { 'compose.yaml': compose(db('    volumes:\n      - db-data:/var/lib/postgresql/data\n')) },
  },
  {
    objective: 'volume-nomme-db',
    name: 'dossier de l’hôte',
    met: { 'compose.yaml': compose(db('    volumes:\n      - db-data:/var/lib/postgresql/data\n'), 'volumes:\n  db-data:\n') },
    unmet: { 'compose.yaml': compose(db('    volumes:\n      - ./data:/var/lib/postgresql/data\n'), 'volumes:\n  db-data:\n') },
  },
  {
    objective: 'image-postgres-maintenue',
    met: { 'compose.yaml': compose(db('')) },
    unmet: { 'compose.yaml': compose('  db:\n    image: postgres:14\n') },
  },
  {
    objective: 'mot-de-passe-dans-env',
    met: {
      'compose.yaml': compose(`${api(`      PGPASSWORD: ${required}\n`)}${db(`    environment:\n      POSTGRES_PASSWORD: ${required}\n`)}`),
      '.env': 'POSTGRES_PASSWORD=change-moi\n',
    },
    unmet: {
      'compose.yaml': compose(`${api(`      PGPASSWORD: ${required}\n`)}${db(`    environment:\n      POSTGRES_PASSWORD: ${required}\n`)}`),
      '.env': 'POSTGRES_PASSWORD=\n',
    },
  },
  {
    objective: 'mot-de-passe-dans-env',
    name: 'l’API garde le mot de passe en clair',
    met: {
      'compose.yaml': compose(`${api(`      PGPASSWORD: ${required}\n`)}${db(`    environment:\n      POSTGRES_PASSWORD: ${required}\n`)}`),
      '.env': 'POSTGRES_PASSWORD=change-moi\n',
    },
    unmet: {
      'compose.yaml': compose(`${api('      PGPASSWORD: change-moi\n')}${db(`    environment:\n      POSTGRES_PASSWORD: ${required}\n`)}`),
      '.env': 'POSTGRES_PASSWORD=change-moi\n',
    },
  },
  {
    objective: 'mot-de-passe-dans-env',
    name: 'la base garde le mot de passe en clair',
    met: {
      'compose.yaml': compose(`${api(`      PGPASSWORD: ${required}\n`)}${db(`    environment:\n      POSTGRES_PASSWORD: ${required}\n`)}`),
      '.env': 'POSTGRES_PASSWORD=change-moi\n',
    },
    unmet: {
      'compose.yaml': compose(`${api(`      PGPASSWORD: ${required}\n`)}${db('    environment:\n      POSTGRES_PASSWORD: change-moi\n')}`),
      '.env': 'POSTGRES_PASSWORD=change-moi\n',
    },
  },
]);
