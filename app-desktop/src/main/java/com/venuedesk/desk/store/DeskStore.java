package com.venuedesk.desk.store;

import com.venuedesk.desk.store.StoreChange.Topic;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.Change;
import com.venuedesk.model.sync.MutationOutcome;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's local database: an H2 file in a data directory, migrated by Flyway from {@code classpath:db/desk},
 * mapped with Hibernate. It holds local copies of the server's records, the outbox of mutations still to push,
 * the conflict inbox, the sync cursor and the credentials cached for offline sign-in.
 *
 * <p>Local writes are serialised (one writer at a time) so that a clash check and the write it allows cannot
 * interleave with another desk user's write. Listeners hear about every committed change.
 *
 * <p>Reads are plain SQL ({@link StoreReads}) and need no Hibernate: {@link #open} returns once the schema is checked
 * and the device id read, and Hibernate (which only writes need) boots later, on the executor the opener names, or on
 * the first write's thread if that comes first. A cold desk thus shows its calendar from the store before Hibernate
 * has booted, without Hibernate's boot competing for the cores meanwhile.
 */
public final class DeskStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskStore.class);
    /** Rows flushed per JDBC batch while applying pulled changes. */
    static final int BATCH_SIZE = 100;

    private final HikariDataSource dataSource;
    /** Hibernate, once booted; writes wait for it, reads never do. */
    private final CompletableFuture<SessionFactory> sessions = new CompletableFuture<>();
    private final AtomicBoolean booting = new AtomicBoolean();
    private final Clock clock;
    private final WireJson json = new WireJson();
    private final Rows rows = new Rows(json);
    private final StoreReads reads = new StoreReads(rows);
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Consumer<StoreChange>> listeners = new CopyOnWriteArrayList<>();
    private final UUID deviceId;
    private final PulledChanges pulled;
    private final OutboxLedger outbox;

    private DeskStore(HikariDataSource dataSource, UUID deviceId, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.deviceId = deviceId;
        this.pulled = new PulledChanges(rows);
        this.outbox = new OutboxLedger(rows, json, clock);
    }

    /** Opens (creating and migrating when needed) the store in {@code dataDir}. */
    public static DeskStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps outbox and conflict entries. */
    public static DeskStore open(Path dataDir, Clock clock) {
        // a thread of its own, which inherits this thread's context class loader (Hibernate loads its services with it)
        return open(dataDir, clock, boot -> {
            Thread thread = new Thread(boot, "desk-store-boot");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * As {@link #open(Path, Clock)}, booting Hibernate on {@code hibernateBoot} (e.g. once the desk's first screen is
     * up), or on the thread of the first write if that comes first.
     */
    public static DeskStore open(Path dataDir, Clock clock, Executor hibernateBoot) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the desk data directory " + dataDir, e);
        }
        HikariConfig config = new HikariConfig();
        // WRITE_DELAY=0: a committed local write is on disk before the desk says it is recorded (survives kill -9);
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook must not close the database under a still running app
        config.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("venuedesk")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("desk-store");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            StoreSchema.migrate(dataSource);
            UUID deviceId = ensureSyncState(dataSource);
            DeskStore store = new DeskStore(dataSource, deviceId, clock);
            hibernateBoot.execute(store::bootHibernate);
            log.info("Desk store open in {} (device {})", dataDir, deviceId);
            return store;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static SessionFactory sessionFactory(HikariDataSource dataSource) {
        Configuration cfg = new Configuration();
        for (Class<?> entity : List.of(ResourceRow.class, RuleRow.class, BlackoutRow.class, CustomerRow.class,
                BookingRow.class, OutboxRow.class, ConflictRow.class, SyncStateRow.class, CredentialRow.class)) {
            cfg.addAnnotatedClass(entity);
        }
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE));
        cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        cfg.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        // Start-up: the store is always H2 of the bundled version, so Hibernate need not ask the database what it is
        // (named by product and version, not by dialect class, which Hibernate warns about on every start)
        cfg.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "H2");
        cfg.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, org.h2.engine.Constants.VERSION);
        cfg.setProperty(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
        // Start-up: no entity here is ever loaded lazily (no associations, no getReference), so Hibernate need not
        // generate a ByteBuddy proxy class per entity at boot, nearly half of its bootstrap time
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder()
                .applySettings(cfg.getProperties())
                .addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
        return cfg.buildSessionFactory(registry.build());
    }

    /** The device id, generated and kept at the store's very first open. */
    private static UUID ensureSyncState(HikariDataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Optional<SyncStateRow> state = StoreReads.syncState(c);
            if (state.isPresent()) {
                return state.get().deviceId;
            }
            UUID deviceId = UUID.randomUUID();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sync_state (id, device_id) VALUES (?, ?)")) {
                insert.setInt(1, SyncStateRow.ONLY_ROW);
                insert.setObject(2, deviceId);
                insert.executeUpdate();
            }
            return deviceId;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the desk store's sync state: " + e.getMessage(), e);
        }
    }

    // ---- plumbing for the services of this package

    WireJson json() {
        return json;
    }

    Rows rows() {
        return rows;
    }

    Clock clock() {
        return clock;
    }

    StoreReads reads() {
        return reads;
    }

    /** Runs {@code work} on a connection of its own (autocommit: it sees what is committed); needs no Hibernate. */
    <T> T query(StoreReads.Sql<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the desk store failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on the connection of the session's transaction, after flushing what the session holds. */
    <T> T query(Session session, StoreReads.Sql<T> work) {
        session.flush();
        return session.doReturningWork(work::run);
    }

    /** Boots Hibernate unless it is booting or booted already. */
    private void bootHibernate() {
        if (!booting.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            sessions.complete(sessionFactory(dataSource));
            log.info("Hibernate booted on the desk store in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            log.error("Hibernate did not start on the desk store; writes fail", e);
            sessions.completeExceptionally(e);
        }
    }

    /** Hibernate: booted now if nobody has begun to, waited for if it is booting (see the class comment). */
    private SessionFactory sessions() {
        bootHibernate();
        try {
            return sessions.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("Hibernate did not start on the desk store", e.getCause());
        }
    }

    /** Runs {@code work} in a read-only transaction: what it loads is neither snapshotted nor dirty-checked. */
    <T> T read(Function<Session, T> work) {
        return sessions().fromTransaction(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        });
    }

    /**
     * Runs {@code work} in one transaction while holding the write lock, then tells listeners what
     * {@code changeOf} says changed (null: nothing).
     */
    <T> T write(Function<Session, T> work, Function<T, StoreChange> changeOf) {
        T result;
        writeLock.lock();
        try {
            result = sessions().fromTransaction(work);
        } finally {
            writeLock.unlock();
        }
        StoreChange change = changeOf.apply(result);
        if (change != null) {
            fire(change);
        }
        return result;
    }

    private void fire(StoreChange change) {
        for (Consumer<StoreChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A store listener failed on {}", change, e);
            }
        }
    }

    // ---- public API

    /** Registers a listener for committed changes; close the subscription to stop listening. */
    public Subscription addListener(Consumer<StoreChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** This desk's identity towards the server, generated on first open and kept. */
    public UUID deviceId() {
        return deviceId;
    }

    /** Where the next pull starts; empty before the first pull (pull from the beginning). */
    public Optional<String> pullCursor() {
        return query(c -> StoreReads.syncState(c).map(state -> state.pullCursor));
    }

    public Optional<Instant> lastSuccessfulSync() {
        return query(c -> StoreReads.syncState(c).map(state -> state.lastSuccess));
    }

    public void markSyncSucceeded(Instant at) {
        write(s -> {
            s.find(SyncStateRow.class, SyncStateRow.ONLY_ROW).lastSuccess = at;
            return at;
        }, at2 -> StoreChange.server(EnumSet.of(Topic.SYNC_STATE)));
    }

    /**
     * Applies pulled changes in one transaction: an upsert only when its revision is newer than the local
     * copy's, a tombstone flags the copy deleted. Applying the same changes twice changes nothing.
     *
     * @return how many records changed
     */
    public int applyPulled(List<Change> changes) {
        return applyPulledPage(changes, null);
    }

    /**
     * As {@link #applyPulled(List)}, and moves the pull cursor to {@code nextCursor} in the same transaction,
     * so that a crash never leaves the cursor ahead of the data (or behind it with data half applied).
     */
    public int applyPulledPage(List<Change> changes, String nextCursor) {
        return applyPulledPage(preparePulled(changes), nextCursor);
    }

    /**
     * Writes the page's records as the JSON the store keeps, without touching the database or taking the store's
     * lock: callable on any thread, e.g. the one that fetched the page, while another page is being stored.
     */
    public PulledPage preparePulled(List<Change> changes) {
        return PulledPage.prepare(changes, null, json);
    }

    /**
     * As {@link #preparePulled(List)}, keeping each record's JSON as the wire carried it ({@code entityJson}, one
     * entry per change, null where there is none) instead of writing it again. The wire and the store use the same
     * JSON ({@code Json.newMapper()}), so the text is what {@link #preparePulled(List)} would have written.
     */
    public PulledPage preparePulled(List<Change> changes, List<String> entityJson) {
        return PulledPage.prepare(changes, entityJson, json);
    }

    /** As {@link #applyPulledPage(List, String)} for a page prepared by {@link #preparePulled}. */
    public int applyPulledPage(PulledPage page, String nextCursor) {
        PulledChanges.Result result = write(s -> {
            PulledChanges.Result r = pulled.apply(s, page);
            if (nextCursor != null) {
                s.find(SyncStateRow.class, SyncStateRow.ONLY_ROW).pullCursor = nextCursor;
            }
            return r;
        }, r -> r.topics().isEmpty() ? null : StoreChange.server(r.topics()));
        return result.changed();
    }

    // ---- resync after a cursor reset

    /** True while a full pull after a cursor reset has begun and not finished (also across a restart). */
    public boolean resyncUnderWay() {
        return query(c -> StoreReads.syncState(c).map(state -> state.resyncStartedAt != null).orElse(false));
    }

    /**
     * Begins a full pull of the venue after the server refused this desk's cursor: forgets the cursor (the next pull
     * starts from the beginning) and notes that a resync is under way, in one transaction. The outbox is untouched:
     * every local change still waiting is pushed as usual.
     */
    public Resync beginResync() {
        Instant now = clock.instant();
        write(s -> {
            SyncStateRow state = s.find(SyncStateRow.class, SyncStateRow.ONLY_ROW);
            state.pullCursor = null;
            state.resyncStartedAt = now;
            return now;
        }, at -> StoreChange.server(EnumSet.of(Topic.SYNC_STATE)));
        // the sync engine logs the resync, once
        log.debug("Resync begun at {}: pull cursor cleared", now);
        return new Resync(now);
    }

    /**
     * As {@link #applyPulledPage(PulledPage, String)} for a page of a resync's full pull: the first time the pull
     * brings a record, the server's copy replaces the local one whatever the revisions (a restored server's revisions
     * are not those this desk saw), a local change still waiting excepted (it stays on show until its push answers).
     */
    public int applyPulledPage(PulledPage page, String nextCursor, Resync resync) {
        PulledChanges.Result result = write(s -> {
            PulledChanges.Result r = pulled.apply(s, page, resync.seen);
            if (nextCursor != null) {
                s.find(SyncStateRow.class, SyncStateRow.ONLY_ROW).pullCursor = nextCursor;
            }
            return r;
        }, r -> r.topics().isEmpty() ? null : StoreChange.server(r.topics()));
        return result.changed();
    }

    /**
     * Ends a resync whose full pull is complete, in one transaction: removes the local copies of bookings, customers,
     * resources, opening hours and blackouts the server no longer has (a record with a local change still waiting
     * stays, provisional, and is pushed), and notes that no resync is under way any more.
     */
    public Resync.Outcome finishResync(Resync resync) {
        return write(s -> {
            Resync.Outcome outcome = query(s, c -> ResyncSweep.sweep(c, resync.seen, json));
            s.find(SyncStateRow.class, SyncStateRow.ONLY_ROW).resyncStartedAt = null;
            return outcome;
        }, outcome -> StoreChange.server(EnumSet.of(Topic.BOOKINGS, Topic.CUSTOMERS, Topic.RESOURCES, Topic.SYNC_STATE)));
    }

    // ---- booking history

    /** Keeps the history of a booking as the server last answered it (newest first), replacing an older copy. */
    public void cacheHistory(UUID bookingId, List<AuditEntry> entries, boolean complete, Instant fetchedAt) {
        String json = this.json.write(entries);
        write(s -> query(s, c -> {
            try (PreparedStatement merge = c.prepareStatement(
                    "MERGE INTO booking_history (booking_id, fetched_at, entries, complete) KEY (booking_id) VALUES (?, ?, ?, ?)")) {
                merge.setObject(1, bookingId);
                merge.setObject(2, fetchedAt);
                merge.setString(3, json);
                merge.setBoolean(4, complete);
                return merge.executeUpdate();
            }
        }), updated -> null);
    }

    /** The booking's history as this desk last fetched it, if it ever did. */
    public Optional<CachedHistory> cachedHistory(UUID bookingId) {
        return query(c -> reads.cachedHistory(c, bookingId));
    }

    /** The record's mutations still waiting to be pushed, oldest first (as recorded, with the clerk who made each). */
    public List<OutboxEntry> pendingOutboxOf(UUID entityId) {
        return query(c -> reads.pendingOutboxOf(c, entityId));
    }

    /** Mutations still to push, oldest first, ready to send (see {@link OutboxLedger#pending}). */
    public List<OutboxEntry> pendingOutbox(int limit) {
        return read(s -> outbox.pending(s, limit));
    }

    /** How many mutations wait for the server. */
    public int pendingOutboxCount() {
        return query(reads::pendingOutboxCount);
    }

    /**
     * Records the server's answers to pushed mutations (one per mutation, in push order), in one transaction:
     * applied ones leave the outbox; refused ones move to the conflict inbox and their local effect is undone
     * or flagged refused.
     */
    public void settle(List<OutboxEntry> pushed, List<MutationOutcome> outcomes) {
        write(s -> outbox.settle(s, pushed, outcomes),
                topics -> StoreChange.server(topics));
    }

    /** Conflicts staff have not resolved yet, oldest first. */
    public List<ConflictItem> openConflicts() {
        return query(reads::openConflicts).stream().map(outbox::item).toList();
    }

    /** Marks a conflict resolved with staff's note; a refused booking the server never had leaves the calendar. */
    public void resolveConflict(UUID mutationId, String note) {
        write(s -> outbox.resolve(s, mutationId, note),
                found -> found ? StoreChange.local(Topic.CONFLICTS, Topic.BOOKINGS) : null);
    }

    @Override
    public void close() {
        // not booted (nor to be booted) just to be closed
        if (!booting.compareAndSet(false, true)) {
            try {
                sessions.join().close();
            } catch (CompletionException e) {
                log.debug("Hibernate never started on the desk store, nothing to close");
            }
        }
        dataSource.close();
        log.info("Desk store closed");
    }

    /** A listener registration; closing it removes the listener. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
