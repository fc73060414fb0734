import { pool } from '../db.js';

// Chapter 09: SQL lives in repositories, routes only speak HTTP. Every query
// is parameterised ($1, $2): values never become SQL text.
const COLUMNS = 'id, username, email, created_at, updated_at';

export async function listUsers() {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM users ORDER BY id`);
  return rows;
}

export async function findUser(id) {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function createUser({ username, email }) {
  const { rows } = await pool.query(
    `INSERT INTO users (username, email) VALUES ($1, $2) RETURNING ${COLUMNS}`,
    [username, email],
  );
  return rows[0];
}

export async function updateUser(id, { username, email }) {
  const { rows } = await pool.query(
    `UPDATE users SET username = $1, email = $2, updated_at = now() WHERE id = $3 RETURNING ${COLUMNS}`,
    [username, email, id],
  );
  return rows[0] ?? null;
}

export async function deleteUser(id) {
  const { rowCount } = await pool.query('DELETE FROM users WHERE id = $1', [id]);
  return rowCount > 0;
}
