-- The venue's hours for analytics: one row per local hour of a time zone, as the instants it begins and ends (a
-- spring-forward day has 23 rows, a fall-back day 25; the repeated local hour appears twice). Aggregates join
-- bookings to these rows, so every figure is cut at the venue's local day, week, month and hour by the database
-- itself, the same on PostgreSQL and H2. The server fills whole years of a zone on first use (analytics/HourCalendar,
-- from java.time's zone rules); analytics_calendar_year says which years of which zones are there.
CREATE TABLE analytics_hour (
    time_zone    VARCHAR(64) NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    local_day    DATE     NOT NULL,
    week_start   DATE     NOT NULL,
    month_start  DATE     NOT NULL,
    iso_weekday  SMALLINT NOT NULL,
    local_hour   SMALLINT NOT NULL,
    PRIMARY KEY (time_zone, starts_at)
);

CREATE TABLE analytics_calendar_year (
    time_zone  VARCHAR(64) NOT NULL,
    cal_year   INTEGER     NOT NULL,
    PRIMARY KEY (time_zone, cal_year)
);
