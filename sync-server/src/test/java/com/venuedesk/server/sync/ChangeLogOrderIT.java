package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.history.Cursor;
import com.venuedesk.server.history.HistoryActor;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change log cursor never skips a change that commits late with an earlier sequence number. Two transactions
 * append through {@link com.venuedesk.server.history.VenueHistory} on their own Hibernate sessions: T1 appends first and commits last.
 */
class ChangeLogOrderIT {

    @Test
    void onPostgresqlAChangeCommittedLateWithAnEarlierSeqIsNotSkipped(@TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.POSTGRESQL, dir)) {
            SyncDesk desk = new SyncDesk(new Venue(server).staff("desk1", Role.FRONT_DESK), "desk-1");
            String start = desk.pull(null, 100).nextCursor();
            UUID early = UUID.randomUUID();
            UUID late = UUID.randomUUID();
            List<UUID> seen = new ArrayList<>();
            String cursor;
            try (Session t1 = server.database().sessionFactory().openSession();
                 Session t2 = server.database().sessionFactory().openSession()) {
                Transaction tx1 = t1.beginTransaction();
                server.history().record(t1, deletedBooking(early));
                Transaction tx2 = t2.beginTransaction();
                server.history().record(t2, deletedBooking(late));
                assertThat(seqOf(t1, early)).isLessThan(seqOf(t2, late));
                tx2.commit();

                PullAnswer between = desk.pull(start, 100);
                between.changes().forEach(c -> seen.add(c.entityId()));
                assertThat(seen).as("T2's change must wait for T1, which may still commit before it").doesNotContain(early, late);
                assertThat(between.nextCursor()).isEqualTo(start);
                assertThat(SyncDesk.count(server, "change_log")).as("T2's row is committed and visible").isEqualTo(1);
                cursor = between.nextCursor();

                tx1.commit();
            }
            PullAnswer after = desk.pull(cursor, 100);
            after.changes().forEach(c -> seen.add(c.entityId()));
            assertThat(seen).containsExactly(early, late);
        }
    }

    @Test
    void onH2AppendsAreSerialisedSoSeqOrderIsCommitOrderAndNothingIsSkipped(@TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.H2, dir)) {
            SyncDesk desk = new SyncDesk(new Venue(server).staff("desk1", Role.FRONT_DESK), "desk-1");
            String start = desk.pull(null, 100).nextCursor();
            UUID early = UUID.randomUUID();
            UUID late = UUID.randomUUID();
            List<UUID> seen = new ArrayList<>();
            ExecutorService second = Executors.newSingleThreadExecutor();
            try (Session t1 = server.database().sessionFactory().openSession()) {
                Transaction tx1 = t1.beginTransaction();
                server.history().record(t1, deletedBooking(early));
                CompletableFuture<Void> t2Done = CompletableFuture.runAsync(() -> {
                    try (Session t2 = server.database().sessionFactory().openSession()) {
                        Transaction tx2 = t2.beginTransaction();
                        server.history().record(t2, deletedBooking(late));
                        tx2.commit();
                    }
                }, second);
                try {
                    t2Done.get(500, TimeUnit.MILLISECONDS);
                    throw new AssertionError("T2 appended while T1 held the change log head");
                } catch (TimeoutException expected) {
                    // T2 waits for T1's head lock: it cannot take a seq until T1 has committed
                }
                PullAnswer between = desk.pull(start, 100);
                between.changes().forEach(c -> seen.add(c.entityId()));
                assertThat(seen).isEmpty();
                assertThat(between.nextCursor()).isEqualTo(start);

                tx1.commit();
                t2Done.get(10, TimeUnit.SECONDS);
            } finally {
                second.shutdownNow();
            }
            PullAnswer after = desk.pull(start, 100);
            after.changes().forEach(c -> seen.add(c.entityId()));
            assertThat(seen).containsExactly(early, late);
            List<Cursor> cursors = after.changes().stream().map(Change::cursor).map(Cursor::parse).toList();
            assertThat(cursors).isSorted();
        }
    }

    private static HistoryEntry deletedBooking(UUID id) {
        return HistoryEntry.of(EntityType.BOOKING, id, 1, HistoryAction.DELETED, HistoryActor.SERVER);
    }

    private static long seqOf(Session own, UUID entityId) {
        return ((Number) own.createNativeQuery("SELECT seq FROM change_log WHERE entity_id = :id", Object.class)
                .setParameter("id", entityId).getSingleResult()).longValue();
    }
}
