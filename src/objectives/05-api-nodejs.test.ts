import { testObjectives } from './objective-tester.ts';

const API = 'api/src/index.js';
const api = (body: string) => ({ 'compose.yaml': `services:\n  api:\n    build: ./api\n${body}` });
const pg = (password: string, extra = '') =>
  `    environment:\n      PGHOST: db\n      PGUSER: app\n      PGPASSWORD: ${password}\n      PGDATABASE: app\n${extra}`;
const required = '${POSTGRES_PASSWORD:?définissez POSTGRES_PASSWORD}';
const wget = '    environment:\n      API_PORT: 3000\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://127.0.0.1:3000/health"]\n';
const health = (status: string) =>
  `app.get('/health', async (req, res) => {\n  const ok = await pool.query('SELECT 1').then(() => true, () => false);\n  res.status(ok ? 200 : ${status}).end();\n});\n`;
const stackHealth =
  "app.get(['/health', '/api/health'], async (req, res) => {\n  const db = await pingDatabase();\n  res.status(db === 'ok' ? 200 : 503).json({ db });\n});\n";
const shutdown = (body: string) => `process.once('SIGTERM', async () => {\n${body}});\n`;

testObjectives('05-api-nodejs', [
  { objective: 'connexion-pg-par-variables', met: api(pg(required)), unmet: api(pg('secret')) },
  {
    objective: 'connexion-pg-par-variables',
    name: 'DATABASE_URL en plus',
    met: api(pg(required)),
    unmet: api(pg(required, '      DATABASE_URL: postgres://app@db/app\n')),
  },
  { objective: 'connexion-pg-par-variables', name: 'PGHOST manquant', met: api(pg(required)), unmet: api(pg(required).replace('      PGHOST: db\n', '')) },
  { objective: 'healthcheck-wget-3000', met: api(wget), unmet: api(wget.replace('wget", "-qO-', 'curl", "-f')) },
  { objective: 'healthcheck-wget-3000', name: 'autre port', met: api(wget), unmet: api(wget.replace('API_PORT: 3000', 'API_PORT: 8080')) },
  {
    objective: 'sans-montages-de-dev',
    met: api('    volumes:\n      - ./api/uploads:/app/uploads\n'),
    unmet: api('    volumes:\n      - ./api/src:/app/src\n'),
  },
  { objective: 'sans-montages-de-dev', name: 'node_modules monté', met: api(''), unmet: api('    volumes:\n      - /app/node_modules\n') },
  { objective: 'health-interroge-la-base', met: { [API]: health('503') }, unmet: { [API]: health('500') } },
  {
    objective: 'health-interroge-la-base',
    name: 'requête en commentaire',
    met: { [API]: health('503') },
    unmet: { [API]: health('503').replace("pool.query('SELECT 1')", "Promise.resolve() /* pool.query('SELECT 1') */") },
  },
  {
    objective: 'health-interroge-la-base',
    name: 'pingDatabase() de db.js, sur /health et /api/health',
    met: { [API]: `import { pingDatabase } from './db.js';\n${stackHealth}` },
    unmet: { [API]: `import { pingDatabase } from './health.js';\n${stackHealth}` },
  },
  {
    objective: 'health-interroge-la-base',
    name: 'pingDatabase() sans 503',
    met: { [API]: `import { pingDatabase } from './db.js';\n${stackHealth}` },
    unmet: { [API]: `import { pingDatabase } from './db.js';\n${stackHealth.replace('503', '500')}` },
  },
  {
    objective: 'arret-sur-sigterm',
    met: { [API]: shutdown('  server.close();\n  await pool.end();\n') },
    unmet: { [API]: shutdown('  server.close();\n') },
  },
  {
    objective: 'arret-sur-sigterm',
    name: 'SIGINT seulement',
    met: { [API]: shutdown('  server.close();\n  await pool.end();\n') },
    unmet: { [API]: shutdown('  server.close();\n  await pool.end();\n').replace('SIGTERM', 'SIGINT') },
  },
  {
    objective: 'arret-sur-sigterm',
    name: 'écoute en commentaire',
    met: { [API]: shutdown('  server.close();\n  await pool.end();\n') },
    unmet: { [API]: `// ${shutdown('  server.close();\n  await pool.end();\n').replaceAll('\n', ' ')}\n` },
  },
]);
