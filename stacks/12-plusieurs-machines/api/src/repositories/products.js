import { pool } from '../db.js';

const COLUMNS = 'id, name, description, price, stock_quantity, created_at, updated_at';

export async function listProducts() {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM products ORDER BY id`);
  return rows;
}

export async function findProduct(id) {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM products WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function createProduct({ name, description, price, stockQuantity }) {
  const { rows } = await pool.query(
    `INSERT INTO products (name, description, price, stock_quantity)
     VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [name, description, price, stockQuantity],
  );
  return rows[0];
}
