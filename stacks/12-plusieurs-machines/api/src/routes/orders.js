import { Router } from 'express';
import { cacheDelete } from '../cache.js';
import { createOrder, listOrders } from '../repositories/orders.js';
import { parseId } from './parse.js';

// Orders are never cached: they change with every purchase.
export const orders = Router();

orders.get('/', async (req, res) => {
  res.json(await listOrders());
});

orders.post('/', async (req, res) => {
  const userId = parseId(req.body?.user_id);
  const productId = parseId(req.body?.product_id);
  const quantity = parseId(req.body?.quantity);
  if (userId === null || productId === null || quantity === null) {
    return res.status(400).json({ error: 'user_id, product_id et quantity doivent être des entiers positifs.' });
  }
  const order = await createOrder({ userId, productId, quantity });
  if (!order) return res.status(409).json({ error: 'Produit inconnu ou stock insuffisant.' });
  // The stock changed: the cached catalogue is stale.
  await cacheDelete('products:all');
  res.status(201).json(order);
});
