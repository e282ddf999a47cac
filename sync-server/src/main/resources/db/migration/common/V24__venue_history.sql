-- The change log becomes the venue's history: every row also says what happened in the venue's words, who did it
-- (the clerk credited, and the account that pushed a synced change when it is another), from which device, and why.
-- It also carries the epoch of the log it was written in: a restore into another PostgreSQL cluster starts a new
-- epoch, and desks read the log in (epoch, tx_id, seq) order (docs/SYNC.md, "Cursor", and docs/OPERATIONS.md).
ALTER TABLE change_log ADD COLUMN epoch INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE change_log ADD COLUMN action VARCHAR(40);
ALTER TABLE change_log ADD COLUMN actor_id UUID;
ALTER TABLE change_log ADD COLUMN actor_name VARCHAR(100);
ALTER TABLE change_log ADD COLUMN pushed_by_id UUID;
ALTER TABLE change_log ADD COLUMN pushed_by_name VARCHAR(100);
ALTER TABLE change_log ADD COLUMN device_id VARCHAR(200);
ALTER TABLE change_log ADD COLUMN reason VARCHAR(1000);
ALTER TABLE change_log ADD COLUMN details VARCHAR(4000);
-- rows written before the history existed say what can still be told
UPDATE change_log SET action = CASE WHEN deleted THEN 'DELETED' WHEN revision = 1 THEN 'CREATED' ELSE 'UPDATED' END;
ALTER TABLE change_log ALTER COLUMN action SET NOT NULL;

DROP INDEX change_log_order;
CREATE INDEX change_log_order ON change_log (epoch, tx_id, seq);
-- the audit trail: one record's history, one actor's, or a time window, newest first
CREATE INDEX change_log_entity_history ON change_log (entity_id, seq);
CREATE INDEX change_log_actor_history ON change_log (actor_id, seq);
CREATE INDEX change_log_recorded ON change_log (recorded_at, seq);

-- One row per epoch of the log. A server starting on PostgreSQL opens a new epoch when the database is not the one
-- the current epoch was written in (another cluster's system identifier or database, or a transaction counter that
-- went back): every change of an earlier epoch sorts before every change of the new one.
CREATE TABLE change_log_epoch (
    epoch         INTEGER PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    database_id   VARCHAR(200),
    start_tx      BIGINT NOT NULL,
    previous_tx   BIGINT,
    previous_seq  BIGINT
);
INSERT INTO change_log_epoch (epoch, started_at, start_tx) VALUES (1, CURRENT_TIMESTAMP, 0);

-- Server-side consumers of the log (notifications, payment jobs, rollups, business counters): each one's cursor, read
-- under a row lock that only one server instance holds at a time, and the failure it is retrying.
CREATE TABLE log_consumer (
    name           VARCHAR(100) PRIMARY KEY,
    epoch          INTEGER NOT NULL,
    tx_id          BIGINT  NOT NULL,
    seq            BIGINT  NOT NULL,
    failing_seq    BIGINT,
    failures       INTEGER NOT NULL DEFAULT 0,
    retry_at       TIMESTAMP WITH TIME ZONE,
    last_error     VARCHAR(2000),
    processed      BIGINT  NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    owner          VARCHAR(200)
);

-- An event a consumer failed on repeatedly: set aside so that the consumer goes on, until an admin retries it.
CREATE TABLE log_consumer_parked (
    id           UUID PRIMARY KEY,
    consumer     VARCHAR(100) NOT NULL,
    epoch        INTEGER NOT NULL,
    tx_id        BIGINT  NOT NULL,
    seq          BIGINT  NOT NULL,
    entity_type  VARCHAR(30) NOT NULL,
    entity_id    UUID NOT NULL,
    action       VARCHAR(40) NOT NULL,
    attempts     INTEGER NOT NULL,
    last_error   VARCHAR(2000),
    parked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(20) NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT log_consumer_parked_once UNIQUE (consumer, epoch, tx_id, seq)
);
CREATE INDEX log_consumer_parked_state ON log_consumer_parked (consumer, state);

-- Business counters kept by the business-counters consumer, in the transaction that advances its cursor (so each
-- event counts exactly once, whichever server instance read it); /metrics shows them.
CREATE TABLE business_counter (
    counter_name  VARCHAR(100) NOT NULL,
    label         VARCHAR(100) NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (counter_name, label)
);
