package com.venuedesk.desk.store;

import static com.venuedesk.desk.store.Fixtures.confirmed;
import static com.venuedesk.desk.store.Fixtures.guest;
import static com.venuedesk.desk.store.Fixtures.hour;
import static com.venuedesk.desk.store.Fixtures.room;
import static com.venuedesk.desk.store.Fixtures.tombstone;
import static com.venuedesk.desk.store.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.desk.store.LocalWrite.Clash;
import com.venuedesk.desk.store.LocalWrite.Invalid;
import com.venuedesk.desk.store.LocalWrite.Recorded;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.Mutation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
    private static final UUID CLERK = UUID.randomUUID();

    @TempDir
    Path dataDir;

    private DeskStore store;
    private LocalBookings bookings;
    private final Resource room = room("Room A", 3);
    private final Customer ada = guest("Ada Lovelace", 2);

    @BeforeEach
    void openStoreWithOneRoomAndOneGuest() {
        store = DeskStore.open(dataDir, CLOCK);
        bookings = new LocalBookings(store, CLOCK, CLERK);
        store.applyPulledPage(List.of(upsert("1", room), upsert("2", ada)), "2");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void readsServeBeforeHibernateHasBootedAndTheFirstWriteBootsIt() {
        Booking booked = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(9), "")).entity();
        UUID device = store.deviceId();
        store.close();
        List<Runnable> held = new ArrayList<>();

        store = DeskStore.open(dataDir, CLOCK, held::add);
        bookings = new LocalBookings(store, CLOCK, CLERK);

        assertThat(held).hasSize(1);
        assertThat(store.deviceId()).isEqualTo(device);
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).containsExactly(booked);
        assertThat(bookings.booking(booked.id())).map(LocalBooking::provisional).contains(true);
        assertThat(bookings.resources()).containsExactly(room);
        assertThat(bookings.customerNames(List.of(ada.id()))).containsEntry(ada.id(), "Ada Lovelace");
        assertThat(bookings.pendingOutboxCount()).isEqualTo(1);
        assertThat(bookings.openConflicts()).isEmpty();
        assertThat(store.pullCursor()).contains("2");
        assertThat(new CredentialCache(store).knowsAnyone()).isFalse();

        // the first write does not wait for the boot it was promised: it boots Hibernate itself
        assertThat(bookings.createBooking(room.id(), ada.id(), hour(11), "")).isInstanceOf(Recorded.class);
        held.get(0).run();

        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).hasSize(2);
    }

    @Test
    void customerNamesAreLookedUpTogetherAndADeletedOrUnknownCustomerHasNone() {
        Customer grace = guest("Grace Hopper", 1);
        store.applyPulledPage(List.of(upsert("3", grace), tombstone("4", EntityType.CUSTOMER, grace.id(), 2)), "4");

        assertThat(bookings.customerNames(List.of(ada.id(), grace.id(), UUID.randomUUID())))
                .containsExactly(java.util.Map.entry(ada.id(), "Ada Lovelace"));
    }

    @Test
    void aLocalBookingAndItsOutboxEntryAreRecordedTogether() {
        LocalWrite write = bookings.createBooking(room.id(), ada.id(), hour(9), "window seat");

        assertThat(write).isInstanceOf(Recorded.class);
        Booking booking = (Booking) ((Recorded) write).entity();
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).containsExactly(booking);
        assertThat(bookings.isProvisional(booking.id())).isTrue();
        List<OutboxEntry> outbox = store.pendingOutbox(10);
        assertThat(outbox).hasSize(1);
        Mutation.CreateBooking create = (Mutation.CreateBooking) outbox.get(0).mutation();
        assertThat(create.bookingId()).isEqualTo(booking.id());
        assertThat(create.start()).isEqualTo(hour(9).start());
        assertThat(create.notes()).isEqualTo("window seat");
    }

    @Test
    void aFailingOutboxInsertRollsBackTheBookingItWasFor() {
        UUID reusedMutationId = UUID.randomUUID();
        UUID secondBookingId = UUID.randomUUID();
        Deque<UUID> ids = new ArrayDeque<>(List.of(UUID.randomUUID(), reusedMutationId, secondBookingId, reusedMutationId));
        LocalBookings withIds = new LocalBookings(store, CLOCK, CLERK, ids::pop);
        withIds.createBooking(room.id(), ada.id(), hour(9), "");

        assertThatThrownBy(() -> withIds.createBooking(room.id(), ada.id(), hour(11), ""))
                .isInstanceOf(RuntimeException.class);

        assertThat(bookings.booking(secondBookingId)).isEmpty();
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).hasSize(1);
        assertThat(store.pendingOutboxCount()).isEqualTo(1);
    }

    @Test
    void aLocalClashIsRefusedWithTheBookingInTheWay() {
        Booking taken = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        store.applyPulled(List.of(upsert("3", taken)));

        LocalWrite write = bookings.createBooking(room.id(), ada.id(), new com.venuedesk.model.domain.TimeRange(
                hour(9).start().plusSeconds(1800), hour(10).start().plusSeconds(1800)), "");

        assertThat(write).isInstanceOf(Clash.class);
        assertThat(((Clash) write).conflicts()).containsExactly(taken);
        assertThat(store.pendingOutboxCount()).isZero();
        assertThat(bookings.createBooking(room.id(), ada.id(), hour(11), "")).isInstanceOf(Recorded.class);
    }

    @Test
    void aBookingCanBeMovedOntoItsOwnTimeButNotOntoAnother() {
        Booking other = confirmed(UUID.randomUUID(), room, ada, hour(12), 5);
        store.applyPulled(List.of(upsert("3", other)));
        Booking mine = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(9), "")).entity();

        LocalWrite longer = bookings.reschedule(mine.id(), room.id(),
                new com.venuedesk.model.domain.TimeRange(hour(9).start(), hour(10).end()));
        LocalWrite ontoOther = bookings.reschedule(mine.id(), room.id(), hour(12));

        assertThat(longer).isInstanceOf(Recorded.class);
        assertThat(ontoOther).isInstanceOf(Clash.class);
        assertThat(store.pendingOutbox(10)).extracting(e -> e.mutation().getClass().getSimpleName())
                .containsExactly("CreateBooking");
        assertThat(store.pendingOutboxCount()).isEqualTo(2);
    }

    @Test
    void statusChangesFollowTheBookingLifecycle() {
        Booking booked = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        store.applyPulled(List.of(upsert("3", booked)));

        assertThat(bookings.changeStatus(booked.id(), BookingAction.CHECK_IN, "")).isInstanceOf(Recorded.class);
        assertThat(bookings.changeStatus(booked.id(), BookingAction.CHECK_IN, "")).isInstanceOf(Invalid.class);
        assertThat(bookings.changeStatus(booked.id(), BookingAction.COMPLETE, "")).isInstanceOf(Recorded.class);
        LocalWrite cancelCompleted = bookings.changeStatus(booked.id(), BookingAction.CANCEL, "guest called");

        assertThat(cancelCompleted).isInstanceOf(Invalid.class);
        assertThat(((Invalid) cancelCompleted).field()).isEqualTo("status");
        assertThat(bookings.booking(booked.id()).orElseThrow().booking().status()).isEqualTo(BookingStatus.COMPLETED);
        assertThat(store.pendingOutboxCount()).isEqualTo(2);
    }

    @Test
    void applyingTheSamePulledPageTwiceChangesNothingTheSecondTime() {
        Booking booked = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        List<com.venuedesk.model.sync.Change> page = List.of(upsert("3", booked), upsert("4", guest("Grace Hopper", 1)));

        assertThat(store.applyPulled(page)).isEqualTo(2);
        assertThat(store.applyPulled(page)).isZero();
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).containsExactly(booked);
        assertThat(bookings.searchCustomers("grace", 10)).extracting(Customer::name).containsExactly("Grace Hopper");
    }

    @Test
    void anOlderRevisionNeverOverwritesANewerOne() {
        Booking v5 = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        Booking v4 = v5.withRange(hour(14)).withRevision(4);
        store.applyPulled(List.of(upsert("3", v5)));

        assertThat(store.applyPulled(List.of(upsert("4", v4)))).isZero();
        assertThat(bookings.booking(v5.id()).orElseThrow().booking().range()).isEqualTo(hour(10));

        Booking v6 = v5.withRange(hour(15)).withRevision(6);
        assertThat(store.applyPulled(List.of(upsert("5", v6)))).isEqualTo(1);
        assertThat(bookings.booking(v5.id()).orElseThrow().booking()).isEqualTo(v6);
    }

    @Test
    void aTombstoneRemovesTheRecordAndAnOlderUpsertCannotBringItBack() {
        Booking v5 = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        store.applyPulled(List.of(upsert("3", v5)));

        store.applyPulled(List.of(tombstone("4", EntityType.BOOKING, v5.id(), 6),
                tombstone("5", EntityType.RESOURCE, room.id(), 4)));
        store.applyPulled(List.of(upsert("3", v5)));

        assertThat(bookings.booking(v5.id())).isEmpty();
        assertThat(bookings.bookingsBetween(hour(0).start(), hour(23).end())).isEmpty();
        assertThat(bookings.resources()).isEmpty();
    }

    @Test
    void aPulledBookingClearsTheProvisionalFlagOfTheDesksOwnCopy() {
        Booking mine = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(9), "")).entity();
        OutboxEntry entry = store.pendingOutbox(1).get(0);
        store.settle(List.of(entry), List.of(new com.venuedesk.model.sync.MutationOutcome.Applied(
                entry.mutation().mutationId(), mine.id(), 1)));
        Booking confirmedByServer = mine.withStatus(BookingStatus.CONFIRMED).withRevision(1);

        store.applyPulled(List.of(upsert("9", confirmedByServer)));

        LocalBooking local = bookings.booking(mine.id()).orElseThrow();
        assertThat(local.provisional()).isFalse();
        assertThat(local.booking()).isEqualTo(confirmedByServer);
    }

    @Test
    void aBookingShowingTheServersCopyStoresItsJsonOnceAndARefusedLocalChangeStillBringsThatCopyBack() {
        Booking v3 = confirmed(UUID.randomUUID(), room, ada, hour(10), 3);
        store.applyPulled(List.of(upsert("3", v3)));
        assertThat(serverPayloadColumn(v3.id())).as("the server's copy is the payload, kept once").isNull();

        bookings.reschedule(v3.id(), room.id(), hour(14));
        assertThat(serverPayloadColumn(v3.id())).as("a local change keeps the server's copy apart").isNotNull();
        OutboxEntry entry = store.pendingOutbox(1).get(0);
        store.settle(List.of(entry), List.of(new com.venuedesk.model.sync.MutationOutcome.Rejected(
                entry.mutation().mutationId(), "start", "outside opening hours", 422)));

        LocalBooking local = bookings.booking(v3.id()).orElseThrow();
        assertThat(local.booking()).isEqualTo(v3);
        assertThat(local.provisional()).isFalse();
        assertThat(local.refused()).isFalse();
        assertThat(serverPayloadColumn(v3.id())).isNull();
    }

    @Test
    void aPulledChangeWhileALocalChangeWaitsIsTheCopyARefusalRestores() {
        Booking v3 = confirmed(UUID.randomUUID(), room, ada, hour(10), 3);
        store.applyPulled(List.of(upsert("3", v3)));
        bookings.reschedule(v3.id(), room.id(), hour(14));
        Booking v4 = v3.withRange(hour(11)).withRevision(4);
        store.applyPulled(List.of(upsert("4", v4)));
        OutboxEntry entry = store.pendingOutbox(1).get(0);

        store.settle(List.of(entry), List.of(new com.venuedesk.model.sync.MutationOutcome.Rejected(
                entry.mutation().mutationId(), "start", "outside opening hours", 422)));

        assertThat(bookings.booking(v3.id()).orElseThrow().booking()).isEqualTo(v4);
    }

    @Test
    void aBookingTheServerNeverHadIsFlaggedRefusedWhenItsCreationIsRefused() {
        Booking mine = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(9), "")).entity();
        OutboxEntry entry = store.pendingOutbox(1).get(0);

        store.settle(List.of(entry), List.of(new com.venuedesk.model.sync.MutationOutcome.Rejected(
                entry.mutation().mutationId(), "customerId", "unknown customer", 422)));

        LocalBooking local = bookings.booking(mine.id()).orElseThrow();
        assertThat(local.refused()).isTrue();
        assertThat(local.booking()).isEqualTo(mine);
    }

    private String serverPayloadColumn(UUID bookingId) {
        return store.query(c -> {
            try (var q = c.prepareStatement("SELECT server_payload FROM booking WHERE id = ?")) {
                q.setObject(1, bookingId);
                try (var r = q.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    return r.getString(1);
                }
            }
        });
    }

    @Test
    void outboxCursorAndDeviceSurviveARestart() {
        bookings.createBooking(room.id(), ada.id(), hour(9), "");
        bookings.upsertCustomer(guest("Grace Hopper", 0));
        UUID device = store.deviceId();
        List<UUID> mutationIds = new ArrayList<>();
        store.pendingOutbox(10).forEach(e -> mutationIds.add(e.mutation().mutationId()));
        store.close();

        store = DeskStore.open(dataDir, CLOCK);

        assertThat(store.pullCursor()).contains("2");
        assertThat(store.deviceId()).isEqualTo(device);
        assertThat(store.pendingOutbox(10)).extracting(e -> e.mutation().mutationId()).containsExactlyElementsOf(mutationIds);
    }

    @Test
    void listenersHearOneChangePerCommittedWrite() {
        List<StoreChange> heard = new ArrayList<>();
        try (DeskStore.Subscription ignored = store.addListener(heard::add)) {
            bookings.createBooking(room.id(), ada.id(), hour(9), "");
            bookings.createBooking(room.id(), ada.id(), hour(9), "");
            store.applyPulled(List.of(upsert("7", guest("Grace Hopper", 1)), upsert("8", guest("Alan Turing", 1))));
        }
        bookings.createBooking(room.id(), ada.id(), hour(15), "");

        assertThat(heard).hasSize(2);
        assertThat(heard.get(0).touches(StoreChange.Topic.BOOKINGS)).isTrue();
        assertThat(heard.get(0).fromServer()).isFalse();
        assertThat(heard.get(1).touches(StoreChange.Topic.CUSTOMERS)).isTrue();
        assertThat(heard.get(1).fromServer()).isTrue();
    }

    @Test
    void aLargeInitialPageIsAppliedInOneGoAndMovesTheCursor() {
        List<com.venuedesk.model.sync.Change> page = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Customer c = new Customer(UUID.randomUUID(), "Guest " + i, null, null, "", 1);
            page.add(upsert(String.valueOf(10 + i), c));
            page.add(upsert(String.valueOf(10 + i), confirmed(UUID.randomUUID(), room, c, hour(9).shift(java.time.Duration.ofHours(i)), 1)));
        }

        assertThat(store.applyPulledPage(page, "3000")).isEqualTo(3000);

        assertThat(store.pullCursor()).contains("3000");
        assertThat(bookings.searchCustomers("guest 14", 1000)).hasSize(1 + 10 + 100);
        assertThat(bookings.bookingsBetween(hour(9).start(), hour(9).start().plus(java.time.Duration.ofHours(1500)))).hasSize(1500);
    }

    @Test
    void aFirstSyncIntoAnEmptyStoreResumesAfterACrashAndEndsAsTheUsualPathDoes(@TempDir Path otherDir) throws Exception {
        Booking kept = confirmed(UUID.randomUUID(), room, ada, hour(9), 1);
        Booking deleted = confirmed(UUID.randomUUID(), room, ada, hour(10), 1);
        Booking stale = confirmed(UUID.randomUUID(), room, ada, hour(11), 3);
        List<com.venuedesk.model.sync.Change> first = List.of(upsert("3", kept), upsert("4", deleted), upsert("5", stale));
        List<com.venuedesk.model.sync.Change> second = List.of(upsert("6", kept.withRange(hour(14)).withRevision(2)),
                tombstone("7", EntityType.BOOKING, deleted.id(), 2), upsert("8", stale.withRange(hour(16)).withRevision(2)));
        com.fasterxml.jackson.databind.ObjectWriter wire = com.venuedesk.server.wire.Json.newMapper()
                .writerFor(com.venuedesk.model.domain.SyncedEntity.class);
        List<String> firstJson = new ArrayList<>();
        for (com.venuedesk.model.sync.Change c : first) {
            firstJson.add(wire.writeValueAsString(c.entity()));
        }

        // this store has no bookings yet: the first page takes the empty-table path with the wire's JSON kept
        assertThat(store.applyPulledPage(store.preparePulled(first, firstJson), "5")).isEqualTo(3);
        store.close();
        store = DeskStore.open(dataDir, CLOCK);
        bookings = new LocalBookings(store, CLOCK, CLERK);
        assertThat(store.pullCursor()).as("a crash after the first page resumes after it").contains("5");
        assertThat(bookings.booking(kept.id()).orElseThrow().booking()).isEqualTo(kept);
        assertThat(store.applyPulledPage(store.preparePulled(second), "8")).isEqualTo(2);

        // the usual path: a store that already holds a booking looks every pulled record up
        try (DeskStore usual = DeskStore.open(otherDir, CLOCK)) {
            LocalBookings usualBookings = new LocalBookings(usual, CLOCK, CLERK);
            usual.applyPulledPage(List.of(upsert("1", room), upsert("2", ada),
                    upsert("2", confirmed(UUID.randomUUID(), room, ada, hour(20), 1))), "2");
            usual.applyPulledPage(first, "5");
            usual.applyPulledPage(second, "8");
            for (Booking b : List.of(kept, deleted, stale)) {
                assertThat(bookings.booking(b.id())).as(b.id().toString()).isEqualTo(usualBookings.booking(b.id()));
            }
        }
        assertThat(bookings.booking(kept.id()).orElseThrow().booking().range()).isEqualTo(hour(14));
        assertThat(bookings.booking(deleted.id())).isEmpty();
        assertThat(bookings.booking(stale.id()).orElseThrow().booking()).isEqualTo(stale);
        assertThat(store.pullCursor()).contains("8");
    }

    @Test
    void aPagePreparedOnAnotherThreadKeepsTheRevisionAndTombstoneRules() throws Exception {
        Booking stored = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        store.applyPulled(List.of(upsert("1", stored)));
        Booking fresh = confirmed(UUID.randomUUID(), room, ada, hour(12), 1);
        Booking freshMovedLater = fresh.withRange(hour(13)).withRevision(2);
        Booking older = stored.withRange(hour(16)).withRevision(4);
        UUID neverSeen = UUID.randomUUID();
        List<com.venuedesk.model.sync.Change> changes = List.of(upsert("2", older), upsert("3", fresh),
                tombstone("4", EntityType.BOOKING, neverSeen, 3), upsert("5", freshMovedLater));
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        PulledPage page;
        try {
            page = other.submit(() -> store.preparePulled(changes)).get();
        } finally {
            other.shutdownNow();
        }

        assertThat(store.applyPulledPage(page, "5")).isEqualTo(2);

        assertThat(store.pullCursor()).contains("5");
        assertThat(bookings.booking(stored.id()).orElseThrow().booking()).isEqualTo(stored);
        assertThat(bookings.booking(fresh.id()).orElseThrow().booking()).isEqualTo(freshMovedLater);
        assertThat(bookings.booking(neverSeen)).isEmpty();
        assertThat(store.applyPulledPage(store.preparePulled(List.of(tombstone("6", EntityType.BOOKING, fresh.id(), 3),
                upsert("7", freshMovedLater))), "7")).isEqualTo(1);
        assertThat(bookings.booking(fresh.id())).isEmpty();
    }

    @Test
    void aPulledChangeDoesNotHideALocalChangeStillWaitingForItsPush() {
        Booking v5 = confirmed(UUID.randomUUID(), room, ada, hour(10), 5);
        store.applyPulled(List.of(upsert("3", v5)));
        bookings.reschedule(v5.id(), room.id(), hour(14));

        store.applyPulled(List.of(upsert("4", v5.withStatus(BookingStatus.CONFIRMED, "").withRevision(6))));

        LocalBooking local = bookings.booking(v5.id()).orElseThrow();
        assertThat(local.booking().range()).isEqualTo(hour(14));
        assertThat(local.provisional()).isTrue();
        assertThat(store.applyPulled(List.of(upsert("4", v5.withRevision(6))))).isZero();
    }

    @Test
    void customersRecordedLocallyAreFoundByNameEmailOrPhone() {
        Customer grace = new Customer(UUID.randomUUID(), "Grace Hopper", "grace@navy.example", "+1 555 0100", "", 0);

        assertThat(bookings.upsertCustomer(grace)).isEqualTo(new Recorded(grace));

        assertThat(bookings.searchCustomers("HOPPER", 5)).containsExactly(grace);
        assertThat(bookings.searchCustomers("navy.example", 5)).containsExactly(grace);
        assertThat(bookings.searchCustomers("555 0100", 5)).containsExactly(grace);
        assertThat(bookings.searchCustomers("100%", 5)).isEmpty();
        assertThat(bookings.customer(grace.id())).contains(grace);
        Mutation.UpsertCustomer sent = (Mutation.UpsertCustomer) store.pendingOutbox(5).get(0).mutation();
        assertThat(sent.expectedRevision()).isZero();
    }

    @Test
    void aBookingForAnUnknownResourceOrCustomerIsInvalid() {
        LocalWrite noRoom = bookings.createBooking(UUID.randomUUID(), ada.id(), hour(9), "");
        LocalWrite noGuest = bookings.createBooking(room.id(), UUID.randomUUID(), hour(9), "");

        assertThat(noRoom).isInstanceOfSatisfying(Invalid.class, i -> assertThat(i.field()).isEqualTo("resourceId"));
        assertThat(noGuest).isInstanceOfSatisfying(Invalid.class, i -> assertThat(i.field()).isEqualTo("customerId"));
        assertThat(store.pendingOutboxCount()).isZero();
    }

    @Test
    void everyMutationIsCreditedToTheClerkSignedInWhenItWasRecordedEvenAfterAnotherSignsIn() {
        Booking theirs = confirmed(UUID.randomUUID(), room, ada, hour(14), 3);
        store.applyPulled(List.of(upsert("3", theirs)));
        Booking booked = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(9), "")).entity();
        bookings.reschedule(theirs.id(), room.id(), hour(15));
        bookings.upsertCustomer(new Customer(UUID.randomUUID(), "Grace Hopper", null, null, "", 0));
        UUID nextClerk = UUID.randomUUID();
        LocalBookings nextShift = new LocalBookings(store, CLOCK, nextClerk);
        nextShift.changeStatus(booked.id(), BookingAction.CANCEL, "guest called");
        store.close();
        store = DeskStore.open(dataDir, CLOCK);

        List<Mutation> recorded = store.pendingOutbox(10).stream().map(OutboxEntry::mutation).toList();

        assertThat(recorded).hasSize(4);
        assertThat(recorded).extracting(Mutation::actedBy).containsExactly(CLERK, CLERK, CLERK, nextClerk);
        assertThat(recorded.get(0)).isInstanceOf(Mutation.CreateBooking.class);
        assertThat(recorded.get(1)).isInstanceOf(Mutation.RescheduleBooking.class);
        assertThat(recorded.get(2)).isInstanceOf(Mutation.UpsertCustomer.class);
        assertThat(recorded.get(3)).isInstanceOf(Mutation.ChangeBookingStatus.class);
    }

    @Test
    void aMoveSentWithTheRevisionItsCreationGotKeepsItsClerk() {
        Booking booked = (Booking) ((Recorded) bookings.createBooking(room.id(), ada.id(), hour(9), "")).entity();
        bookings.reschedule(booked.id(), room.id(), hour(10));
        OutboxEntry creation = store.pendingOutbox(10).get(0);
        store.settle(List.of(creation), List.of(new com.venuedesk.model.sync.MutationOutcome.Applied(
                creation.mutation().mutationId(), booked.id(), 7)));

        Mutation.RescheduleBooking move = (Mutation.RescheduleBooking) store.pendingOutbox(10).get(0).mutation();

        assertThat(move.expectedRevision()).isEqualTo(7);
        assertThat(move.actedBy()).isEqualTo(CLERK);
    }
}
