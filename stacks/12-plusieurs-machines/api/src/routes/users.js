import { Router } from 'express';
import { cacheDelete, cacheGet, cacheSet } from '../cache.js';
import { createUser, deleteUser, findUser, listUsers, updateUser } from '../repositories/users.js';
import { parseId } from './parse.js';

// Cache-aside reads: Redis first, else PostgreSQL then fill Redis.
// X-Cache tells which one answered (HIT or MISS).
export const users = Router();

const LIST_KEY = 'users:all';
const TTL_SECONDS = 30;

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
  const rows = await listUsers();
  await cacheSet(LIST_KEY, rows, TTL_SECONDS);
  res.set('X-Cache', 'MISS').json(rows);
});

users.get('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  const key = `users:${id}`;
  const cached = await cacheGet(key);
  if (cached) return res.set('X-Cache', 'HIT').json(cached);
  const user = await findUser(id);
  if (!user) return res.status(404).json({ error: 'Utilisateur introuvable.' });
  await cacheSet(key, user, TTL_SECONDS);
  res.set('X-Cache', 'MISS').json(user);
});

users.post('/', async (req, res) => {
  const input = parseUser(req.body);
  if (input.error) return res.status(400).json({ error: input.error });
  const user = await createUser(input);
  await cacheDelete(LIST_KEY);
  res.status(201).location(`/api/users/${user.id}`).json(user);
});

users.put('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  const input = parseUser(req.body);
  if (input.error) return res.status(400).json({ error: input.error });
  const user = await updateUser(id, input);
  if (!user) return res.status(404).json({ error: 'Utilisateur introuvable.' });
  await cacheDelete(LIST_KEY, `users:${id}`);
  res.json(user);
});

users.delete('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  if (!(await deleteUser(id))) return res.status(404).json({ error: 'Utilisateur introuvable.' });
  await cacheDelete(LIST_KEY, `users:${id}`);
  res.status(204).end();
});
