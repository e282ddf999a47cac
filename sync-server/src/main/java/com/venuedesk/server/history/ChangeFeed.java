package com.venuedesk.server.history;

import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.persistence.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Reads the venue's history in commit order without ever skipping a change that commits late: desks' pulls and the
 * server's own consumers read through it. On PostgreSQL only rows of the current epoch whose transaction id is below
 * the oldest transaction still running are readable ({@code pg_snapshot_xmin}): every transaction below that horizon
 * has finished, so no row can later appear before the last one returned; rows of earlier epochs (written before a
 * restore, in another cluster) are all committed and all readable. On H2 appends are serialised to commit order by
 * {@link VenueHistory}, so every committed row is readable.
 */
public final class ChangeFeed {
    /** The estimate of what is left stops here: it is for a progress bar, not an audit. */
    static final int REMAINING_CAP = 100_000;

    private final String readable;

    /** One change-log row: a record's new revision, what happened, by whom ({@code actorId}, null for the server), when. */
    public record Row(Cursor cursor, EntityType type, UUID entityId, long revision, boolean deleted,
                      HistoryAction action, UUID actorId, Instant at) { }

    /**
     * A page of rows after a cursor.
     *
     * @param next      the cursor of the last row (or the request's cursor when there is none)
     * @param hasMore   more readable rows follow at once
     * @param remaining estimated rows after {@code next}, up to {@link #REMAINING_CAP} (0 when none follow at once)
     */
    public record Page(List<Row> rows, Cursor next, boolean hasMore, long remaining) { }

    public ChangeFeed(DatabaseVendor vendor, LogIdentity log) {
        this.readable = vendor == DatabaseVendor.POSTGRESQL
                ? " AND (epoch < " + log.epoch() + " OR tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint)"
                : "";
    }

    /** Up to {@code limit} readable rows after {@code since}, in (epoch, tx_id, seq) order, in the session's transaction. */
    public Page after(Session session, Cursor since, int limit) {
        return session.doReturningWork(connection -> after(connection, since, limit));
    }

    /** As {@link #after(Session, Cursor, int)}, on a plain connection in its transaction. */
    public Page after(Connection connection, Cursor since, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT epoch, tx_id, seq, entity_type, entity_id, revision, deleted, action, actor_id, recorded_at"
                        + " FROM change_log WHERE (epoch, tx_id, seq) > (?, ?, ?)" + readable
                        + " ORDER BY epoch, tx_id, seq FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, since.epoch());
            s.setLong(2, since.txId());
            s.setLong(3, since.seq());
            s.setInt(4, limit + 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(new Cursor(r.getInt(1), r.getLong(2), r.getLong(3)),
                            EntityType.valueOf(r.getString(4)), r.getObject(5, UUID.class), r.getLong(6),
                            r.getBoolean(7), HistoryAction.valueOf(r.getString(8)), r.getObject(9, UUID.class),
                            r.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
        }
        boolean hasMore = rows.size() > limit;
        List<Row> page = hasMore ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows);
        Cursor next = page.isEmpty() ? since : page.get(page.size() - 1).cursor();
        return new Page(page, next, hasMore, hasMore ? countAfter(connection, next) : 0);
    }

    /**
     * True when {@code cursor} names a change of this log ({@link Cursor#START} always does): a cursor handed out
     * by this server always names the change it stops at, and changes are never removed, so one that names none comes
     * from another database or from beyond a restore point.
     */
    public boolean names(Session session, Cursor cursor) {
        if (cursor.equals(Cursor.START)) {
            return true;
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT 1 FROM change_log WHERE epoch = ? AND tx_id = ? AND seq = ?")) {
                s.setInt(1, cursor.epoch());
                s.setLong(2, cursor.txId());
                s.setLong(3, cursor.seq());
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** The cursor of the newest readable change, {@link Cursor#START} for an empty log. */
    public Cursor head(Session session) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT epoch, tx_id, seq FROM change_log WHERE 1 = 1" + readable
                            + " ORDER BY epoch DESC, tx_id DESC, seq DESC FETCH FIRST 1 ROWS ONLY");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? new Cursor(r.getInt(1), r.getLong(2), r.getLong(3)) : Cursor.START;
            }
        });
    }

    /** The head read in its own short transaction. */
    public Cursor head(Database db) {
        return db.inTransaction(this::head);
    }

    /**
     * How many changes follow {@code since}, estimated from the sequence: the newest {@code seq} minus the cursor's.
     * One index lookup instead of counting the rest of the log on every page (a 100,000-change initial sync would
     * count five million rows at 500 a page). Exact when the log has no gaps and commits came in sequence order (always
     * on H2); sequence numbers of rolled-back appends or a late commit of an older transaction make it a little off,
     * which a progress bar does not mind. Never below 1 while more rows follow.
     */
    private static long countAfter(Connection connection, Cursor since) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT MAX(seq) FROM change_log");
             ResultSet r = s.executeQuery()) {
            r.next();
            return Math.max(1, Math.min(REMAINING_CAP, r.getLong(1) - since.seq()));
        }
    }
}
