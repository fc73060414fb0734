import { testObjectives } from './objective-tester.ts';

const ENV = 'POSTGRES_USER=app\nPOSTGRES_DB=app\nPOSTGRES_PASSWORD=change-moi\nREDIS_PASSWORD=change-moi-aussi\n';
const compose = (services: string, head = '') => ({ 'compose.yaml': `${head}services:\n${services}` });
const api = (body: string) => `  api:\n${body}`;
const PERMANENT = ['proxy', 'client', 'api', 'db', 'cache'];
const healthy = (skip = '', condition = 'service_healthy') =>
  PERMANENT.filter((name) => name !== skip)
    .map((name) => `  ${name}:\n    image: nginx:1.30-alpine\n    healthcheck:\n      test: ["CMD", "true"]\n`)
    .join('')
    .replace('  proxy:\n    image: nginx:1.30-alpine\n', `  proxy:\n    image: nginx:1.30-alpine\n    depends_on:\n      client:\n        condition: ${condition}\n`);

testObjectives('10-commandes', [
  { objective: 'env-complet', met: { '.env': ENV }, unmet: { '.env': ENV.replace('REDIS_PASSWORD=change-moi-aussi\n', '') } },
  { objective: 'env-complet', name: 'valeur vide', met: { '.env': ENV }, unmet: { '.env': ENV.replace('POSTGRES_DB=app', 'POSTGRES_DB=') } },
  { objective: 'sans-version', met: compose(api('    build: ./api\n')), unmet: compose(api('    build: ./api\n'), 'version: "3.8"\n') },
  { objective: 'nom-de-projet', met: compose(api('    build: ./api\n'), 'name: atelier\n'), unmet: compose(api('    build: ./api\n'), 'name: mon-projet\n') },
  { objective: 'image-api-construite', met: compose(api('    build: ./api\n    image: atelier/api:1.0\n')), unmet: compose(api('    build: ./api\n    image: node:16-alpine\n')) },
  { objective: 'image-api-construite', name: 'sans build', met: compose(api('    build: ./api\n')), unmet: compose(api('    image: atelier/api:1.0\n')) },
  { objective: 'healthchecks-pour-wait', met: compose(healthy()), unmet: compose(healthy('cache') + '  cache:\n    image: redis:8-alpine\n') },
  { objective: 'healthchecks-pour-wait', name: 'le proxy n’attend pas le client sain', met: compose(healthy()), unmet: compose(healthy('', 'service_started')) },
]);
