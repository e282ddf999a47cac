package com.venuedesk.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aOneDayLeadIsTheSameWallClockTimeTheDayBeforeAlsoWhenSummerTimeBeganInBetween() {
        ReminderSchedule schedule = new ReminderSchedule(Duration.ofHours(24));
        // Sunday 29 March 2026 10:00 CEST (08:00Z); Saturday 10:00 is still CET (09:00Z): 23 hours before
        assertThat(schedule.remindAt(Instant.parse("2026-03-29T08:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-03-28T09:00:00Z"));
    }

    @Test
    void aOneDayLeadIsTheSameWallClockTimeTheDayBeforeAlsoWhenWinterTimeBeganInBetween() {
        ReminderSchedule schedule = new ReminderSchedule(Duration.ofDays(1));
        // Sunday 25 October 2026 10:00 CET (09:00Z); Saturday 10:00 is CEST (08:00Z): 25 hours before
        assertThat(schedule.remindAt(Instant.parse("2026-10-25T09:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-10-24T08:00:00Z"));
    }

    @Test
    void aLeadOfHoursIsExactTimeBefore() {
        ReminderSchedule schedule = new ReminderSchedule(Duration.ofHours(2));
        assertThat(schedule.remindAt(Instant.parse("2026-03-29T08:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void aBookingWithinTheLeadGetsNoReminder() {
        ReminderSchedule schedule = new ReminderSchedule(Duration.ofHours(24));
        Instant start = Instant.parse("2026-04-02T08:00:00Z");
        assertThat(schedule.dueAt(start, BERLIN, Instant.parse("2026-04-01T09:00:00Z"))).isEmpty();
        assertThat(schedule.dueAt(start, BERLIN, Instant.parse("2026-04-01T07:00:00Z")))
                .contains(Instant.parse("2026-04-01T08:00:00Z"));
    }
}
