package com.venuedesk.desk.history;

import com.venuedesk.desk.store.CachedHistory;
import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.model.domain.Resource;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A booking's history as the desk can tell it: online, the server's audit trail (kept in the store for later);
 * on any failure, what the desk has (the history as last fetched, with its date); always with the booking's own
 * changes not yet sent. A history the server refuses to this user (403: it is for managers) is not taken from the
 * store either, and only a session that may read the audit trail is shown the kept copy offline.
 */
public final class DeskBookingHistory implements BookingHistorySource {
    private static final Logger LOG = LoggerFactory.getLogger(DeskBookingHistory.class);
    /** As many entries as the server is asked for; a booking rarely has more. */
    static final int LIMIT = 100;

    private final HistoryClient client;
    private final DeskStore store;
    private final LocalBookings bookings;
    private final CredentialCache clerks;
    private final Clock clock;
    private final boolean mayReadAudit;

    /**
     * @param mayReadAudit whether the signed-in account's role may read the audit trail (MANAGER, ADMIN): only then is
     *                     a kept history shown offline
     */
    public DeskBookingHistory(HistoryClient client, DeskStore store, LocalBookings bookings, CredentialCache clerks,
                              Clock clock, boolean mayReadAudit) {
        this.client = client;
        this.store = store;
        this.bookings = bookings;
        this.clerks = clerks;
        this.clock = clock;
        this.mayReadAudit = mayReadAudit;
    }

    @Override
    public BookingHistory load(UUID bookingId) {
        List<BookingHistory.PendingChange> pending = pendingOf(bookingId);
        Map<UUID, String> resources = resourceNames();
        try {
            Instant now = clock.instant();
            HistoryClient.Page page = client.historyOf(bookingId, LIMIT);
            boolean complete = page.nextCursor() == null;
            keep(bookingId, page, complete, now);
            return new BookingHistory(BookingHistory.Source.SERVER, page.items(), now, complete, pending, resources);
        } catch (ProblemException e) {
            if (e.status() == 403) {
                LOG.info("History of booking {} refused by the server (it is for managers): {}", bookingId,
                        e.problem().message());
                return new BookingHistory(BookingHistory.Source.MANAGERS_ONLY, List.of(), null, true, pending, resources);
            }
            LOG.info("History of booking {} not fetched ({}); showing what the desk has", bookingId, e.getMessage());
        } catch (RuntimeException e) {
            // offline, not signed in, an unreadable answer, or the store: the desk still shows what it has
            LOG.info("History of booking {} not fetched ({}); showing what the desk has", bookingId, e.toString());
        }
        Optional<CachedHistory> kept = mayReadAudit ? store.cachedHistory(bookingId) : Optional.empty();
        if (kept.isPresent()) {
            CachedHistory history = kept.get();
            return new BookingHistory(BookingHistory.Source.OFFLINE_CACHED, history.entries(), history.fetchedAt(),
                    history.complete(), pending, resources);
        }
        return new BookingHistory(BookingHistory.Source.OFFLINE, List.of(), null, true, pending, resources);
    }

    /** A history that cannot be kept is still shown: only the offline copy is missing. */
    private void keep(UUID bookingId, HistoryClient.Page page, boolean complete, Instant now) {
        try {
            store.cacheHistory(bookingId, page.items(), complete, now);
        } catch (RuntimeException e) {
            LOG.warn("Keeping the history of booking {} for offline use failed", bookingId, e);
        }
    }

    private List<BookingHistory.PendingChange> pendingOf(UUID bookingId) {
        Map<UUID, Optional<String>> names = new HashMap<>();
        return store.pendingOutboxOf(bookingId).stream().map((OutboxEntry entry) -> {
            UUID clerk = entry.mutation().actedBy();
            String name = clerk == null ? null : names.computeIfAbsent(clerk, clerks::usernameOf).orElse(null);
            return new BookingHistory.PendingChange(entry.mutation(), entry.createdAt(), name);
        }).toList();
    }

    private Map<UUID, String> resourceNames() {
        Map<UUID, String> names = new HashMap<>();
        for (Resource resource : bookings.resources()) {
            names.put(resource.id(), resource.name());
        }
        return names;
    }
}
