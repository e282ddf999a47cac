-- Reservations. The id comes from the client so that a repeated create is recognised.
-- PENDING and CONFIRMED are active and hold the resource's time; the overlap guard is in the service (both
-- databases) and, on PostgreSQL, also an exclusion constraint (V6, postgresql folder).
CREATE TABLE booking (
    id              UUID PRIMARY KEY,
    resource_id     UUID          NOT NULL REFERENCES resource (id),
    customer_id     UUID          NOT NULL REFERENCES customer (id),
    start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    price_amount    NUMERIC(12, 2),
    price_currency  CHAR(3),
    notes           VARCHAR(4000) NOT NULL DEFAULT '',
    status_reason   VARCHAR(1000) NOT NULL DEFAULT '',
    checked_in_at   TIMESTAMP WITH TIME ZONE,
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revision        BIGINT        NOT NULL,
    deleted         BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT booking_end_after_start CHECK (end_at > start_at)
);
CREATE INDEX booking_resource_start ON booking (resource_id, start_at);
CREATE INDEX booking_customer ON booking (customer_id);
