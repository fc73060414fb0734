// Chapter 09: a one-shot `migrate` service runs this before the API starts.
// Each file of migrations/ is applied once, in name order, inside its own
// transaction, and recorded in schema_migrations. It connects as the schema
// owner; the API itself runs as a role that cannot change the schema.
import './secrets.js';
import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';

const dir = new URL('../migrations/', import.meta.url);
// Any constant: it only makes two concurrent runs wait for each other.
const LOCK_ID = 424242;

const client = new pg.Client({ connectionTimeoutMillis: 5000 });
await client.connect();
try {
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name       text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query('SELECT name FROM schema_migrations');
  const applied = new Set(rows.map((row) => row.name));
  const files = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  for (const name of files) {
    if (applied.has(name)) continue;
    const sql = await readFile(new URL(name, dir), 'utf8');
    await client.query('BEGIN');
    try {
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      await client.query('COMMIT');
      console.log(`migrate: applied ${name}`);
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`migration ${name} failed: ${error.message}`, { cause: error });
    }
  }
  console.log(`migrate: schema up to date (${files.length} migration(s))`);
} finally {
  await client.end();
}
