import { Router } from 'express';
import { cacheDelete, cacheGet, cacheSet } from '../cache.js';
import { createProduct, findProduct, listProducts } from '../repositories/products.js';
import { parseId } from './parse.js';

export const products = Router();

const LIST_KEY = 'products:all';
const TTL_SECONDS = 60;

products.get('/', async (req, res) => {
  const cached = await cacheGet(LIST_KEY);
  if (cached) return res.set('X-Cache', 'HIT').json(cached);
  const rows = await listProducts();
  await cacheSet(LIST_KEY, rows, TTL_SECONDS);
  res.set('X-Cache', 'MISS').json(rows);
});

products.get('/:id', async (req, res) => {
  const id = parseId(req.params.id);
  if (id === null) return res.status(400).json({ error: 'Identifiant invalide.' });
  const product = await findProduct(id);
  if (!product) return res.status(404).json({ error: 'Produit introuvable.' });
  res.json(product);
});

products.post('/', async (req, res) => {
  const { name, description = null, price, stock_quantity: stockQuantity = 0 } = req.body ?? {};
  if (typeof name !== 'string' || name.trim() === '' || name.length > 255) {
    return res.status(400).json({ error: 'name : 1 à 255 caractères.' });
  }
  if (!(Number(price) >= 0) || !Number.isInteger(Number(stockQuantity)) || Number(stockQuantity) < 0) {
    return res.status(400).json({ error: 'price et stock_quantity doivent être positifs.' });
  }
  const product = await createProduct({ name: name.trim(), description, price: Number(price), stockQuantity: Number(stockQuantity) });
  await cacheDelete(LIST_KEY);
  res.status(201).location(`/api/products/${product.id}`).json(product);
});
