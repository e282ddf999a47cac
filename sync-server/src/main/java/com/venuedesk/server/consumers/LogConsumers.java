package com.venuedesk.server.consumers;

import com.venuedesk.server.history.ChangeFeed;
import com.venuedesk.server.history.Cursor;
import com.venuedesk.server.history.LogIdentity;
import com.venuedesk.server.persistence.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server's consumers of the venue's history. Each consumer has a cursor row in {@code log_consumer}; a batch
 * is one transaction that takes that row's lock ({@code FOR UPDATE SKIP LOCKED}: an instance that finds it taken
 * leaves the batch to the instance that holds it), reads the events after the cursor through the same
 * {@link ChangeFeed} horizon as desks, hands each to the consumer inside a savepoint, and moves the cursor in the same
 * transaction. So at most one server instance runs a consumer at a time, another takes over as soon as the holder's
 * connection ends (the lock goes with it), and a batch cut short by a crash is read again from its start.
 *
 * <p>A failed event stops the consumer there and is retried with backoff; after {@link ConsumerSettings#maxAttempts()}
 * failures it is parked in {@code log_consumer_parked} (visible and retryable through {@link ConsumerApi}) and the
 * consumer goes on.
 */
public final class LogConsumers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogConsumers.class);
    /** Lag beyond this is reported as this: a gauge, not an audit. */
    private static final int LAG_COUNT_CAP = 100_000;
    private static final int ERROR_MAX = 2000;
    /** A parked event's columns in the order {@link #parkedOf} reads them. */
    private static final String PARKED_SELECT = "SELECT id, consumer, seq, entity_type, entity_id, action, attempts,"
            + " last_error, parked_at, state, resolved_at FROM log_consumer_parked";

    private final Database db;
    private final ChangeFeed feed;
    private final Map<String, LogConsumer> consumers = new LinkedHashMap<>();
    private final Map<String, Lag> lags = new LinkedHashMap<>();
    private final ConsumerSettings settings;
    private final Clock clock;
    private final String instance;
    private final ScheduledExecutorService scheduler;

    /** What {@code /metrics} shows of one consumer, refreshed after each of its rounds. */
    private static final class Lag {
        final AtomicLong events = new AtomicLong();
        final AtomicLong seconds = new AtomicLong();
        final AtomicLong parked = new AtomicLong();
    }

    public LogConsumers(Database db, LogIdentity log, List<LogConsumer> consumers, ConsumerSettings settings,
                        Clock clock, MeterRegistry meters) {
        this.db = db;
        this.feed = new ChangeFeed(db.vendor(), log);
        this.settings = settings;
        this.clock = clock;
        this.instance = instanceName();
        for (LogConsumer consumer : consumers) {
            if (this.consumers.put(consumer.name(), consumer) != null) {
                throw new IllegalArgumentException("two consumers named " + consumer.name());
            }
            Lag lag = new Lag();
            lags.put(consumer.name(), lag);
            Gauge.builder("venuedesk.consumer.lag.events", lag.events, AtomicLong::get).tag("consumer", consumer.name())
                    .description("events of the venue's history this consumer has not handled yet").register(meters);
            Gauge.builder("venuedesk.consumer.lag.seconds", lag.seconds, AtomicLong::get).tag("consumer", consumer.name())
                    .description("age of the oldest event this consumer has not handled yet").register(meters);
            Gauge.builder("venuedesk.consumer.parked", lag.parked, AtomicLong::get).tag("consumer", consumer.name())
                    .description("events this consumer set aside after repeated failures").register(meters);
        }
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, consumers.size()), runnable -> {
            Thread thread = new Thread(runnable, "venuedesk-consumer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Creates missing cursor rows (a new consumer reads the venue's whole history) and starts every consumer. */
    public LogConsumers start() {
        for (String name : consumers.keySet()) {
            ensureRow(name);
            scheduler.scheduleWithFixedDelay(() -> runRounds(name), 0, settings.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public List<String> names() {
        return List.copyOf(consumers.keySet());
    }

    private void runRounds(String name) {
        try {
            // catch up in batches, then let the next poll come
            for (int i = 0; i < 50 && runOnce(name) == Round.MORE; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            refreshLag(name);
            consumers.get(name).afterRound();
        } catch (RuntimeException e) {
            if (!scheduler.isShutdown()) {
                LOG.warn("consumer {} round failed: {}", name, e.toString());
            }
        }
    }

    /** What one batch did. */
    public enum Round {
        /** Another instance holds the consumer now. */
        HELD_ELSEWHERE,
        /** Nothing to do (caught up, or waiting to retry a failed event). */
        IDLE,
        /** Handled a batch; more may be waiting. */
        MORE
    }

    /** One batch of the consumer: handles what it can of the next events, in one transaction. */
    public Round runOnce(String name) {
        LogConsumer consumer = consumers.get(name);
        return db.inTransaction(session -> session.doReturningWork(connection -> {
            if (!workWaiting(connection, name)) {
                return Round.IDLE;
            }
            Optional<State> locked = lockRow(connection, name);
            if (locked.isEmpty()) {
                return Round.HELD_ELSEWHERE;
            }
            State state = locked.get();
            Instant now = clock.instant();
            ChangeFeed.Page page = feed.after(connection, state.cursor(), settings.batchSize());
            int handled = 0;
            boolean stopped = false;
            for (ChangeFeed.Row event : page.rows()) {
                boolean failedBefore = state.failingSeq() != null && state.failingSeq() == event.cursor().seq();
                if (failedBefore && state.retryAt() != null && state.retryAt().isAfter(now)) {
                    stopped = true;
                    break;
                }
                Optional<Exception> failure = handleInSavepoint(session, connection, consumer, event);
                if (failure.isEmpty()) {
                    state = state.past(event.cursor());
                    handled++;
                    continue;
                }
                int failures = failedBefore ? state.failures() + 1 : 1;
                String error = describe(failure.get());
                if (failures >= settings.maxAttempts()) {
                    park(connection, name, event, failures, error, now);
                    LOG.warn("consumer {} parked event seq={} {} {} after {} failures: {}", name, event.cursor().seq(),
                            event.type(), event.entityId(), failures, error);
                    state = state.past(event.cursor());
                    continue;
                }
                Instant retryAt = now.plus(settings.backoffAfter(failures));
                LOG.info("consumer {} failed on event seq={} {} {} (attempt {} of {}), retrying at {}: {}", name,
                        event.cursor().seq(), event.type(), event.entityId(), failures, settings.maxAttempts(), retryAt,
                        error);
                state = state.failing(event.cursor().seq(), failures, retryAt, error);
                stopped = true;
                break;
            }
            store(connection, name, state, handled, now);
            return !stopped && page.hasMore() ? Round.MORE : Round.IDLE;
        }));
    }

    private static Optional<Exception> handleInSavepoint(Session session, Connection connection, LogConsumer consumer,
                                                         ChangeFeed.Row event) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            consumer.handle(session, event);
            session.flush();
            connection.releaseSavepoint(savepoint);
            return Optional.empty();
        } catch (Exception e) {
            connection.rollback(savepoint);
            session.clear();
            return Optional.of(e);
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }

    /** A consumer's cursor row as read under its lock. */
    private record State(Cursor cursor, Long failingSeq, int failures, Instant retryAt, String lastError) {
        State past(Cursor event) {
            boolean wasFailing = failingSeq != null && failingSeq == event.seq();
            return wasFailing ? new State(event, null, 0, null, null) : new State(event, failingSeq, failures, retryAt,
                    lastError);
        }

        State failing(long seq, int count, Instant at, String error) {
            return new State(cursor, seq, count, at, error);
        }
    }

    /**
     * Whether a batch could do anything, read without the row's lock: an event past the cursor that is not a failed
     * one waiting for its retry. An idle poll so takes no lock and writes nothing; on PostgreSQL it takes no
     * transaction id either, so it never holds back the feed's horizon for desks (a row lock would, for as long as the
     * poll ran). A stale read only costs a batch that finds nothing under the lock.
     */
    private boolean workWaiting(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT epoch, tx_id, seq, failing_seq, retry_at"
                + " FROM log_consumer WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return true;
                }
                Cursor cursor = new Cursor(r.getInt(1), r.getLong(2), r.getLong(3));
                r.getLong(4);
                boolean failing = !r.wasNull();
                OffsetDateTime retryAt = r.getObject(5, OffsetDateTime.class);
                if (failing && retryAt != null && retryAt.toInstant().isAfter(clock.instant())) {
                    return false;
                }
                return !feed.after(c, cursor, 1).rows().isEmpty();
            }
        }
    }

    private Optional<State> lockRow(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT epoch, tx_id, seq, failing_seq, failures, retry_at,"
                + " last_error FROM log_consumer WHERE name = ? FOR UPDATE SKIP LOCKED")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long failing = r.getLong(4);
                Long failingSeq = r.wasNull() ? null : failing;
                OffsetDateTime retryAt = r.getObject(6, OffsetDateTime.class);
                return Optional.of(new State(new Cursor(r.getInt(1), r.getLong(2), r.getLong(3)), failingSeq,
                        r.getInt(5), retryAt == null ? null : retryAt.toInstant(), r.getString(7)));
            }
        }
    }

    private void store(Connection c, String name, State state, int handled, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE log_consumer SET epoch = ?, tx_id = ?, seq = ?,"
                + " failing_seq = ?, failures = ?, retry_at = ?, last_error = ?, processed = processed + ?,"
                + " updated_at = ?, owner = ? WHERE name = ?")) {
            s.setInt(1, state.cursor().epoch());
            s.setLong(2, state.cursor().txId());
            s.setLong(3, state.cursor().seq());
            s.setObject(4, state.failingSeq());
            s.setInt(5, state.failures());
            s.setObject(6, state.retryAt() == null ? null : OffsetDateTime.ofInstant(state.retryAt(), ZoneOffset.UTC));
            s.setString(7, state.lastError());
            s.setLong(8, handled);
            s.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setString(10, instance);
            s.setString(11, name);
            s.executeUpdate();
        }
    }

    private static void park(Connection c, String name, ChangeFeed.Row event, int attempts, String error, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO log_consumer_parked (id, consumer, epoch, tx_id, seq,"
                + " entity_type, entity_id, action, attempts, last_error, parked_at, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED')")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, name);
            s.setInt(3, event.cursor().epoch());
            s.setLong(4, event.cursor().txId());
            s.setLong(5, event.cursor().seq());
            s.setString(6, event.type().name());
            s.setObject(7, event.entityId());
            s.setString(8, event.action().name());
            s.setInt(9, attempts);
            s.setString(10, error);
            s.setObject(11, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private void ensureRow(String name) {
        db.inTransaction(session -> session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM log_consumer WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO log_consumer (name, epoch, tx_id, seq, failures,"
                    + " processed, updated_at) VALUES (?, 0, 0, 0, 0, 0, ?)")) {
                s.setString(1, name);
                s.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                s.executeUpdate();
            } catch (SQLException raced) {
                // another instance starting at the same moment created it
                LOG.debug("consumer {} row created elsewhere: {}", name, raced.toString());
            }
            return null;
        }));
    }

    /** A consumer as an admin sees it. */
    public record Status(String name, long lagEvents, long lagSeconds, long parked, long processed, int failures,
                         String lastError, Instant retryAt, String owner, Instant updatedAt) { }

    /** Every consumer's state, read now (without its lock). */
    public List<Status> statuses() {
        List<Status> all = new ArrayList<>();
        for (String name : consumers.keySet()) {
            all.add(status(name));
        }
        return all;
    }

    private Status status(String name) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT epoch, tx_id, seq, processed, failures, last_error,"
                    + " retry_at, owner, updated_at FROM log_consumer WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return new Status(name, 0, 0, 0, 0, 0, null, null, null, null);
                    }
                    Cursor cursor = new Cursor(r.getInt(1), r.getLong(2), r.getLong(3));
                    long[] lag = lagAfter(c, cursor);
                    OffsetDateTime retryAt = r.getObject(7, OffsetDateTime.class);
                    OffsetDateTime updated = r.getObject(9, OffsetDateTime.class);
                    return new Status(name, lag[0], lag[1], parkedCount(c, name), r.getLong(4), r.getInt(5),
                            r.getString(6), retryAt == null ? null : retryAt.toInstant(), r.getString(8),
                            updated == null ? null : updated.toInstant());
                }
            }
        }));
    }

    private void refreshLag(String name) {
        Status status = status(name);
        Lag lag = lags.get(name);
        lag.events.set(status.lagEvents());
        lag.seconds.set(status.lagSeconds());
        lag.parked.set(status.parked());
    }

    /** Events after the cursor (up to the cap) and the age in seconds of the oldest of them. */
    private long[] lagAfter(Connection c, Cursor cursor) throws SQLException {
        ChangeFeed.Page first = feed.after(c, cursor, 1);
        if (first.rows().isEmpty()) {
            return new long[] {0, 0};
        }
        long seconds = Math.max(0, Duration.between(first.rows().get(0).at(), clock.instant()).toSeconds());
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM change_log"
                + " WHERE (epoch, tx_id, seq) > (?, ?, ?) FETCH FIRST " + LAG_COUNT_CAP + " ROWS ONLY) AS waiting")) {
            s.setInt(1, cursor.epoch());
            s.setLong(2, cursor.txId());
            s.setLong(3, cursor.seq());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), seconds};
            }
        }
    }

    private static long parkedCount(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM log_consumer_parked WHERE consumer = ? AND state = 'PARKED'")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A parked event as an admin sees it. */
    public record Parked(UUID id, String consumer, long seq, String entityType, UUID entityId, String action,
                         int attempts, String lastError, Instant parkedAt, String state, Instant resolvedAt) { }

    /** Parked events, newest first; {@code consumer} and {@code state} optional. */
    public List<Parked> parked(String consumer, String state) {
        StringBuilder sql = new StringBuilder(PARKED_SELECT + " WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (consumer != null) {
            sql.append(" AND consumer = ?");
            args.add(consumer);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        sql.append(" ORDER BY parked_at DESC, seq DESC FETCH FIRST 500 ROWS ONLY");
        return db.inTransaction(session -> session.doReturningWork(c -> {
            List<Parked> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setString(i + 1, args.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(parkedOf(r));
                    }
                }
            }
            return found;
        }));
    }

    private static Parked parkedOf(ResultSet r) throws SQLException {
        OffsetDateTime resolved = r.getObject(11, OffsetDateTime.class);
        return new Parked(r.getObject(1, UUID.class), r.getString(2), r.getLong(3), r.getString(4),
                r.getObject(5, UUID.class), r.getString(6), r.getInt(7), r.getString(8),
                r.getObject(9, OffsetDateTime.class).toInstant(), r.getString(10),
                resolved == null ? null : resolved.toInstant());
    }

    /**
     * Hands a parked event to its consumer again, now. Handled: the entry is RESOLVED. Failed again: it stays
     * PARKED with one more attempt and the new error. Empty when there is no such parked entry.
     */
    public Optional<Parked> retry(UUID parkedId) {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            String consumerName;
            Cursor at;
            try (PreparedStatement s = c.prepareStatement("SELECT consumer, epoch, tx_id, seq, state FROM"
                    + " log_consumer_parked WHERE id = ? FOR UPDATE")) {
                s.setObject(1, parkedId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Parked>empty();
                    }
                    consumerName = r.getString(1);
                    at = new Cursor(r.getInt(2), r.getLong(3), r.getLong(4));
                    if (!"PARKED".equals(r.getString(5))) {
                        return Optional.of(reread(c, parkedId));
                    }
                }
            }
            LogConsumer consumer = consumers.get(consumerName);
            ChangeFeed.Row event = eventAt(c, at);
            Optional<Exception> failure = consumer == null || event == null
                    ? Optional.of(new IllegalStateException(consumer == null ? "no consumer " + consumerName
                    + " runs in this server" : "the event is no longer in the log"))
                    : handleInSavepoint(session, c, consumer, event);
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            String sql = failure.isEmpty()
                    ? "UPDATE log_consumer_parked SET state = 'RESOLVED', resolved_at = ?, attempts = attempts + 1 WHERE id = ?"
                    : "UPDATE log_consumer_parked SET last_error = ?, attempts = attempts + 1 WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (failure.isEmpty()) {
                    s.setObject(1, now);
                } else {
                    s.setString(1, describe(failure.get()));
                }
                s.setObject(2, parkedId);
                s.executeUpdate();
            }
            LOG.info("parked event {} of consumer {} retried by an admin: {}", parkedId, consumerName,
                    failure.map(LogConsumers::describe).orElse("handled"));
            return Optional.of(reread(c, parkedId));
        }));
    }

    private static Parked reread(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PARKED_SELECT + " WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return parkedOf(r);
            }
        }
    }

    private ChangeFeed.Row eventAt(Connection c, Cursor at) throws SQLException {
        Cursor justBefore = at.seq() > 0 ? new Cursor(at.epoch(), at.txId(), at.seq() - 1) : at;
        ChangeFeed.Page page = feed.after(c, justBefore, 1);
        return page.rows().isEmpty() || !page.rows().get(0).cursor().equals(at) ? null : page.rows().get(0);
    }

    /** This process's name among server instances: host, pid and a random part. */
    public static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stops every consumer; a batch in progress is abandoned (its transaction rolls back) and read again later. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
