package com.venuedesk.server.sync;

import com.venuedesk.server.history.Cursor;
import java.util.UUID;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change stream desks listen to ({@code GET /api/v1/sync/events}). It polls the readable head of the change log
 * every {@code pollInterval} and, when the head moved, sends every connected desk {@code event: change} with
 * {@code {"cursor":"..."}}. Polling the database (rather than a call from the services' transactions) notifies only
 * after commit by construction, sees changes written by any server instance, and on PostgreSQL follows the same
 * horizon as a pull, so a desk is never told about a change it cannot pull yet. Idle streams get a comment line
 * every {@code heartbeatInterval}; a desk whose stream fails to take a write is dropped.
 */
public final class ChangeEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeEvents.class);

    private final Supplier<Cursor> head;
    private final UUID logId;
    private final Set<ChangeStream> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile Cursor lastHead;

    public ChangeEvents(Supplier<Cursor> head, UUID logId, Duration pollInterval, Duration heartbeatInterval) {
        this.logId = logId;
        this.head = head;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "venuedesk-change-events");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollHead, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Takes a desk's stream (handed over by {@link SyncApi}'s SSE route) and keeps it open until it is ended. */
    public void connect(ChangeStream client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        try {
            // every write to a stream happens on the timer thread, so two writes never interleave
            timer.execute(() -> client.sendComment("connected"));
        } catch (RejectedExecutionException e) {
            // the server is shutting down: end the stream at once (the desk reconnects) instead of answering 500
            clients.remove(client);
            client.close();
            return;
        }
        LOG.debug("change stream opened, {} connected", clients.size());
    }

    /** Desks currently listening. */
    public int listeners() {
        return clients.size();
    }

    private void pollHead() {
        try {
            if (clients.isEmpty() && lastHead != null) {
                return;
            }
            Cursor current = head.get();
            if (current.equals(lastHead)) {
                return;
            }
            lastHead = current;
            clients.forEach(c -> send(c, current));
        } catch (RuntimeException e) {
            LOG.warn("cannot read the change log head: {}", e.toString());
        }
    }

    private void heartbeat() {
        for (ChangeStream client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendComment("heartbeat");
            }
        }
    }

    private void send(ChangeStream client, Cursor cursor) {
        if (client.terminated()) {
            clients.remove(client);
            return;
        }
        client.sendEvent("change", "{\"cursor\":\"" + cursor.encode(logId) + "\"}");
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (ChangeStream client : clients) {
            client.close();
        }
        clients.clear();
    }
}
