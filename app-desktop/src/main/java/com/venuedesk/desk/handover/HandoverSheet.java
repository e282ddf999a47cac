package com.venuedesk.desk.handover;

import com.venuedesk.model.domain.BookingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What the next shift needs to know about one venue day: who arrives and leaves, who did not come, what was
 * cancelled, what this desk still has to sync, and how many conflicts wait in the inbox.
 *
 * @param waitingToSync provisional bookings (local changes the server has not confirmed), any day
 * @param outboxCount   local changes of any kind still waiting in the outbox
 */
public record HandoverSheet(LocalDate day, ZoneId zone, Instant preparedAt, List<Line> arrivals, List<Line> departures,
                            List<Line> noShows, List<Line> cancellations, List<Line> waitingToSync, int outboxCount,
                            int openConflicts) {

    public HandoverSheet {
        arrivals = List.copyOf(arrivals);
        departures = List.copyOf(departures);
        noShows = List.copyOf(noShows);
        cancellations = List.copyOf(cancellations);
        waitingToSync = List.copyOf(waitingToSync);
    }

    /**
     * One booking on the sheet.
     *
     * @param checkedInAt when the guest arrived, or null
     * @param reason      why it was cancelled or marked no-show, empty otherwise
     */
    public record Line(UUID bookingId, Instant start, Instant end, String resource, String customer,
                       BookingStatus status, Instant checkedInAt, boolean provisional, String reason) {

        public boolean checkedIn() {
            return checkedInAt != null;
        }
    }
}
