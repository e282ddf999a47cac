-- Each change row records the id of the transaction that wrote it (xid8, as a bigint), so that a pull can hold back
-- rows of transactions that may still be running alongside older, uncommitted ones (docs/SYNC.md, "Cursor").
ALTER TABLE change_log ALTER COLUMN tx_id SET DEFAULT (pg_current_xact_id()::text::bigint);
