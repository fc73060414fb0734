import { testObjectives } from './objective-tester.ts';

const compose = (services: string) => ({ 'compose.yaml': `services:\n${services}` });
const db = (test: string, networks = '[backend]') =>
  `  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ${test}\n    networks: ${networks}\n`;
const waits = (service: string, dependency: string, condition: string) =>
  `  ${service}:\n    image: nginx:1.30-alpine\n    depends_on:\n      ${dependency}:\n        condition: ${condition}\n`;
const pgReady = '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}"]';

testObjectives('06-architecture-trois-couches', [
  { objective: 'db-healthcheck-variables', met: compose(db(pgReady)), unmet: compose(db('["CMD-SHELL", "pg_isready -U ${POSTGRES_USER:-app} -d app"]')) },
  { objective: 'db-healthcheck-variables', name: 'sans pg_isready', met: compose(db(pgReady)), unmet: compose(db(pgReady.replace('pg_isready', 'psql'))) },
  { objective: 'api-attend-db-saine', met: compose(waits('api', 'db', 'service_healthy')), unmet: compose(waits('api', 'db', 'service_started')) },
  { objective: 'api-attend-db-saine', name: 'attend un autre service', met: compose(waits('api', 'db', 'service_healthy')), unmet: compose(waits('api', 'cache', 'service_healthy')) },
  {
    objective: 'api-healthcheck',
    met: compose('  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://127.0.0.1:3000/health"]\n'),
    unmet: compose('  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://127.0.0.1:3000/health"]\n'),
  },
  { objective: 'client-attend-api-saine', met: compose(waits('client', 'api', 'service_healthy')), unmet: compose(waits('client', 'api', 'service_started')) },
  { objective: 'db-seulement-backend', met: compose(db(pgReady)), unmet: compose(db(pgReady, '[backend, frontend]')) },
  { objective: 'db-seulement-backend', name: 'réseau par défaut', met: compose(db(pgReady)), unmet: compose(db(pgReady, '[default]')) },
  {
    objective: 'db-healthcheck-variables',
    name: 'variables sans accolades',
    met: compose(db('["CMD-SHELL", "pg_isready -U $$POSTGRES_USER -d $$POSTGRES_DB"]')),
    unmet: compose(db('["CMD-SHELL", "pg_isready -U $$POSTGRES_USER -d app"]')),
  },
  {
    objective: 'api-attend-db-saine',
    name: 'deux dépendances',
    met: compose('  api:\n    image: node:22-alpine\n    depends_on:\n      cache:\n        condition: service_started\n      db:\n        condition: service_healthy\n'),
    unmet: compose('  api:\n    image: node:22-alpine\n    depends_on:\n      cache:\n        condition: service_healthy\n      db:\n        condition: service_started\n'),
  },
]);
