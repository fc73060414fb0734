// Users API: Express 5 (ESM), PostgreSQL through pg, optional Redis cache.
import express from 'express';
import pg from 'pg';
import { createClient } from 'redis';

const port = Number(process.env.API_PORT ?? 3000);

// pg reads PGHOST, PGUSER, PGPASSWORD and PGDATABASE itself: no password to
// URL-encode into a connection string.
const pool = new pg.Pool({ max: 10, connectionTimeoutMillis: 2000 });
pool.on('error', (error) => console.error('postgres:', error.message));

// The cache is optional: without REDIS_URL the API runs on PostgreSQL alone.
const cache = process.env.REDIS_URL
  ? createClient({
      url: process.env.REDIS_URL,
      password: process.env.REDIS_PASSWORD,
      // Fail at once while disconnected instead of queueing until Redis returns.
      disableOfflineQueue: true,
    })
  : undefined;
cache?.on('error', (error) => console.error('redis:', error.message));
cache?.connect().catch(() => {});

async function ping(check) {
  try {
    await check();
    return 'ok';
  } catch {
    return 'down';
  }
}

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '100kb' }));

// 503 when the database is unreachable, so Docker marks the container unhealthy;
// Redis down only degrades the answer, since every request still works without it.
app.get('/health', async (req, res) => {
  const db = await ping(() => pool.query('SELECT 1'));
  const redis = cache ? await ping(() => cache.ping()) : 'disabled';
  const status = db === 'ok' && redis !== 'down' ? 'ok' : 'degraded';
  res.status(db === 'ok' ? 200 : 503).json({ status, db, cache: redis });
});

app.get('/api/users', async (req, res) => {
  const { rows } = await pool.query('SELECT id, username, email, created_at FROM users ORDER BY id');
  res.json(rows);
});

app.post('/api/users', async (req, res) => {
  const { username, email } = req.body ?? {};
  if (typeof username !== 'string' || typeof email !== 'string' || !email.includes('@')) {
    return res.status(400).json({ error: 'username et email sont obligatoires.' });
  }
  const { rows } = await pool.query(
    'INSERT INTO users (username, email) VALUES ($1, $2) RETURNING id, username, email, created_at',
    [username.trim(), email.trim()],
  );
  res.status(201).json(rows[0]);
});

// Express 5 sends rejected promises of async handlers here. The details go to
// the logs, never to the client (they can reveal table names or hosts).
app.use((error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.parse.failed') return res.status(400).json({ error: 'JSON invalide.' });
  console.error(error);
  res.status(500).json({ error: 'Erreur interne.' });
});

const server = app.listen(port, () => console.log(`api: listening on port ${port}`));

// `docker compose stop` sends SIGTERM, then SIGKILL 10 s later: finish the
// requests in flight and close the connections before that.
async function shutdown() {
  server.close();
  await Promise.allSettled([pool.end(), cache?.close()]);
  process.exit(0);
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
