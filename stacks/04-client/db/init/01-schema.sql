-- Runs once, on an empty data volume (docker-entrypoint-initdb.d).
CREATE TABLE users (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username   varchar(50)  NOT NULL UNIQUE,
  email      varchar(100) NOT NULL UNIQUE,
  created_at timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO users (username, email) VALUES
  ('admin', 'admin@example.com'),
  ('alice', 'alice@example.com');
