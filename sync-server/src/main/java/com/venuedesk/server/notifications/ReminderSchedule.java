package com.venuedesk.server.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a booking's reminder is due. A lead of whole days is counted on the resource's wall clock: a 10:00 booking is
 * reminded at 10:00 the day before, also when a DST change lies between (then that is 23 or 25 hours before). Any
 * other lead is exact time before the start.
 */
public final class ReminderSchedule {
    private final Duration lead;

    public ReminderSchedule(Duration lead) {
        this.lead = lead;
    }

    public Duration lead() {
        return lead;
    }

    /** The reminder's due time, or empty when that has passed already at {@code now} (the booking is too close). */
    public Optional<Instant> dueAt(Instant start, ZoneId zone, Instant now) {
        Instant due = remindAt(start, zone);
        return due.isAfter(now) ? Optional.of(due) : Optional.empty();
    }

    Instant remindAt(Instant start, ZoneId zone) {
        if (lead.toSeconds() % 86_400 == 0 && lead.toNanosPart() == 0) {
            return start.atZone(zone).minusDays(lead.toDays()).toInstant();
        }
        return start.minus(lead);
    }
}
