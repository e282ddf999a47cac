package com.venuedesk.desk.handover;

import static com.venuedesk.desk.testing.FrontDesk.BERLIN;
import static com.venuedesk.desk.testing.FrontDesk.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.testing.FrontDesk;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.TimeRange;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoverQueryTest {
    @TempDir
    Path dir;

    private FrontDesk desk;
    private Customer ada;
    private Customer grace;

    @BeforeEach
    void open() {
        desk = new FrontDesk(dir);
        ada = desk.customer("Ada Lovelace", "ada@example.com", null);
        grace = desk.customer("Grace Hopper", null, "+1 202 555 0100");
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void theSheetSortsTodaysBookingsIntoArrivalsDeparturesNoShowsAndCancellations() {
        desk.booking(desk.roomA, ada, TODAY, 9, 11, BookingStatus.CONFIRMED, FrontDesk.NOW, "");
        desk.booking(desk.roomB, grace, TODAY, 14, 16, BookingStatus.CONFIRMED, null, "");
        desk.booking(desk.roomA, grace, TODAY.minusDays(1), 20, 21, BookingStatus.COMPLETED, null, "");
        desk.booking(desk.roomB, ada, TODAY, 8, 9, BookingStatus.NO_SHOW, null, "did not answer the phone");
        desk.booking(desk.roomA, grace, TODAY, 17, 18, BookingStatus.CANCELLED, null, "flight cancelled");
        desk.booking(desk.roomA, ada, TODAY.plusDays(1), 9, 10, BookingStatus.CONFIRMED, null, "");
        desk.sync();

        HandoverSheet sheet = new HandoverQuery(desk.bookings, FrontDesk.CLOCK).sheet(TODAY, BERLIN);

        assertThat(sheet.arrivals()).extracting(HandoverSheet.Line::customer).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(sheet.arrivals()).extracting(HandoverSheet.Line::checkedIn).containsExactly(true, false);
        assertThat(sheet.departures()).extracting(HandoverSheet.Line::resource).containsExactly("Room A", "Room B");
        assertThat(sheet.noShows()).singleElement().satisfies(line -> {
            assertThat(line.customer()).isEqualTo("Ada Lovelace");
            assertThat(line.reason()).isEqualTo("did not answer the phone");
        });
        assertThat(sheet.cancellations()).extracting(HandoverSheet.Line::reason).containsExactly("flight cancelled");
        assertThat(sheet.waitingToSync()).isEmpty();
        assertThat(sheet.outboxCount()).isZero();
        assertThat(sheet.openConflicts()).isZero();
    }

    @Test
    void theDayIsTheVenuesDayNotUtc() {
        // 00:30 Berlin on 2 December is still 1 December in UTC
        desk.booking(desk.roomA, ada, TODAY.plusDays(1), 0, 1, BookingStatus.CONFIRMED, null, "");
        desk.sync();

        HandoverQuery query = new HandoverQuery(desk.bookings, FrontDesk.CLOCK);

        assertThat(query.sheet(TODAY, BERLIN).arrivals()).isEmpty();
        assertThat(query.sheet(TODAY.plusDays(1), BERLIN).arrivals()).hasSize(1);
    }

    @Test
    void bookingsMadeOfflineAreListedAsWaitingToSyncWithTheOutboxCount() {
        desk.sync();
        TimeRange nextWeek = new TimeRange(TODAY.plusDays(7).atTime(10, 0).atZone(BERLIN).toInstant(),
                TODAY.plusDays(7).atTime(11, 0).atZone(BERLIN).toInstant());
        LocalWrite write = desk.bookings.createBooking(desk.roomB.id(), grace.id(), nextWeek, "");
        assertThat(write).isInstanceOf(LocalWrite.Recorded.class);

        HandoverSheet sheet = new HandoverQuery(desk.bookings, FrontDesk.CLOCK).sheet(TODAY, BERLIN);

        assertThat(sheet.waitingToSync()).singleElement().satisfies(line -> {
            assertThat(line.customer()).isEqualTo("Grace Hopper");
            assertThat(line.provisional()).isTrue();
            assertThat(line.status()).isEqualTo(BookingStatus.PENDING);
        });
        assertThat(sheet.outboxCount()).isEqualTo(1);
    }
}
