-- Bookable things, their opening hours and closures. Every synced row carries a revision and a tombstone flag.
CREATE TABLE resource (
    id                 UUID PRIMARY KEY,
    name               VARCHAR(200)   NOT NULL,
    description        VARCHAR(4000)  NOT NULL DEFAULT '',
    resource_type      VARCHAR(30)    NOT NULL,
    capacity           INTEGER        NOT NULL,
    price_amount       NUMERIC(12, 2) NOT NULL,
    price_currency     CHAR(3)        NOT NULL,
    address            VARCHAR(400),
    city               VARCHAR(200),
    country            VARCHAR(100),
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    amenities          VARCHAR(4000)  NOT NULL DEFAULT '',
    active             BOOLEAN        NOT NULL DEFAULT TRUE,
    requires_approval  BOOLEAN        NOT NULL DEFAULT FALSE,
    manager_id         UUID,
    time_zone          VARCHAR(64)    NOT NULL,
    revision           BIGINT         NOT NULL,
    deleted            BOOLEAN        NOT NULL DEFAULT FALSE
);

CREATE TABLE availability_rule (
    id           UUID PRIMARY KEY,
    resource_id  UUID        NOT NULL REFERENCES resource (id),
    day_of_week  VARCHAR(10) NOT NULL,
    start_time   TIME        NOT NULL,
    end_time     TIME        NOT NULL,
    available    BOOLEAN     NOT NULL,
    valid_from   DATE,
    valid_to     DATE,
    revision     BIGINT      NOT NULL,
    deleted      BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX availability_rule_resource ON availability_rule (resource_id);

-- resource_id NULL: the whole venue is closed
CREATE TABLE blackout (
    id           UUID PRIMARY KEY,
    resource_id  UUID REFERENCES resource (id),
    start_date   DATE          NOT NULL,
    end_date     DATE          NOT NULL,
    reason       VARCHAR(1000) NOT NULL DEFAULT '',
    revision     BIGINT        NOT NULL,
    deleted      BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX blackout_dates ON blackout (start_date, end_date);
