-- Runs once, on an empty data volume (docker-entrypoint-initdb.d), as the
-- owner POSTGRES_USER. The seed's three tables, with today's types: identity
-- columns, timestamptz, numeric money, CHECK constraints and explicit
-- ON DELETE behaviour. Later changes are migrations (api/migrations/).
CREATE TABLE users (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username   varchar(50)  NOT NULL UNIQUE,
  -- UNIQUE already creates the index the seed adds by hand (idx_users_email).
  email      varchar(100) NOT NULL UNIQUE,
  created_at timestamptz  NOT NULL DEFAULT now(),
  updated_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE products (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           varchar(255)  NOT NULL,
  description    text,
  price          numeric(10, 2) NOT NULL CHECK (price >= 0),
  stock_quantity integer        NOT NULL DEFAULT 0 CHECK (stock_quantity >= 0),
  created_at     timestamptz    NOT NULL DEFAULT now(),
  updated_at     timestamptz    NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     integer        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  product_id  integer        NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
  quantity    integer        NOT NULL CHECK (quantity > 0),
  total_price numeric(10, 2) NOT NULL CHECK (total_price >= 0),
  order_date  timestamptz    NOT NULL DEFAULT now(),
  status      varchar(20)    NOT NULL DEFAULT 'pending'
);

CREATE INDEX products_name_idx ON products (name);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_product_id_idx ON orders (product_id);

INSERT INTO users (username, email) VALUES
  ('admin', 'admin@example.com'),
  ('alice', 'alice@example.com');

INSERT INTO products (name, description, price, stock_quantity) VALUES
  ('Tasse Atelier', 'Tasse en grès, 30 cl', 12.50, 100),
  ('Carnet Compose', 'Carnet A5 ligné', 8.90, 50);
