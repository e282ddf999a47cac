-- Guests who book. Search is a case-insensitive contains over name, e-mail and phone.
CREATE TABLE customer (
    id        UUID PRIMARY KEY,
    name      VARCHAR(200)  NOT NULL,
    email     VARCHAR(320),
    phone     VARCHAR(40),
    notes     VARCHAR(4000) NOT NULL DEFAULT '',
    revision  BIGINT        NOT NULL,
    deleted   BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX customer_name ON customer (name);
