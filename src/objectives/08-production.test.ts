import { testObjectives } from './objective-tester.ts';

const LOGGING = 'x-logging: &logs\n  driver: json-file\n  options:\n    max-size: "10m"\n    max-file: "3"\n';
const compose = (services: string, head = '') => ({ 'compose.yaml': `${head}services:\n${services}` });
const service = (name: string, body: string) => `  ${name}:\n    image: nginx:1.30-alpine\n${body}`;
const required = (name: string) => `\${${name}:?définissez ${name} dans .env}`;
const secrets = (dbPassword: string) =>
  service('db', `    environment:\n      POSTGRES_PASSWORD: ${dbPassword}\n`) +
  service('api', `    environment:\n      PGPASSWORD: ${required('POSTGRES_PASSWORD')}\n      REDIS_PASSWORD: ${required('REDIS_PASSWORD')}\n`) +
  service('cache', `    environment:\n      REDIS_PASSWORD: ${required('REDIS_PASSWORD')}\n`);
const healthchecks = (apiTest: string, cacheTest: string) =>
  service('api', `    healthcheck:\n      test: ${apiTest}\n`) + service('cache', `    healthcheck:\n      test: ${cacheTest}\n`);
const wget = '["CMD", "wget", "-qO-", "http://127.0.0.1:3000/health"]';
const ping = '["CMD-SHELL", "redis-cli -a \\"$${REDIS_PASSWORD}\\" --no-auth-warning ping"]';
const WATCH = '    develop:\n      watch:\n        - action: sync\n          path: ./api/src\n          target: /app/src\n';
const override = (dbPort: string, api = WATCH, db = '') => ({
  'compose.yaml': compose(service('api', '') + service('db', db))['compose.yaml'],
  'compose.override.yaml': `services:\n  db:\n    ports:\n      - "${dbPort}"\n  api:\n${api}`,
});
const INTERNAL = '    networks: [backend]\n';
const INTERNAL_NETWORK = 'networks:\n  backend:\n    internal: true\n';

testObjectives('08-production', [
  {
    objective: 'restart-unless-stopped',
    met: compose(service('api', '    restart: unless-stopped\n') + service('certs', '    restart: "no"\n')),
    unmet: compose(service('api', '    restart: always\n') + service('certs', '    restart: "no"\n')),
  },
  {
    objective: 'restart-unless-stopped',
    name: 'le service ponctuel redémarre',
    met: compose(service('api', '    restart: unless-stopped\n') + service('certs', '')),
    unmet: compose(service('api', '    restart: unless-stopped\n') + service('certs', '    restart: unless-stopped\n')),
  },
  { objective: 'restart-unless-stopped', name: 'aucun service', met: compose(service('api', '    restart: unless-stopped\n')), unmet: { 'compose.yaml': 'services: {}\n' } },
  {
    objective: 'rotation-des-logs',
    met: compose(service('api', '    logging: *logs\n') + service('db', '    logging: *logs\n'), LOGGING),
    unmet: compose(service('api', '    logging: *logs\n') + service('db', ''), LOGGING),
  },
  {
    objective: 'rotation-des-logs',
    name: 'sans extension partagée',
    met: compose(service('api', '    logging: *logs\n'), LOGGING),
    unmet: compose(service('api', '    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n')),
  },
  {
    objective: 'rotation-des-logs',
    name: 'taille sans nombre de fichiers',
    met: compose(service('api', '    logging: *logs\n'), LOGGING),
    unmet: compose(service('api', '    logging: *logs\n'), LOGGING.replace('    max-file: "3"\n', '')),
  },
  { objective: 'secrets-depuis-env', met: compose(secrets(required('POSTGRES_PASSWORD'))), unmet: compose(secrets('securepass')) },
  {
    objective: 'secrets-depuis-env',
    name: 'mot de passe en clair dans un autre fichier',
    met: compose(secrets(required('POSTGRES_PASSWORD'))),
    unmet: { ...compose(secrets(required('POSTGRES_PASSWORD'))), 'compose.override.yaml': 'services:\n  cache:\n    command: redis-server --requirepass redispass\n' },
  },
  {
    objective: 'secrets-depuis-env',
    name: 'Redis sans mot de passe',
    met: compose(secrets(required('POSTGRES_PASSWORD'))),
    unmet: compose(secrets(required('POSTGRES_PASSWORD')).replace(`  cache:\n    image: nginx:1.30-alpine\n    environment:\n      REDIS_PASSWORD: ${required('REDIS_PASSWORD')}\n`, '')),
  },
  { objective: 'healthchecks-fonctionnels', met: compose(healthchecks(wget, ping)), unmet: compose(healthchecks(wget, '["CMD", "redis-cli", "ping"]')) },
  {
    objective: 'healthchecks-fonctionnels',
    name: 'curl dans l’API',
    met: compose(healthchecks(wget, ping)),
    unmet: compose(healthchecks('["CMD", "curl", "-f", "http://127.0.0.1:3000/health"]', ping)),
  },
  { objective: 'override-db-locale', met: override('127.0.0.1:5432:5432'), unmet: override('5432:5432') },
  {
    objective: 'override-db-locale',
    name: 'code monté dans l’API',
    met: override('127.0.0.1:5432:5432'),
    unmet: override('127.0.0.1:5432:5432', `    volumes:\n      - ./api/src:/app/src\n${WATCH}`),
  },
  {
    objective: 'override-db-locale',
    name: 'code monté dans l’API ailleurs que dans /app/src',
    met: override('127.0.0.1:5432:5432'),
    unmet: override('127.0.0.1:5432:5432', `    volumes:\n      - ./api/src:/srv/src\n${WATCH}`),
  },
  {
    objective: 'override-db-locale',
    name: 'un volume nommé sur /app/src',
    met: override('127.0.0.1:5432:5432'),
    unmet: override('127.0.0.1:5432:5432', `    volumes:\n      - sources:/app/src\n${WATCH}`),
  },
  {
    objective: 'override-db-locale',
    name: 'sources sans develop.watch',
    met: override('127.0.0.1:5432:5432'),
    unmet: override('127.0.0.1:5432:5432', '    environment:\n      NODE_ENV: development\n'),
  },
  {
    objective: 'override-db-locale',
    name: 'base sur un réseau interne seulement, où Docker ne publie rien',
    met: {
      'compose.yaml': `${compose(service('api', '') + service('db', INTERNAL))['compose.yaml']}${INTERNAL_NETWORK}`,
      'compose.override.yaml': `services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n    networks: [backend, poste-dev]\n  api:\n${WATCH}networks:\n  poste-dev:\n`,
    },
    unmet: {
      'compose.yaml': `${compose(service('api', '') + service('db', INTERNAL))['compose.yaml']}${INTERNAL_NETWORK}`,
      'compose.override.yaml': `services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n  api:\n${WATCH}`,
    },
  },
  {
    objective: 'override-db-locale',
    name: 'port publié dans le fichier principal',
    met: override('127.0.0.1:5432:5432'),
    unmet: { 'compose.yaml': compose(service('api', '') + service('db', '    ports:\n      - "127.0.0.1:5432:5432"\n'))['compose.yaml'] },
  },
]);
