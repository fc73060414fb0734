-- Case-insensitive search on product names uses this index.
CREATE INDEX IF NOT EXISTS products_lower_name_idx ON products (lower(name));
