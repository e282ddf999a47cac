package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeTimeTest {

    private static TimeRange r(String start, String end) {
        return new TimeRange(Instant.parse("2026-12-07T" + start + ":00Z"), Instant.parse("2026-12-07T" + end + ":00Z"));
    }

    @Test
    void busyTimesAreCutOutOfOpenWindowsAndTouchingEdgesLeaveNoSliver() {
        List<TimeRange> open = List.of(r("07:00", "12:00"), r("13:00", "19:00"));
        List<TimeRange> busy = List.of(r("09:00", "10:00"), r("09:30", "10:30"), r("11:00", "13:30"), r("18:00", "19:00"));
        assertThat(FreeTime.subtract(open, busy)).containsExactly(
                r("07:00", "09:00"), r("10:30", "11:00"), r("13:30", "18:00"));
    }

    @Test
    void windowsAreClippedToTheAskedPeriod() {
        assertThat(FreeTime.clip(List.of(r("07:00", "12:00"), r("13:00", "19:00")), r("08:00", "14:00")))
                .containsExactly(r("08:00", "12:00"), r("13:00", "14:00"));
        assertThat(FreeTime.clip(List.of(r("07:00", "08:00")), r("08:00", "09:00"))).isEmpty();
    }
}
