package com.venuedesk.server.history;

import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.persistence.DatabaseVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which log this is and which epoch of it the server writes. The log id is random once per venue database and travels
 * with a dump, so a desk's cursor is known to belong here or not. The epoch changes when the database turns out, at
 * start, not to be the one the current epoch was written in: after a {@code pg_dump}/{@code pg_restore} into a new
 * cluster (or a logical copy, or {@code pg_upgrade}) transaction ids start again lower, and a cursor built from them
 * alone would skip every change made after the restore. A new epoch sorts after all earlier ones, so every reader
 * that was before the restore point reads on; a cursor that no longer names a change of the log is refused
 * (docs/OPERATIONS.md, "Back-up and restore").
 */
public record LogIdentity(UUID logId, int epoch) {
    private static final Logger LOG = LoggerFactory.getLogger(LogIdentity.class);
    private static final String LOG_ID_SETTING = "history.log-id";
    /** The advisory lock key under which instances starting together settle the epoch (any fixed number). */
    private static final long START_LOCK = 0x7665_6e75_6564_6b31L;

    public LogIdentity {
        Objects.requireNonNull(logId, "logId");
    }

    /** Reads (and on first start creates) the log id, and opens a new epoch if the database is another one now. */
    public static LogIdentity open(Database db) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                LogIdentity identity = open(c, db.vendor());
                c.commit();
                return identity;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change log's identity", e);
        }
    }

    private static LogIdentity open(Connection c, DatabaseVendor vendor) throws SQLException {
        if (vendor == DatabaseVendor.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + START_LOCK + ")");
            }
        }
        UUID logId = logId(c);
        Epoch current = currentEpoch(c);
        if (vendor != DatabaseVendor.POSTGRESQL) {
            return new LogIdentity(logId, current.number());
        }
        String databaseId = databaseId(c);
        long tx = single(c, "SELECT pg_current_xact_id()::text::bigint");
        long newestTx = single(c, "SELECT COALESCE(MAX(tx_id), 0) FROM change_log WHERE epoch = " + current.number());
        boolean otherDatabase = current.databaseId() != null && databaseId != null
                && !current.databaseId().equals(databaseId);
        boolean counterWentBack = newestTx >= tx || current.startTx() > tx;
        if (!otherDatabase && !counterWentBack) {
            if (current.databaseId() == null && databaseId != null) {
                try (PreparedStatement s = c.prepareStatement("UPDATE change_log_epoch SET database_id = ? WHERE epoch = ?")) {
                    s.setString(1, databaseId);
                    s.setInt(2, current.number());
                    s.executeUpdate();
                }
            }
            return new LogIdentity(logId, current.number());
        }
        int next = current.number() + 1;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO change_log_epoch (epoch, started_at, database_id,"
                + " start_tx, previous_tx, previous_seq) SELECT ?, ?, ?, ?, MAX(tx_id), MAX(seq) FROM change_log"
                + " WHERE epoch = ?")) {
            s.setInt(1, next);
            s.setObject(2, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            s.setString(3, databaseId);
            s.setLong(4, tx);
            s.setInt(5, current.number());
            s.executeUpdate();
        }
        LOG.warn("change log epoch {} begins: this database is not the one epoch {} was written in ({}; newest"
                        + " transaction of that epoch {}, this one {}), as after a restore into another cluster; desks"
                        + " read on from where they were", next, current.number(),
                otherDatabase ? "database " + databaseId + ", was " + current.databaseId() : "transaction counter went back",
                newestTx, tx);
        return new LogIdentity(logId, next);
    }

    private record Epoch(int number, String databaseId, long startTx) { }

    private static Epoch currentEpoch(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT epoch, database_id, start_tx FROM change_log_epoch"
                     + " ORDER BY epoch DESC FETCH FIRST 1 ROWS ONLY")) {
            if (!r.next()) {
                throw new IllegalStateException("change_log_epoch is empty; the schema was not migrated");
            }
            return new Epoch(r.getInt(1), r.getString(2), r.getLong(3));
        }
    }

    private static UUID logId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM server_setting WHERE setting_name = ?")) {
            s.setString(1, LOG_ID_SETTING);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return UUID.fromString(r.getString(1));
                }
            }
        }
        UUID fresh = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO server_setting (setting_name, setting_value) VALUES (?, ?)")) {
            s.setString(1, LOG_ID_SETTING);
            s.setString(2, fresh.toString());
            s.executeUpdate();
        }
        return fresh;
    }

    /**
     * The cluster's system identifier and the database's oid, or only the oid when the role may not read the
     * cluster's control data (a managed PostgreSQL); a restore into another cluster or database changes it.
     */
    private static String databaseId(Connection c) throws SQLException {
        String oid = String.valueOf(single(c, "SELECT oid FROM pg_database WHERE datname = current_database()"));
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT control_data");
            try (ResultSet r = s.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
                r.next();
                String system = r.getString(1);
                s.execute("RELEASE SAVEPOINT control_data");
                return system + "/" + oid;
            } catch (SQLException refused) {
                s.execute("ROLLBACK TO SAVEPOINT control_data");
                return "oid/" + oid;
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
