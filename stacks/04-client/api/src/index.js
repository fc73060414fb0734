// Atelier Compose API. Chapter 02 introduces it (users on PostgreSQL),
// chapter 05 adds the Redis cache (src/cache.js, optional: no REDIS_URL, no cache),
// chapter 06 relies on /health for `depends_on: condition: service_healthy`.
import express from 'express';
import { pingDatabase, pool } from './db.js';
import { closeCache, pingCache } from './cache.js';
import { users } from './routes/users.js';

const port = Number(process.env.API_PORT ?? 3000);
const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '100kb' }));

// 200 while the database answers, even without Redis (the API still works,
// only slower): 'degraded' tells monitoring without making Docker restart us.
// Also under /api/health, because behind a proxy `/health` is the proxy's own.
app.get(['/health', '/api/health'], async (req, res) => {
  const [db, cache] = await Promise.all([pingDatabase(), pingCache()]);
  const status = db === 'ok' && cache !== 'down' ? 'ok' : 'degraded';
  res.status(db === 'ok' ? 200 : 503).json({ status, db, cache });
});

app.use('/api/users', users);

app.use((req, res) => {
  res.status(404).json({ error: 'Route inconnue.' });
});

// Express 5 forwards rejected promises from async handlers here.
app.use((error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.parse.failed') return res.status(400).json({ error: 'JSON invalide.' });
  // SQLSTATE codes a client's input can cause: 23505 unique, 23514 check.
  if (error.code === '23505') return res.status(409).json({ error: 'Cette valeur existe déjà.' });
  if (error.code === '23514') return res.status(400).json({ error: 'Valeur refusée par une contrainte.' });
  console.error(error);
  res.status(500).json({ error: 'Erreur interne.' });
});

const server = app.listen(port, () => {
  console.log(`api: listening on port ${port}`);
});

// `docker compose stop` sends SIGTERM, then SIGKILL after 10 s: finish the
// requests in flight, close the pools, and exit before that.
async function shutdown(signal) {
  console.log(`api: ${signal} received, shutting down`);
  server.close();
  server.closeIdleConnections();
  await Promise.allSettled([pool.end(), closeCache()]);
  process.exit(0);
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
