-- Sync: the order of the change log and the idempotency journal of pushed mutations (see docs/SYNC.md).

-- The transaction that wrote each change. PostgreSQL fills it with pg_current_xact_id() (V21); H2 leaves 0, where
-- the change_log_head lock makes seq order commit order. Desks read the log in (tx_id, seq) order.
ALTER TABLE change_log ADD COLUMN tx_id BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX change_log_order ON change_log (tx_id, seq);

-- One row. On H2 every append first updates it: the row lock, held until commit, serialises appends, so a change
-- with a lower seq is always committed before one with a higher seq.
CREATE TABLE change_log_head (
    id       INTEGER PRIMARY KEY,
    appends  BIGINT  NOT NULL
);
INSERT INTO change_log_head (id, appends) VALUES (1, 0);

-- Every pushed mutation id once, with the outcome it got (wire JSON), written in the transaction of its effect.
CREATE TABLE sync_mutation (
    mutation_id  UUID                     PRIMARY KEY,
    device_id    VARCHAR(200)             NOT NULL,
    user_id      UUID                     NOT NULL,
    kind         VARCHAR(40)              NOT NULL,
    entity_id    UUID,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(1000000)
);
