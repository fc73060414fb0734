import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, freePort, startApi, startDatabase } from './helpers.js';

let database;
before(async () => {
  database = await startDatabase();
});
after(async () => {
  await database?.stop();
});

describe('without Redis configured', () => {
  let api;
  before(async () => {
    api = await startApi(database.env);
  });
  after(async () => {
    await api?.stop();
  });

  test('/health answers 200 with the database ok and the cache disabled', async () => {
    const { status, body } = await call(api, 'GET', '/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'ok', db: 'ok', cache: 'disabled' });
  });

  test('lists the users of the init SQL, read from PostgreSQL (X-Cache MISS)', async () => {
    const { status, headers, body } = await call(api, 'GET', '/api/users');
    assert.equal(status, 200);
    assert.equal(headers.get('x-cache'), 'MISS');
    assert.deepEqual(body.map((user) => user.username), ['admin', 'alice']);
  });

  test('creates, reads, updates and deletes a user', async () => {
    const created = await call(api, 'POST', '/api/users', { username: 'bob', email: 'bob@example.com' });
    assert.equal(created.status, 201);
    const id = created.body.id;
    assert.equal(created.headers.get('location'), `/api/users/${id}`);

    assert.equal((await call(api, 'GET', `/api/users/${id}`)).body.email, 'bob@example.com');

    const updated = await call(api, 'PUT', `/api/users/${id}`, { username: 'bob', email: 'robert@example.com' });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.email, 'robert@example.com');

    assert.equal((await call(api, 'DELETE', `/api/users/${id}`)).status, 204);
    assert.equal((await call(api, 'GET', `/api/users/${id}`)).status, 404);
  });

  test('maps a duplicate to 409 and invalid input to 400, in French', async () => {
    const duplicate = await call(api, 'POST', '/api/users', { username: 'alice', email: 'alice2@example.com' });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.error, 'Cette valeur existe déjà.');
    assert.equal((await call(api, 'POST', '/api/users', { username: 'x', email: 'pas-un-email' })).status, 400);
    assert.equal((await call(api, 'GET', '/api/users/abc')).status, 400);
  });
});

describe('with Redis configured but unreachable (the documented degraded mode)', () => {
  let api;
  before(async () => {
    // A port nobody listens on: Redis is "down", not merely unconfigured.
    api = await startApi({ ...database.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  });
  after(async () => {
    await api?.stop();
  });

  test('/health stays 200 but says degraded, cache down', async () => {
    const { status, body } = await call(api, 'GET', '/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'degraded', db: 'ok', cache: 'down' });
  });

  test('still serves the users from PostgreSQL', async () => {
    const { status, body } = await call(api, 'GET', '/api/users');
    assert.equal(status, 200);
    assert.ok(body.some((user) => user.username === 'admin'));
  });
});

describe('with the database stopped', () => {
  test('/health answers 503, db down', async () => {
    const stopped = await startDatabase();
    const api = await startApi(stopped.env);
    try {
      await stopped.stop();
      const { status, body } = await call(api, 'GET', '/health');
      assert.equal(status, 503);
      assert.equal(body.db, 'down');
    } finally {
      await api.stop();
    }
  });
});
