-- The seed's schema lets any text into orders.status; only these values make sense.
ALTER TABLE orders
  ADD CONSTRAINT orders_status_check
  CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'));
