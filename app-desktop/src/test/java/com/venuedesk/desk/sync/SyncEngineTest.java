package com.venuedesk.desk.sync;

import static com.venuedesk.desk.store.Fixtures.confirmed;
import static com.venuedesk.desk.store.Fixtures.guest;
import static com.venuedesk.desk.store.Fixtures.hour;
import static com.venuedesk.desk.store.Fixtures.room;
import static com.venuedesk.desk.store.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.desk.store.ConflictItem;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PushRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final WireServer wire = new WireServer();
    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Resource room = room("Room A", 3);
    private final Customer ada = guest("Ada Lovelace", 2);
    private DeskStore store;
    private SyncClient client;
    private LocalBookings bookings;
    private SyncEngine engine;

    @BeforeEach
    void deskSignedInWithOneRoomAndOneGuest() throws Exception {
        server.setDispatcher(wire);
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        store = DeskStore.open(dataDir, CLOCK);
        store.applyPulledPage(List.of(upsert("0", room), upsert("0", ada)), null);
        client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        client.login(wire.username, wire.password);
        bookings = new LocalBookings(store, CLOCK, wire.userId);
        engine = new SyncEngine(store, client, scheduler, CLOCK, settings(2, 3));
    }

    private static SyncEngine.Settings settings(int pushBatch, int pullPage) {
        Backoff fast = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 0.0);
        return new SyncEngine.Settings(pushBatch, pullPage, Duration.ofMinutes(10), fast, fast);
    }

    @AfterEach
    void shutDown() throws InterruptedException {
        engine.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        wire.announceChange.countDown();
        client.close();
        store.close();
        server.close();
    }

    private Booking book(int hourUtc) {
        LocalWrite write = bookings.createBooking(room.id(), ada.id(), hour(hourUtc), "");
        return (Booking) ((LocalWrite.Recorded) write).entity();
    }

    @Test
    void theOutboxIsPushedInTheOrderItWasRecordedAcrossBatches() {
        List<UUID> recorded = new ArrayList<>();
        for (int h = 8; h < 13; h++) {
            book(h);
        }
        store.pendingOutbox(100).forEach(e -> recorded.add(e.mutation().mutationId()));

        engine.syncNow();

        assertThat(wire.pushes).hasSize(3);
        assertThat(wire.pushedMutationIds()).containsExactlyElementsOf(recorded);
        assertThat(wire.pushes).allSatisfy(p -> assertThat(p.deviceId()).isEqualTo(store.deviceId().toString()));
    }

    @Test
    void anAppliedMutationLeavesTheOutboxAndTheBookingIsNoLongerProvisional() {
        Booking booking = book(9);

        engine.syncNow();

        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(bookings.isProvisional(booking.id())).isFalse();
        assertThat(engine.status().online()).isTrue();
        assertThat(engine.status().pendingChanges()).isZero();
        assertThat(engine.status().lastSuccess()).isEqualTo(CLOCK.instant());
    }

    @Test
    void anOverlapLandsInTheConflictInboxWithTheServersAlternatives() {
        Booking theirs = confirmed(UUID.randomUUID(), room, ada, hour(9), 7);
        Slot later = Slot.of(room.id(), hour(11));
        wire.decide = m -> new MutationOutcome.Overlap(m.mutationId(), List.of(theirs.id()), List.of(later),
                "Room A is taken 09:00-10:00");
        wire.changeLog.add(upsert("1", theirs));
        Booking mine = book(9);

        engine.syncNow();

        List<ConflictItem> conflicts = bookings.openConflicts();
        assertThat(conflicts).hasSize(1);
        ConflictItem conflict = conflicts.get(0);
        assertThat(conflict.bookingId()).isEqualTo(mine.id());
        assertThat(conflict.kind()).isEqualTo(ConflictItem.Kind.OVERLAP);
        assertThat(conflict.conflicting()).containsExactly(theirs.id());
        assertThat(conflict.alternatives()).containsExactly(later);
        assertThat(conflict.mutation()).isInstanceOf(Mutation.CreateBooking.class);
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(bookings.booking(mine.id()).orElseThrow().refused()).isTrue();
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).containsExactly(theirs);

        bookings.resolveConflict(conflict.mutationId(), "rebooked at 11:00");

        assertThat(bookings.openConflicts()).isEmpty();
        assertThat(bookings.booking(mine.id())).isEmpty();
    }

    @Test
    void aServerErrorLeavesTheOutboxIntactAndTheRetrySendsTheSameMutationIds() {
        book(9);
        book(10);
        wire.failNextPushesWith.add(500);

        assertThatThrownBy(engine::syncNow).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(500));
        assertThat(store.pendingOutboxCount()).isEqualTo(2);
        assertThat(engine.status().online()).isFalse();
        assertThat(engine.status().lastError()).contains("500");
        List<UUID> firstAttempt = wire.pushedMutationIds();

        engine.syncNow();

        assertThat(wire.pushes).hasSize(2);
        assertThat(wire.pushes.get(1).mutations()).extracting(Mutation::mutationId).containsExactlyElementsOf(firstAttempt);
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(engine.status().lastError()).isNull();
    }

    @Test
    void duplicateAnswersAreTreatedAsTheirOriginalOutcome() {
        Booking accepted = book(9);
        Booking refused = book(14);
        UUID acceptedMutation = store.pendingOutbox(10).get(0).mutation().mutationId();
        UUID refusedMutation = store.pendingOutbox(10).get(1).mutation().mutationId();
        wire.decide = m -> m.mutationId().equals(refusedMutation)
                ? new MutationOutcome.Rejected(m.mutationId(), "resourceId", "the room is closed on Tuesdays", 422)
                : new MutationOutcome.Applied(m.mutationId(), m.entityId(), 41);
        // the server applied the first push but its answer never reached the desk's outbox
        client.push(new PushRequest(store.deviceId().toString(),
                store.pendingOutbox(10).stream().map(OutboxEntry::mutation).toList()));

        engine.syncNow();

        assertThat(wire.pushes.get(wire.pushes.size() - 1).mutations()).extracting(Mutation::mutationId)
                .containsExactly(acceptedMutation, refusedMutation);
        assertThat(wire.pushes).hasSize(2);
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(bookings.isProvisional(accepted.id())).isFalse();
        assertThat(bookings.openConflicts()).extracting(ConflictItem::mutationId).containsExactly(refusedMutation);
        assertThat(bookings.openConflicts().get(0).reason()).contains("closed on Tuesdays");
        assertThat(bookings.booking(refused.id()).orElseThrow().refused()).isTrue();
    }

    @Test
    void pullAsksForPagesUntilTheServerHasNoMore() {
        for (int i = 0; i < 7; i++) {
            wire.changeLog.add(upsert(String.valueOf(i + 1), guest("Guest " + i, i + 1)));
        }
        List<InitialSyncProgress> progress = new ArrayList<>();
        engine.addStatusListener(s -> progress.add(s.progress()));

        engine.syncNow();

        assertThat(wire.pullQueries).containsExactly("", "3", "6");
        assertThat(store.pullCursor()).contains("7");
        assertThat(bookings.searchCustomers("guest", 100)).hasSize(7);
        assertThat(progress).contains(new InitialSyncProgress(true, 3, 7), new InitialSyncProgress(true, 6, 7));
        assertThat(engine.status().progress()).isEqualTo(InitialSyncProgress.IDLE);

        engine.syncNow();

        assertThat(wire.pullQueries).containsExactly("", "3", "6", "7");
    }

    @Test
    void theNextPageIsFetchedWhileTheCurrentOneIsBeingStored() throws Exception {
        for (int i = 0; i < 7; i++) {
            wire.changeLog.add(upsert(String.valueOf(i + 1), guest("Guest " + i, i + 1)));
        }
        List<Boolean> nextAskedForBeforeStoreFinished = new ArrayList<>();
        List<String> cursorsStored = new ArrayList<>();
        try (DeskStore.Subscription ignored = store.addListener(change -> {
            if (!change.touches(com.venuedesk.desk.store.StoreChange.Topic.CUSTOMERS)) {
                return;
            }
            // the store tells of a page on the sync thread, before the engine goes on to the next page
            String stored = store.pullCursor().orElse("");
            cursorsStored.add(stored);
            if (stored.equals("3")) {
                nextAskedForBeforeStoreFinished.add(waitFor(() -> wire.pullQueries.contains("3")));
            }
        })) {
            engine.syncNow();
        }

        assertThat(nextAskedForBeforeStoreFinished).containsExactly(true);
        assertThat(cursorsStored).containsExactly("3", "6", "7");
        assertThat(wire.pullQueries).containsExactly("", "3", "6");
        assertThat(bookings.searchCustomers("guest", 100)).hasSize(7);
    }

    @Test
    void aPageThatFailsToArriveWhileTheOneBeforeIsStoredIsAskedForAgainFromTheStoredCursor() {
        for (int i = 0; i < 7; i++) {
            wire.changeLog.add(upsert(String.valueOf(i + 1), guest("Guest " + i, i + 1)));
        }
        wire.failPullFrom.put("6", 503);

        assertThatThrownBy(engine::syncNow).isInstanceOf(ProblemException.class);

        assertThat(store.pullCursor()).contains("6");
        assertThat(bookings.searchCustomers("guest", 100)).hasSize(6);
        assertThat(engine.status().progress()).isEqualTo(InitialSyncProgress.IDLE);

        engine.syncNow();

        assertThat(wire.pullQueries).containsExactly("", "3", "6", "6");
        assertThat(store.pullCursor()).contains("7");
        assertThat(bookings.searchCustomers("guest", 100)).hasSize(7);
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Test
    void theDeskResumesFromItsPersistedCursorAndOutboxAfterARestart() {
        wire.changeLog.add(upsert("1", guest("Grace Hopper", 1)));
        engine.syncNow();
        book(9);
        wire.failNextPushesWith.add(503);
        assertThatThrownBy(engine::syncNow).isInstanceOf(ProblemException.class);
        engine.close();
        store.close();

        store = DeskStore.open(dataDir, CLOCK);
        engine = new SyncEngine(store, client, scheduler, CLOCK, settings(2, 3));
        assertThat(engine.status().pendingChanges()).isEqualTo(1);
        engine.syncNow();

        assertThat(wire.pullQueries).containsExactly("", "1");
        assertThat(wire.pushes).hasSize(2);
        assertThat(wire.pushes.get(1).mutations()).isEqualTo(wire.pushes.get(0).mutations());
        assertThat(store.pendingOutboxCount()).isZero();
    }

    @Test
    void aBookingMadeAndMovedOfflineIsMovedWithTheRevisionItsCreationGot() {
        Booking booking = book(9);
        bookings.reschedule(booking.id(), room.id(), hour(10));

        engine.syncNow();

        assertThat(wire.pushes).hasSize(2);
        Mutation.RescheduleBooking move = (Mutation.RescheduleBooking) wire.pushes.get(1).mutations().get(0);
        assertThat(move.expectedRevision()).isEqualTo(101);
        assertThat(store.pendingOutboxCount()).isZero();
    }

    @Test
    void aStaleRevisionShowsTheServersCurrentBookingAgain() {
        Booking v5 = confirmed(UUID.randomUUID(), room, ada, hour(9), 5);
        store.applyPulled(List.of(upsert("0", v5)));
        Booking movedElsewhere = v5.withRange(hour(15)).withRevision(6);
        wire.decide = m -> new MutationOutcome.StaleRevision(m.mutationId(), movedElsewhere, "changed by another desk");
        bookings.reschedule(v5.id(), room.id(), hour(11));

        engine.syncNow();

        assertThat(bookings.booking(v5.id()).orElseThrow().booking()).isEqualTo(movedElsewhere);
        assertThat(bookings.openConflicts()).extracting(ConflictItem::kind).containsExactly(ConflictItem.Kind.STALE_REVISION);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheRotatedRefreshTokenIsKept() {
        wire.expireAccessToken();
        String firstRefresh = wire.refreshToken;
        engine.syncNow();
        wire.expireAccessToken();
        String secondRefresh = wire.refreshToken;

        engine.syncNow();

        assertThat(wire.refreshTokensUsed).containsExactly(firstRefresh, secondRefresh);
        assertThat(firstRefresh).isNotEqualTo(secondRefresh);
        assertThat(client.session().orElseThrow().refreshToken()).isEqualTo(wire.refreshToken);
    }

    @Test
    void aChangeEventFromTheServerTriggersASync() throws Exception {
        engine.start();
        awaitUntil(() -> wire.pullQueries.size() == 1 && wire.eventStreamsOpened.get() == 1);
        Booking theirs = confirmed(UUID.randomUUID(), room, ada, hour(16), 9);
        wire.changeLog.add(upsert("1", theirs));

        wire.announceChange.countDown();

        awaitUntil(() -> bookings.booking(theirs.id()).isPresent());
        assertThat(wire.pullQueries).startsWith("", "0");
    }

    @Test
    void aLocalWriteWakesTheEngine() throws Exception {
        engine.start();
        awaitUntil(() -> wire.pullQueries.size() == 1);

        Booking booking = book(9);

        awaitUntil(() -> !bookings.isProvisional(booking.id()));
        assertThat(wire.pushedMutationIds()).hasSize(1);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aChangeLogTombstoneRemovesTheLocalCopy() {
        Booking theirs = confirmed(UUID.randomUUID(), room, ada, hour(16), 9);
        wire.changeLog.add(upsert("1", theirs));
        wire.changeLog.add(new Change("2", com.venuedesk.model.sync.EntityType.BOOKING, theirs.id(), 10, true, null));

        engine.syncNow();

        assertThat(bookings.booking(theirs.id())).isEmpty();
        assertThat(bookings.bookingsOf(ada.id())).isEmpty();
    }

    @Test
    void aCancellationIsPushedAsAStatusChange() {
        Booking v5 = confirmed(UUID.randomUUID(), room, ada, hour(9), 5);
        store.applyPulled(List.of(upsert("0", v5)));
        bookings.changeStatus(v5.id(), com.venuedesk.model.sync.BookingAction.CANCEL, "guest called");

        engine.syncNow();

        Mutation.ChangeBookingStatus sent = (Mutation.ChangeBookingStatus) wire.pushes.get(0).mutations().get(0);
        assertThat(sent.reason()).isEqualTo("guest called");
        assertThat(bookings.booking(v5.id()).orElseThrow().booking().status()).isEqualTo(BookingStatus.CANCELLED);
    }

    /** As a real server does, a created booking also enters the change log (so a full pull brings it). */
    private void serverLogsWhatItApplies() {
        java.util.concurrent.atomic.AtomicLong revisions = new java.util.concurrent.atomic.AtomicLong(200);
        wire.decide = m -> {
            long revision = revisions.incrementAndGet();
            if (m instanceof Mutation.CreateBooking c) {
                wire.changeLog.add(upsert("x", new Booking(c.bookingId(), c.resourceId(), c.customerId(),
                        new com.venuedesk.model.domain.TimeRange(c.start(), c.end()), BookingStatus.CONFIRMED, null,
                        c.notes(), revision, c.actedBy(), CLOCK.instant(), null, "")));
            }
            return new MutationOutcome.Applied(m.mutationId(), m.entityId(), revision);
        };
    }

    @Test
    void aCursorResetMakesTheDeskPullTheWholeVenueAfreshPushingItsOutboxAndDroppingWhatTheServerNoLongerHas() {
        serverLogsWhatItApplies();
        Booking kept = confirmed(UUID.randomUUID(), room, ada, hour(14), 6);
        Booking lostInTheRestore = confirmed(UUID.randomUUID(), room, ada, hour(16), 3);
        wire.changeLog.addAll(List.of(upsert("1", room), upsert("2", ada), upsert("3", kept), upsert("4", lostInTheRestore)));
        engine.syncNow();
        assertThat(store.pullCursor()).contains("4");
        // the server is restored from a backup taken before the 16:00 booking; it has one made since, and this desk
        // books offline meanwhile
        Booking madeAfterTheRestore = confirmed(UUID.randomUUID(), room, ada, hour(11), 1);
        wire.changeLog.clear();
        wire.changeLog.addAll(List.of(upsert("1", room), upsert("2", ada), upsert("3", kept.withRevision(4)),
                upsert("4", madeAfterTheRestore)));
        wire.resetCursors.add("4");
        Booking offline = book(9);
        List<SyncStatus> statuses = new ArrayList<>();
        engine.addStatusListener(statuses::add);

        engine.syncNow();

        assertThat(wire.pushedMutationIds()).hasSize(1);
        assertThat(wire.pullQueries).containsExactly("", "3", "4", "", "3");
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).extracting(Booking::id)
                .containsExactly(offline.id(), madeAfterTheRestore.id(), kept.id());
        assertThat(bookings.booking(kept.id()).orElseThrow().booking().revision()).isEqualTo(4);
        assertThat(bookings.isProvisional(offline.id())).isFalse();
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(store.pullCursor()).contains("5");
        assertThat(store.resyncUnderWay()).isFalse();
        assertThat(engine.status().resyncedAt()).isEqualTo(CLOCK.instant());
        assertThat(engine.status().lastError()).isNull();
        assertThat(statuses).extracting(SyncStatus::resyncedAt).contains(CLOCK.instant());

        engine.syncNow();

        assertThat(wire.pullQueries).containsExactly("", "3", "4", "", "3", "5");
        assertThat(engine.status().resyncedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aResyncCutShortBeginsAgainFromTheStartAtTheNextSyncEvenAfterARestart() {
        Booking lost = confirmed(UUID.randomUUID(), room, ada, hour(16), 3);
        Booking alsoLost = confirmed(UUID.randomUUID(), room, ada, hour(17), 3);
        wire.changeLog.addAll(List.of(upsert("1", room), upsert("2", ada), upsert("3", lost), upsert("4", alsoLost)));
        engine.syncNow();
        wire.changeLog.clear();
        for (int i = 0; i < 5; i++) {
            wire.changeLog.add(upsert(String.valueOf(i + 1), guest("Guest " + i, i + 1)));
        }
        wire.resetCursors.add("4");
        // the full pull's second page does not arrive
        wire.failPullFrom.put("3", 503);

        assertThatThrownBy(engine::syncNow).isInstanceOf(ProblemException.class);
        assertThat(store.resyncUnderWay()).isTrue();
        assertThat(bookings.booking(lost.id())).isPresent();
        engine.close();
        store.close();
        store = DeskStore.open(dataDir, CLOCK);
        bookings = new LocalBookings(store, CLOCK, wire.userId);
        engine = new SyncEngine(store, client, scheduler, CLOCK, settings(2, 3));

        engine.syncNow();

        assertThat(wire.pullQueries).containsExactly("", "3", "4", "", "3", "", "3");
        assertThat(bookings.searchCustomers("guest", 100)).hasSize(5);
        assertThat(bookings.booking(lost.id())).isEmpty();
        assertThat(store.resyncUnderWay()).isFalse();
    }
}
