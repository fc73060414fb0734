import { Router } from 'express';
import { pool } from '../db.js';
import { cacheDelete, cacheGet, cacheSet } from '../cache.js';

// Users CRUD. Every query is parameterised ($1, $2): values never become SQL text.
// Reads are cache-aside: look in Redis, else read PostgreSQL and fill Redis.
// The X-Cache header shows which path answered (HIT, MISS).
export const users = Router();

const LIST_KEY = 'users:all';
const TTL_SECONDS = 30;
const COLUMNS = 'id, username, email, created_at';

function parseId(text) {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function parseUser(body) {
  const username = typeof body?.username === 'string' ? body.username.trim() : '';
  const email = typeof body?.email === 'string' ? body.email.trim() : '';
  if (username.length < 1 || username.length > 50) return { error: 'username : 1 à 50 caractères.' };
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 100) return { error: 'email invalide.' };
  return { username, email };
}

users.get('/', async (req, res) => {
  const cached = await cacheGet(LIST_KEY);
  if (cached) return res.set('X-Cache', 'HIT').json(cached);
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM users ORDER BY id`);
  await cacheSet(LIST_KEY, rows, TTL_SECONDS);
  res.set('X-Cache', 'MISS').json(rows);
});

users.get('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  const key = `users:${id}`;
  const cached = await cacheGet(key);
  if (cached) return res.set('X-Cache', 'HIT').json(cached);
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  if (rows.length === 0) return res.status(404).json({ error: 'Utilisateur introuvable.' });
  await cacheSet(key, rows[0], TTL_SECONDS);
  res.set('X-Cache', 'MISS').json(rows[0]);
});

users.post('/', async (req, res) => {
  const input = parseUser(req.body);
  if (input.error) return res.status(400).json({ error: input.error });
  const { rows } = await pool.query(
    `INSERT INTO users (username, email) VALUES ($1, $2) RETURNING ${COLUMNS}`,
    [input.username, input.email],
  );
  await cacheDelete(LIST_KEY);
  res.status(201).location(`/api/users/${rows[0].id}`).json(rows[0]);
});

users.put('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  const input = parseUser(req.body);
  if (input.error) return res.status(400).json({ error: input.error });
  const { rows } = await pool.query(
    `UPDATE users SET username = $1, email = $2 WHERE id = $3 RETURNING ${COLUMNS}`,
    [input.username, input.email, id],
  );
  if (rows.length === 0) return res.status(404).json({ error: 'Utilisateur introuvable.' });
  await cacheDelete(LIST_KEY, `users:${id}`);
  res.json(rows[0]);
});

users.delete('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  const { rowCount } = await pool.query('DELETE FROM users WHERE id = $1', [id]);
  if (rowCount === 0) return res.status(404).json({ error: 'Utilisateur introuvable.' });
  await cacheDelete(LIST_KEY, `users:${id}`);
  res.status(204).end();
});
