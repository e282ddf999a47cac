package com.venuedesk.server.consumers;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.history.ChangeFeed;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hibernate.Session;

/**
 * A consumer for watching the mechanism: every event it handles becomes a row of {@code consumer_test_seen} (primary
 * key consumer and seq, so handling an event twice would fail loudly) in the consumer's own transaction, and is
 * remembered in memory in the order handled. Test infrastructure only.
 */
final class RecordingConsumer implements LogConsumer {
    final String name;
    final List<ChangeFeed.Row> handled = new CopyOnWriteArrayList<>();
    final AtomicBoolean ready = new AtomicBoolean();
    final AtomicInteger calls = new AtomicInteger();
    volatile Predicate<ChangeFeed.Row> failsOn = row -> false;
    volatile int blockAtCall = -1;
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    RecordingConsumer(String name) {
        this.name = name;
    }

    /** Creates the table the consumer writes to in the server's database, then lets the consumer run. */
    RecordingConsumer readyOn(VenueDeskServer server) {
        server.database().inTransaction(session -> {
            session.doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS consumer_test_seen (consumer VARCHAR(100) NOT NULL,"
                            + " seq BIGINT NOT NULL, entity_id UUID NOT NULL, PRIMARY KEY (consumer, seq))");
                }
            });
            return null;
        });
        ready.set(true);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void handle(Session session, ChangeFeed.Row event) throws Exception {
        if (!ready.get()) {
            throw new IllegalStateException("the test has not created consumer_test_seen yet");
        }
        if (calls.incrementAndGet() == blockAtCall) {
            blocked.countDown();
            release.await();
        }
        if (failsOn.test(event)) {
            throw new IllegalStateException("cannot handle " + event.entityId());
        }
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO consumer_test_seen (consumer, seq, entity_id) VALUES (?, ?, ?)")) {
                s.setString(1, name);
                s.setLong(2, event.cursor().seq());
                s.setObject(3, event.entityId());
                s.executeUpdate();
            }
        });
        handled.add(event);
    }

    /** The entity ids this consumer's rows hold, in seq order, as committed. */
    static List<UUID> committed(VenueDeskServer server, String consumer) {
        return server.database().inTransaction(session -> session.createNativeQuery(
                        "SELECT entity_id FROM consumer_test_seen WHERE consumer = :c ORDER BY seq", UUID.class)
                .setParameter("c", consumer).getResultList());
    }
}
