import pg from 'pg';

// pg reads PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE from the
// environment, so the password never has to be URL-encoded into a
// DATABASE_URL. Timeouts keep a stuck database from hanging requests.
export const pool = new pg.Pool({
  max: 10,
  connectionTimeoutMillis: 3000,
  idleTimeoutMillis: 30000,
  statement_timeout: 5000,
});

// An idle client losing its connection (database restart) must not crash the process.
pool.on('error', (error) => {
  console.error('postgres: idle client error:', error.message);
});

export async function pingDatabase() {
  try {
    await pool.query('SELECT 1');
    return 'ok';
  } catch {
    return 'down';
  }
}
