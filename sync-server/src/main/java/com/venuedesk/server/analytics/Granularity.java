package com.venuedesk.server.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The periods figures are grouped by, in the venue's calendar: a local day, an ISO week (from Monday), a month. */
public enum Granularity {
    DAY("local_day"), WEEK("week_start"), MONTH("month_start");

    private final String column;

    Granularity(String column) {
        this.column = column;
    }

    /** The column of {@code analytics_hour} holding the first day of this kind of period. */
    String column() {
        return column;
    }

    /** The first day of the period {@code day} falls in: the period's name in every report. */
    public LocalDate periodOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
