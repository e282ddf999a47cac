package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.booking;
import static com.venuedesk.model.rules.Venue.local;
import static com.venuedesk.model.rules.Venue.room;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictRulesTest {
    private final Resource boardroom = room("Boardroom", 12, "40.00", BERLIN);
    private final Resource studio = room("Studio", 6, "25.00", BERLIN);

    @Test
    void aMeetingEndingAtTenDoesNotClashWithOneStartingAtTen() {
        Booking morning = booking(boardroom, local(BERLIN, "2026-12-01T09:00", "2026-12-01T10:00"), BookingStatus.CONFIRMED);

        assertThat(ConflictRules.isFree(boardroom.id(), local(BERLIN, "2026-12-01T10:00", "2026-12-01T11:00"), null,
                List.of(morning))).isTrue();
    }

    @Test
    void aPendingHoldAndAConfirmedBookingBothBlockTheRoomSortedByStart() {
        Booking lunch = booking(boardroom, local(BERLIN, "2026-12-01T12:00", "2026-12-01T13:00"), BookingStatus.PENDING);
        Booking standup = booking(boardroom, local(BERLIN, "2026-12-01T09:30", "2026-12-01T10:00"), BookingStatus.CONFIRMED);

        List<Booking> conflicts = ConflictRules.conflictsWith(boardroom.id(),
                local(BERLIN, "2026-12-01T09:00", "2026-12-01T14:00"), null, List.of(lunch, standup));

        assertThat(conflicts).containsExactly(standup, lunch);
    }

    @Test
    void cancelledCompletedAndNoShowBookingsFreeTheRoom() {
        var range = local(BERLIN, "2026-12-01T09:00", "2026-12-01T10:00");
        List<Booking> past = List.of(
                booking("cancelled", boardroom.id(), range, BookingStatus.CANCELLED),
                booking("completed", boardroom.id(), range, BookingStatus.COMPLETED),
                booking("no-show", boardroom.id(), range, BookingStatus.NO_SHOW));

        assertThat(ConflictRules.conflictsWith(boardroom.id(), range, null, past)).isEmpty();
        assertThat(ConflictRules.isFree(boardroom.id(), range, null, past)).isTrue();
    }

    @Test
    void aBookingInAnotherRoomAtTheSameTimeIsNoConflict() {
        var range = local(BERLIN, "2026-12-01T09:00", "2026-12-01T10:00");
        Booking inStudio = booking(studio, range, BookingStatus.CONFIRMED);

        assertThat(ConflictRules.isFree(boardroom.id(), range, null, List.of(inStudio))).isTrue();
    }

    @Test
    void reschedulingABookingByHalfAnHourDoesNotClashWithItself() {
        Booking workshop = booking(boardroom, local(BERLIN, "2026-12-01T09:00", "2026-12-01T11:00"), BookingStatus.CONFIRMED);
        var later = local(BERLIN, "2026-12-01T09:30", "2026-12-01T11:30");

        assertThat(ConflictRules.conflictsWith(boardroom.id(), later, workshop.id(), List.of(workshop))).isEmpty();
        assertThat(ConflictRules.conflictsWith(boardroom.id(), later, null, List.of(workshop))).containsExactly(workshop);
    }
}
