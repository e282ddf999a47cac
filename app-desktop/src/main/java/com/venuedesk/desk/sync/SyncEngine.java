package com.venuedesk.desk.sync;

import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.desk.store.PulledPage;
import com.venuedesk.desk.store.Resync;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.PullResponse;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import okhttp3.sse.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local store and the server in step. One sync pushes the outbox in order, in batches, and records
 * every outcome (applied; refused into the conflict inbox), then pulls pages until the server has no more.
 * Syncs run on the injected scheduler: at start, when the server announces a change on its event stream, after
 * each local write, and every poll interval; while the server is unreachable they are retried with exponential
 * backoff. Everything it needs to resume (outbox, cursor) is in the store, so a restart picks up where it was.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    /**
     * @param pushBatchSize mutations per push request
     * @param pullPageSize  changes asked for per pull
     * @param pollInterval  sync this often even without change events (a safety net for a lost stream)
     * @param retry         waits between attempts while syncing fails
     * @param reconnect     waits between attempts to reopen the change stream
     */
    public record Settings(int pushBatchSize, int pullPageSize, Duration pollInterval, Backoff retry, Backoff reconnect) {
        public static Settings defaults() {
            // pages of 2,000 (the server's maximum): a fresh desk catches up with a big venue in a few dozen
            // round trips and local commits instead of hundreds (InitialSyncBenchmark); a page stays about 1 MB
            return new Settings(50, 2000, Duration.ofMinutes(1), Backoff.standard(), Backoff.standard());
        }
    }

    private final DeskStore store;
    private final SyncClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Settings settings;
    private final ReentrantLock syncing = new ReentrantLock();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object stateLock = new Object();
    private final Object publishLock = new Object();
    private volatile SyncStatus status;
    private DeskStore.Subscription storeSubscription;
    private ScheduledFuture<?> nextAttempt;
    private EventSource events;
    private int failures;
    private int streamFailures;
    private boolean started;
    private boolean closed;

    public SyncEngine(DeskStore store, SyncClient client, ScheduledExecutorService scheduler, Clock clock, Settings settings) {
        this.store = store;
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        this.status = new SyncStatus(false, store.pendingOutboxCount(), store.lastSuccessfulSync().orElse(null),
                InitialSyncProgress.IDLE, null);
    }

    /** Starts syncing in the background: a first sync now, then on events, local writes and polls. */
    public void start() {
        synchronized (stateLock) {
            if (started || closed) {
                return;
            }
            started = true;
            storeSubscription = store.addListener(this::onStoreChange);
        }
        requestSync();
        scheduler.execute(this::openChangeStream);
    }

    private void onStoreChange(StoreChange change) {
        if (change.fromServer() || !change.touches(StoreChange.Topic.OUTBOX)) {
            return;
        }
        publish(status.withPending(store.pendingOutboxCount()));
        requestSync();
    }

    /** Asks for a sync as soon as possible on the scheduler; requests made while one waits are merged. */
    public void requestSync() {
        synchronized (stateLock) {
            if (closed || !queued.compareAndSet(false, true)) {
                return;
            }
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
                nextAttempt = null;
            }
        }
        try {
            scheduler.execute(this::scheduledSync);
        } catch (RejectedExecutionException e) {
            queued.set(false);
            log.debug("Scheduler is shut down; sync not requested");
        }
    }

    private void scheduledSync() {
        queued.set(false);
        Duration next;
        try {
            syncNow();
            synchronized (stateLock) {
                failures = 0;
            }
            next = settings.pollInterval();
        } catch (SyncException e) {
            int failuresInARow;
            synchronized (stateLock) {
                failuresInARow = ++failures;
            }
            next = settings.retry().delay(failuresInARow);
            log.info("Sync failed ({} in a row), next attempt in {}: {}", failuresInARow, next, e.getMessage());
        } catch (RuntimeException e) {
            int failuresInARow;
            synchronized (stateLock) {
                failuresInARow = ++failures;
            }
            next = settings.retry().delay(failuresInARow);
            log.error("Sync broke, next attempt in {}", next, e);
        }
        synchronized (stateLock) {
            if (!closed && !queued.get() && !scheduler.isShutdown()) {
                nextAttempt = scheduler.schedule(this::requestSync, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Pushes the whole outbox, then pulls until the server has nothing more, on the calling thread (never the
     * UI thread). Throws {@link SyncException} when the server cannot be reached or refuses the requests; what
     * was recorded before the failure stays recorded.
     */
    public void syncNow() {
        syncing.lock();
        try {
            pushOutbox();
            pullAll();
            Instant now = clock.instant();
            store.markSyncSucceeded(now);
            publish(new SyncStatus(true, store.pendingOutboxCount(), now, InitialSyncProgress.IDLE, null, status.resyncedAt()));
        } catch (SyncException e) {
            boolean reachable = !(e instanceof ServerUnreachableException)
                    && !(e instanceof ProblemException p && p.status() >= 500);
            publish(new SyncStatus(reachable, store.pendingOutboxCount(), status.lastSuccess(),
                    InitialSyncProgress.IDLE, e.getMessage(), status.resyncedAt()));
            throw e;
        } finally {
            syncing.unlock();
        }
    }

    private void pushOutbox() {
        List<OutboxEntry> batch = store.pendingOutbox(settings.pushBatchSize());
        while (!batch.isEmpty()) {
            List<Mutation> mutations = batch.stream().map(OutboxEntry::mutation).toList();
            PushResponse response = client.push(new PushRequest(store.deviceId().toString(), mutations));
            if (response.outcomes().size() != mutations.size()) {
                log.warn("Pushed {} mutations, got {} outcomes", mutations.size(), response.outcomes().size());
            }
            store.settle(batch, response.outcomes());
            publish(status.markOnline().withPending(store.pendingOutboxCount()));
            List<OutboxEntry> next = store.pendingOutbox(settings.pushBatchSize());
            if (!next.isEmpty() && next.get(0).seq() == batch.get(0).seq()) {
                throw new ProblemException(new Problem(null, "the server did not answer mutation "
                        + batch.get(0).mutation().mutationId(), 502, null, null));
            }
            batch = next;
        }
    }

    /**
     * Pulls what is new; when the server refuses the desk's cursor as one it did not hand out since its last restore
     * (410, {@value #CURSOR_RESET}: restored from a backup, or another database), pulls the whole venue afresh instead
     * and then removes the local records the server no longer has (see {@link Resync}). The outbox is left alone: what
     * waits in it was pushed before this pull, as always, and whatever the server did not answer is pushed next time.
     * A desk that stopped during a resync begins it again.
     */
    private void pullAll() {
        String cursor = store.pullCursor().orElse(null);
        Resync resync = null;
        if (store.resyncUnderWay()) {
            log.info("A resync with the server was cut short; pulling the whole venue again");
            resync = store.beginResync();
        }
        try {
            pullPages(resync);
        } catch (ProblemException e) {
            if (resync != null || !isCursorReset(e)) {
                throw e;
            }
            log.warn("The server refused pull cursor {} ({}): it was restored from a backup or is another database; "
                    + "pulling the whole venue afresh, {} local changes kept to push", cursor, e.problem().message(),
                    store.pendingOutboxCount());
            resync = store.beginResync();
            pullPages(resync);
        }
        if (resync != null) {
            Resync.Outcome outcome = store.finishResync(resync);
            log.info("Resynced with the server: {} records pulled, {} local records it no longer has removed, {} kept "
                    + "with changes still to push", resync.recordsSeen(), outcome.removed(), outcome.keptPending());
            publish(status.withResyncAt(clock.instant()));
        }
    }

    /** The server's answer to a cursor it did not hand out since its last restore, or that is from another database. */
    static final String CURSOR_RESET = "https://venuedesk.dev/problems/cursor-reset";

    private static boolean isCursorReset(ProblemException e) {
        String type = e.problem().type();
        return e.status() == 410 && (type == null || type.equals(CURSOR_RESET) || type.endsWith("/cursor-reset"));
    }

    /**
     * Pulls page after page, fetching the next page over HTTP (and writing its records' JSON) while the current one is
     * being stored: one request in flight, pages stored strictly in order. Each page is stored with its own cursor in
     * one local transaction, so a failure or a crash anywhere resumes at the last stored page; a page fetched but not
     * stored is simply asked for again.
     */
    private void pullPages(Resync resync) {
        String cursor = store.pullCursor().orElse(null);
        long received = 0;
        long total = -1;
        long started = System.nanoTime();
        long waited = 0;
        PullPage first = client.pull(cursor, settings.pullPageSize());
        Fetched fetched = new Fetched(first, prepare(first));
        while (fetched != null) {
            PullResponse response = fetched.page().response();
            boolean more = response.hasMore();
            if (more && response.changes().isEmpty() && Objects.equals(cursor, response.nextCursor())) {
                log.warn("Server said more changes follow cursor {} but sent none; stopping this pull", cursor);
                more = false;
            }
            CompletableFuture<Fetched> next = more ? fetchAhead(response.nextCursor()) : null;
            try {
                if (resync == null) {
                    store.applyPulledPage(fetched.prepared(), response.nextCursor());
                } else {
                    store.applyPulledPage(fetched.prepared(), response.nextCursor(), resync);
                }
            } catch (RuntimeException e) {
                if (next != null) {
                    next.cancel(false);
                }
                throw e;
            }
            received += response.changes().size();
            total = estimatedTotal(fetched.page(), received, total);
            publish(status.markOnline().withProgress(new InitialSyncProgress(more, received, total)));
            cursor = response.nextCursor();
            long waitStarted = System.nanoTime();
            fetched = next == null ? null : awaitPage(next);
            waited += System.nanoTime() - waitStarted;
        }
        if (received > 0) {
            // the wait says which side limits a long pull: the server and the wire, or this desk's store
            log.info("Pulled {} changes in {} ms ({} ms of it waiting for pages), cursor now {}", received,
                    (System.nanoTime() - started) / 1_000_000, waited / 1_000_000, cursor);
        }
    }

    /** A page as it came and as the store will keep it. */
    private record Fetched(PullPage page, PulledPage prepared) { }

    /** The next page, fetched and prepared on the HTTP client's threads. */
    private CompletableFuture<Fetched> fetchAhead(String since) {
        return client.pullAsync(since, settings.pullPageSize())
                .thenApply(page -> new Fetched(page, prepare(page)));
    }

    private PulledPage prepare(PullPage page) {
        return store.preparePulled(page.response().changes(), page.entityJson());
    }

    /** The server's count when it sent one, else the last estimate (never below what has arrived). */
    private static long estimatedTotal(PullPage page, long received, long previous) {
        if (page.remainingKnown()) {
            return received + page.remaining();
        }
        return previous < 0 ? -1 : Math.max(previous, received);
    }

    private static Fetched awaitPage(CompletableFuture<Fetched> next) {
        try {
            return next.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    // ---- change stream

    private void openChangeStream() {
        synchronized (stateLock) {
            if (closed) {
                return;
            }
            if (client.session().isEmpty()) {
                scheduleReopen();
                return;
            }
            events = client.listenForChanges(new SyncClient.ChangeStreamListener() {
                @Override
                public void opened() {
                    synchronized (stateLock) {
                        streamFailures = 0;
                    }
                    log.debug("Change stream open");
                    // changes committed while no stream was open (before the first one, or while it was down with
                    // nothing to push) are announced on none: catch up now rather than at the next poll
                    requestSync();
                }

                @Override
                public void changed(String cursor) {
                    log.debug("Server announced change {}", cursor);
                    requestSync();
                }

                @Override
                public void ended(Throwable failure, int status) {
                    if (failure != null) {
                        log.debug("Change stream failed (HTTP {}): {}", status, failure.toString());
                    }
                    if (status == 401) {
                        // a sync refreshes the session before the stream is reopened
                        requestSync();
                    }
                    synchronized (stateLock) {
                        scheduleReopen();
                    }
                }
            });
        }
    }

    private void scheduleReopen() {
        if (closed) {
            return;
        }
        Duration wait = settings.reconnect().delay(++streamFailures);
        try {
            scheduler.schedule(this::openChangeStream, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Scheduler is shut down; change stream not reopened");
        }
    }

    // ---- status

    public SyncStatus status() {
        return status;
    }

    /** Registers a status listener; it hears the current status at once, then every change (on sync threads). */
    public DeskStore.Subscription addStatusListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
        return () -> listeners.remove(listener);
    }

    /** Serialised so that listeners hear statuses in the order they were set. */
    private void publish(SyncStatus next) {
        synchronized (publishLock) {
            if (next.equals(status)) {
                return;
            }
            status = next;
            for (Consumer<SyncStatus> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.warn("A sync status listener failed", e);
                }
            }
        }
    }

    /** Stops scheduling and closes the change stream. The scheduler belongs to the caller and stays up. */
    @Override
    public void close() {
        synchronized (stateLock) {
            closed = true;
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
            }
            if (events != null) {
                events.cancel();
            }
            if (storeSubscription != null) {
                storeSubscription.close();
            }
        }
    }
}
