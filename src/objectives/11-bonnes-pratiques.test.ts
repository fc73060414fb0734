import { testObjectives } from './objective-tester.ts';

const compose = (services: string, head = '') => ({ 'compose.yaml': `${head}services:\n${services}` });
const required = (name: string) => `\${${name}:?définissez ${name} dans .env}`;
const IMAGES: Record<string, string> = {
  proxy: 'nginx:1.30-alpine',
  client: 'nginx:1.30-alpine',
  db: 'postgres:17-alpine',
  cache: 'redis:8-alpine',
  backup: 'postgres:17-alpine',
};
const pinned = (extra: Record<string, string> = {}) =>
  Object.entries(IMAGES)
    .map(([name, image]) => `  ${name}:\n    image: ${image}\n${extra[name] ?? ''}`)
    .join('') + `  api:\n    build: ./api\n${extra['api'] ?? ''}`;
const secrets = (dbPassword: string) =>
  `  db:\n    environment:\n      POSTGRES_PASSWORD: ${dbPassword}\n` +
  `  api:\n    environment:\n      PGPASSWORD: ${required('POSTGRES_PASSWORD')}\n      REDIS_PASSWORD: ${required('REDIS_PASSWORD')}\n` +
  `  cache:\n    environment:\n      REDIS_PASSWORD: ${required('REDIS_PASSWORD')}\n`;
const networks = (proxyPorts: string, extra = '') =>
  `  proxy:\n    ports:\n${proxyPorts}    networks: [frontend]\n  db:\n    networks: [backend]\n  cache:\n    networks: [backend]\n${extra}`;
const ports = '      - "${HTTP_PORT:-8080}:80"\n      - "${HTTPS_PORT:-8443}:443"\n';
const health = (apiTest: string, condition = 'service_healthy') =>
  `  api:\n    healthcheck:\n      test: ${apiTest}\n    depends_on:\n      db:\n        condition: ${condition}\n` +
  '  cache:\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli -a \\"$${REDIS_PASSWORD}\\" ping"]\n';
const wget = '["CMD", "wget", "-qO-", "http://127.0.0.1:3000/health"]';
const LOGGING = 'x-logging: &logs\n  driver: json-file\n  options:\n    max-size: "10m"\n    max-file: "3"\n';
const operations = (backupBody: string, apiRestart = 'unless-stopped') =>
  compose(
    `  api:\n    build: ./api\n    restart: ${apiRestart}\n    logging: *logs\n` +
      `  migrate:\n    build: ./api\n    logging: *logs\n` +
      `  backup:\n    image: postgres:17-alpine\n    restart: unless-stopped\n    logging: *logs\n${backupBody}`,
    LOGGING,
  );
const dump = '    command: ["sh", "-c", "pg_dump -h db -U app app > /backups/app.sql"]\n    volumes:\n      - ./backups:/backups\n';

testObjectives('11-bonnes-pratiques', [
  { objective: 'fichier-et-images', met: compose(pinned()), unmet: compose(pinned(), 'version: "3.8"\n') },
  { objective: 'fichier-et-images', name: 'container_name', met: compose(pinned()), unmet: compose(pinned({ db: '    container_name: db\n' })) },
  { objective: 'fichier-et-images', name: 'image latest', met: compose(pinned()), unmet: compose(pinned().replace('redis:8-alpine', 'redis:latest')) },
  { objective: 'fichier-et-images', name: 'image en plus de build', met: compose(pinned()), unmet: compose(pinned({ api: '    image: node:16-alpine\n' })) },
  { objective: 'fichier-et-images', name: 'API sans build', met: compose(pinned()), unmet: compose(pinned().replace('  api:\n    build: ./api\n', '  api:\n    image: atelier/api:1.0\n')) },
  { objective: 'secrets-hors-fichier', met: compose(secrets(required('POSTGRES_PASSWORD'))), unmet: compose(secrets('secret123')) },
  {
    objective: 'secrets-hors-fichier',
    name: 'mot de passe en clair ailleurs dans le fichier',
    met: compose(secrets(required('POSTGRES_PASSWORD'))),
    unmet: compose(`${secrets(required('POSTGRES_PASSWORD'))}  worker:\n    command: redis-cli -a redispass ping\n`),
  },
  { objective: 'reseaux-et-ports', met: compose(networks(ports)), unmet: compose(networks('      - "80:80"\n      - "443:443"\n')) },
  { objective: 'reseaux-et-ports', name: 'base publiée', met: compose(networks(ports)), unmet: compose(networks(ports, '  api:\n    ports: ["3000:3000"]\n')) },
  { objective: 'reseaux-et-ports', name: 'cache sur deux réseaux', met: compose(networks(ports)), unmet: compose(networks(ports).replace('  cache:\n    networks: [backend]', '  cache:\n    networks: [backend, frontend]')) },
  { objective: 'sante-et-dependances', met: compose(health(wget)), unmet: compose(health(wget, 'service_started')) },
  { objective: 'sante-et-dependances', name: 'curl dans l’API', met: compose(health(wget)), unmet: compose(health('["CMD", "curl", "-f", "http://127.0.0.1:3000/health"]')) },
  {
    objective: 'sante-et-dependances',
    name: 'aucune dépendance',
    met: compose(health(wget)),
    unmet: compose(health(wget).replace('    depends_on:\n      db:\n        condition: service_healthy\n', '')),
  },
  { objective: 'exploitation', met: operations(dump), unmet: operations(dump, 'always') },
  { objective: 'exploitation', name: 'tar du dossier de la base', met: operations(dump), unmet: operations('    command: tar czf /backups/db.tgz /var/lib/postgresql/data\n    volumes:\n      - db-data:/var/lib/postgresql/data\n') },
  {
    objective: 'exploitation',
    name: 'image de sauvegarde sans pg_dump',
    met: operations(dump),
    unmet: { 'compose.yaml': operations(dump)['compose.yaml'].replace('  backup:\n    image: postgres:17-alpine', '  backup:\n    image: alpine:3.22') },
  },
  {
    objective: 'exploitation',
    name: 'logs sans rotation',
    met: operations(dump),
    unmet: { 'compose.yaml': operations(dump)['compose.yaml'].replace('  migrate:\n    build: ./api\n    logging: *logs\n', '  migrate:\n    build: ./api\n') },
  },
]);
