package com.venuedesk.desk.store;

import static com.venuedesk.desk.store.Fixtures.confirmed;
import static com.venuedesk.desk.store.Fixtures.guest;
import static com.venuedesk.desk.store.Fixtures.hour;
import static com.venuedesk.desk.store.Fixtures.room;
import static com.venuedesk.desk.store.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.LocalWrite.Recorded;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.model.sync.Mutation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's side of a resync after a cursor reset, and the booking history it keeps for offline use. */
class DeskStoreResyncTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
    private static final UUID CLERK = UUID.randomUUID();

    @TempDir
    Path dataDir;

    private DeskStore store;
    private LocalBookings bookings;
    private final Resource room = room("Room A", 3);
    private final Resource gone = room("Room Z", 2);
    private final Customer ada = guest("Ada Lovelace", 2);
    private final Booking early = confirmed(UUID.randomUUID(), room, ada, hour(9), 5);
    private final Booking lost = confirmed(UUID.randomUUID(), room, ada, hour(11), 4);
    private final Booking movedHere = confirmed(UUID.randomUUID(), room, ada, hour(13), 2);

    @BeforeEach
    void deskThatHasSyncedAVenue() {
        store = DeskStore.open(dataDir, CLOCK);
        bookings = new LocalBookings(store, CLOCK, CLERK);
        store.applyPulledPage(List.of(upsert("1", room), upsert("2", gone), upsert("3", ada), upsert("4", early),
                upsert("5", lost), upsert("6", movedHere)), "6");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aResyncTakesTheRestoredServersCopiesAndRemovesWhatItNoLongerHasButKeepsEveryPendingChange() {
        Booking mine = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(16), "walk-in")).entity();
        bookings.reschedule(movedHere.id(), room.id(), hour(15));
        List<UUID> pendingBefore = store.pendingOutbox(10).stream().map(e -> e.mutation().mutationId()).toList();
        // the restored server: the early booking as it was before a later move (an older revision), no Room Z, none
        // of the 11:00 booking, nor of the one this desk moved (made after the backup)
        Booking earlyAsRestored = early.withRange(hour(10)).withRevision(3);

        Resync resync = store.beginResync();
        assertThat(store.pullCursor()).isEmpty();
        assertThat(store.resyncUnderWay()).isTrue();
        store.applyPulledPage(store.preparePulled(List.of(upsert("a1", room), upsert("a2", ada),
                upsert("a3", earlyAsRestored))), "a3", resync);
        Resync.Outcome outcome = store.finishResync(resync);

        assertThat(outcome).isEqualTo(new Resync.Outcome(2, 1));
        assertThat(store.resyncUnderWay()).isFalse();
        assertThat(store.pullCursor()).contains("a3");
        assertThat(bookings.booking(early.id())).map(LocalBooking::booking).contains(earlyAsRestored);
        assertThat(bookings.booking(lost.id())).isEmpty();
        assertThat(bookings.resources()).containsExactly(room);
        assertThat(bookings.booking(movedHere.id())).hasValueSatisfying(kept -> {
            assertThat(kept.provisional()).isTrue();
            assertThat(kept.booking().range()).isEqualTo(hour(15));
        });
        assertThat(bookings.booking(mine.id())).map(LocalBooking::provisional).contains(true);
        assertThat(store.pendingOutbox(10)).extracting(e -> e.mutation().mutationId()).containsExactlyElementsOf(pendingBefore);
    }

    @Test
    void aBookingThisDeskMadeThatTheRestoredServerLostGoesBackToTheOutboxUnderItsOwnMutationId() {
        Booking mine = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(16), "walk-in")).entity();
        List<OutboxEntry> pushed = store.pendingOutbox(10);
        UUID creation = pushed.get(0).mutation().mutationId();
        store.settle(pushed, List.of(new com.venuedesk.model.sync.MutationOutcome.Applied(creation, mine.id(), 1)));
        store.applyPulled(List.of(upsert("7", mine.withRevision(1))));
        assertThat(store.pendingOutboxCount()).isZero();

        Resync resync = store.beginResync();
        store.applyPulledPage(store.preparePulled(List.of(upsert("a1", room), upsert("a2", ada))), "a2", resync);
        Resync.Outcome outcome = store.finishResync(resync);

        assertThat(outcome.keptPending()).isEqualTo(1);
        assertThat(bookings.booking(mine.id())).map(LocalBooking::provisional).contains(true);
        assertThat(store.pendingOutbox(10)).extracting(e -> e.mutation().mutationId()).containsExactly(creation);
        assertThat(bookings.booking(lost.id())).as("what another desk made is the server's to tell").isEmpty();
    }

    @Test
    void afterTheResyncTheUsualRevisionRuleHoldsAgain() {
        Resync resync = store.beginResync();
        store.applyPulledPage(store.preparePulled(List.of(upsert("a1", early.withRevision(3)))), "a1", resync);
        // later in the same full pull: an older revision of a record already brought does not win
        store.applyPulledPage(store.preparePulled(List.of(upsert("a2", early.withRange(hour(14)).withRevision(2)))), "a2", resync);
        store.finishResync(resync);

        assertThat(store.applyPulled(List.of(upsert("a3", early.withRange(hour(12)).withRevision(3))))).isZero();
        assertThat(store.applyPulled(List.of(upsert("a4", early.withRange(hour(12)).withRevision(4))))).isOne();
        assertThat(bookings.booking(early.id()).orElseThrow().booking().range()).isEqualTo(hour(12));
    }

    @Test
    void aResyncCutShortByARestartIsStillUnderWayWhenTheDeskComesBack() {
        Resync resync = store.beginResync();
        store.applyPulledPage(store.preparePulled(List.of(upsert("a1", room))), "a1", resync);
        store.close();

        store = DeskStore.open(dataDir, CLOCK);

        assertThat(store.resyncUnderWay()).isTrue();
        assertThat(store.pullCursor()).contains("a1");
        // nothing is removed until a complete pull says what is gone
        assertThat(new LocalBookings(store, CLOCK, CLERK).booking(lost.id())).isPresent();
    }

    @Test
    void theLastFetchedHistoryOfABookingIsKeptAndReplacedByTheNext() {
        AuditEntry made = new AuditEntry(Instant.parse("2026-11-29T10:00:00Z"), HistoryAction.CREATED, EntityType.BOOKING,
                early.id(), 1, new AuditEntry.Account(CLERK, "dana"), null, "desk-1", null, Map.of());
        AuditEntry moved = new AuditEntry(Instant.parse("2026-11-29T11:00:00Z"), HistoryAction.RESCHEDULED,
                EntityType.BOOKING, early.id(), 2, new AuditEntry.Account(CLERK, "dana"), null, "desk-1", "guest asked",
                Map.of("fromStart", "2026-12-01T08:00:00Z", "toStart", "2026-12-01T09:00:00Z"));
        assertThat(store.cachedHistory(early.id())).isEmpty();

        store.cacheHistory(early.id(), List.of(made), true, Instant.parse("2026-11-29T10:30:00Z"));
        store.cacheHistory(early.id(), List.of(moved, made), false, Instant.parse("2026-11-29T11:30:00Z"));

        assertThat(store.cachedHistory(early.id())).contains(new CachedHistory(early.id(),
                Instant.parse("2026-11-29T11:30:00Z"), List.of(moved, made), false));
    }

    @Test
    void aBookingsPendingMutationsAreListedWithTheClerkWhoMadeThem() {
        bookings.reschedule(early.id(), room.id(), hour(10));
        bookings.changeStatus(lost.id(), com.venuedesk.model.sync.BookingAction.CANCEL, "double entry");
        bookings.changeStatus(early.id(), com.venuedesk.model.sync.BookingAction.CHECK_IN, "");

        List<OutboxEntry> ofEarly = store.pendingOutboxOf(early.id());

        assertThat(ofEarly).extracting(e -> e.mutation().getClass()).containsExactly(
                (Class) Mutation.RescheduleBooking.class, (Class) Mutation.ChangeBookingStatus.class);
        assertThat(ofEarly).extracting(e -> e.mutation().actedBy()).containsOnly(CLERK);
        assertThat(ofEarly).extracting(OutboxEntry::createdAt).containsOnly(CLOCK.instant());
    }
}
