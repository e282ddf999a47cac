package com.venuedesk.desk.dashboard;

import java.time.LocalDate;

/** The spans a manager picks on the dashboard, each with the grouping of its trend. */
public enum DashboardPeriod {
    LAST_7_DAYS(7, "day"), LAST_30_DAYS(30, "day"), LAST_90_DAYS(90, "week"), LAST_12_MONTHS(365, "month");

    private final int days;
    private final String granularity;

    DashboardPeriod(int days, String granularity) {
        this.days = days;
        this.granularity = granularity;
    }

    public String granularity() {
        return granularity;
    }

    /** The first day of the period ending {@code today}. */
    public LocalDate from(LocalDate today) {
        return this == LAST_12_MONTHS ? today.minusMonths(11).withDayOfMonth(1) : today.minusDays(days - 1L);
    }

    public String messageKey() {
        return "dashboard.period." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
