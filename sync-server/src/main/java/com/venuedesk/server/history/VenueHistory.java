package com.venuedesk.server.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.server.persistence.DatabaseVendor;
import com.venuedesk.server.persistence.JdbcBatch;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.Session;

/**
 * The venue's history, written: the one place that records a write of a record, in the writer's transaction, so that
 * an entry is in the log exactly when its write is committed. Every service records through it; desks read the same
 * log through {@link ChangeFeed} (pull), server-side consumers through the same feed, managers through
 * {@link com.venuedesk.server.audit.AuditTrail}. Commit order, which each database guarantees its own way (docs/SYNC.md, "Cursor"):
 * <ul>
 *   <li>PostgreSQL: the row's {@code tx_id} column defaults to {@code pg_current_xact_id()}; readers hold back rows
 *       of the current epoch's transactions at or above the oldest one still running.</li>
 *   <li>H2: the append first updates the single {@code change_log_head} row; its lock is held to commit, so appends
 *       are serialised and seq order is commit order.</li>
 * </ul>
 */
public final class VenueHistory {
    private static final String INSERT = "INSERT INTO change_log (epoch, entity_type, entity_id, revision, deleted,"
            + " action, actor_id, actor_name, pushed_by_id, pushed_by_name, device_id, reason, details, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The columns' sizes, so that a long reason or device id is cut rather than failing the write it records. */
    private static final int REASON_MAX = 1000;
    private static final int DEVICE_MAX = 200;
    private static final int DETAILS_MAX = 4000;

    private final LogIdentity log;
    private final Clock clock;
    private final ObjectMapper json;

    public VenueHistory(LogIdentity log, Clock clock, ObjectMapper json) {
        this.log = log;
        this.clock = clock;
        this.json = json;
    }

    /** The log this server writes: its id and current epoch. */
    public LogIdentity log() {
        return log;
    }

    /** Records one write in the caller's transaction. */
    public void record(Session session, HistoryEntry entry) {
        recordAll(session, List.of(entry));
    }

    /** Records writes in one JDBC batch (one statement for one entry), in the caller's transaction and in order. */
    public void recordAll(Session session, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        serialiseOnH2(session);
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        session.doWork(connection -> JdbcBatch.executeForEach(connection, INSERT, entries, (insert, e) -> {
            insert.setInt(1, log.epoch());
            insert.setString(2, e.type().name());
            insert.setObject(3, e.entityId());
            insert.setLong(4, e.revision());
            insert.setBoolean(5, e.deleted());
            insert.setString(6, e.action().name());
            insert.setObject(7, e.actor().id());
            insert.setString(8, e.actor().username());
            insert.setObject(9, e.actor().pushedById());
            insert.setString(10, e.actor().pushedByName());
            insert.setString(11, cut(e.actor().deviceId(), DEVICE_MAX));
            insert.setString(12, cut(e.reason(), REASON_MAX));
            insert.setString(13, e.details().isEmpty() ? null : cut(detailsJson(e), DETAILS_MAX));
            insert.setObject(14, at);
        }));
    }

    private String detailsJson(HistoryEntry e) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(e.details()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("history details of " + e.entityId() + " cannot be written", ex);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** On H2, takes the head row's lock until commit, so that appends (and so seq order) follow commit order. */
    private static void serialiseOnH2(Session session) {
        if (DatabaseVendor.of(session) == DatabaseVendor.H2) {
            session.createNativeMutationQuery("UPDATE change_log_head SET appends = appends + 1 WHERE id = 1")
                    .executeUpdate();
        }
    }
}
