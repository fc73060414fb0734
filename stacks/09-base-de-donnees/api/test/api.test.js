import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, runScript, startApi, startDatabase } from './helpers.js';

let database;
let api;
before(async () => {
  database = await startDatabase();
  // As the one-shot `migrate` service does before the API starts.
  await runScript('src/migrate.js', database.env);
  api = await startApi(database.env);
});
after(async () => {
  await api?.stop();
  await database?.stop();
});

test('/health answers 200 with the database ok and no cache configured', async () => {
  const { status, body } = await call(api, 'GET', '/health');
  assert.equal(status, 200);
  assert.deepEqual(body, { status: 'ok', db: 'ok', cache: 'disabled' });
});

test('the migrations are recorded once, and a second run applies nothing', async () => {
  const output = await runScript('src/migrate.js', database.env);
  assert.match(output, /schema up to date \(2 migration\(s\)\)/);
  assert.doesNotMatch(output, /applied/);
});

test('lists the seeded products and creates one', async () => {
  const list = await call(api, 'GET', '/api/products');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.map((product) => product.name), ['Tasse Atelier', 'Carnet Compose']);
  const created = await call(api, 'POST', '/api/products', { name: 'Stylo', price: 2.5, stock_quantity: 3 });
  assert.equal(created.status, 201);
  assert.equal((await call(api, 'GET', `/api/products/${created.body.id}`)).body.name, 'Stylo');
});

test('an order decrements the stock in one transaction, and refuses more than the stock', async () => {
  const order = await call(api, 'POST', '/api/orders', { user_id: 1, product_id: 2, quantity: 2 });
  assert.equal(order.status, 201);
  assert.equal(Number(order.body.total_price), 17.8);
  assert.equal((await call(api, 'GET', '/api/products/2')).body.stock_quantity, 48);
  const tooMany = await call(api, 'POST', '/api/orders', { user_id: 1, product_id: 2, quantity: 1000 });
  assert.equal(tooMany.status, 409);
  assert.equal((await call(api, 'GET', '/api/orders')).body.length, 1);
});

test('an order for an unknown user is a 409 (foreign key), in French', async () => {
  const { status, body } = await call(api, 'POST', '/api/orders', { user_id: 999, product_id: 1, quantity: 1 });
  assert.equal(status, 409);
  assert.equal(body.error, 'Référence inconnue.');
});
