-- A small database for the example policy of deploy/compose.yaml to snapshot.
CREATE DATABASE example;
\connect example
CREATE TABLE customers (
    id         bigint PRIMARY KEY,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO customers (id, name)
SELECT i, 'customer ' || i FROM generate_series(1, 1000) AS i;
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    amount      numeric(12, 2) NOT NULL
);
INSERT INTO orders (id, customer_id, amount)
SELECT i, 1 + (i % 1000), round((random() * 500)::numeric, 2) FROM generate_series(1, 5000) AS i;
