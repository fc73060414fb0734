import { pool } from '../db.js';

const COLUMNS = 'id, user_id, product_id, quantity, total_price, order_date, status';

export async function listOrders() {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM orders ORDER BY id`);
  return rows;
}

/**
 * One transaction: the stock is decremented only if enough remains, and the
 * order is written with the price read in the same transaction. Returns null
 * when the product is unknown or out of stock.
 */
export async function createOrder({ userId, productId, quantity }) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: products } = await client.query(
      `UPDATE products SET stock_quantity = stock_quantity - $1, updated_at = now()
       WHERE id = $2 AND stock_quantity >= $1 RETURNING price`,
      [quantity, productId],
    );
    if (products.length === 0) {
      await client.query('ROLLBACK');
      return null;
    }
    const { rows } = await client.query(
      `INSERT INTO orders (user_id, product_id, quantity, total_price)
       VALUES ($1, $2, $3, $4::numeric * $3::integer) RETURNING ${COLUMNS}`,
      [userId, productId, quantity, products[0].price],
    );
    await client.query('COMMIT');
    return rows[0];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
