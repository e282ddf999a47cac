package com.venuedesk.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.hibernate.Session;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.LoggerFactory;

/** The two databases the server runs on. The booking code path is the same on both. */
public enum DatabaseVendor {
    H2("h2"), POSTGRESQL("postgresql");

    /** How long an H2 session waits for a lock (the server's H2 URL sets it, see ServerConfig). */
    public static final int H2_LOCK_TIMEOUT_MS = 10_000;

    private final String migrationFolder;

    DatabaseVendor(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }

    /** The database a session talks to, for the few statements written differently on each. */
    public static DatabaseVendor of(Session session) {
        return session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof H2Dialect ? H2 : POSTGRESQL;
    }

    /**
     * Bounds how long the transaction on the connection waits for any lock from now on: a lock held longer makes the
     * waiting statement fail (PostgreSQL: SQLState 55P03; H2: HYT00). Undo with {@link #restoreLockWait} before the
     * connection goes back to the pool (on H2 the setting belongs to the session, not the transaction).
     */
    public void boundLockWait(Connection connection, Duration wait) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(this == POSTGRESQL ? "SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'"
                    : "SET LOCK_TIMEOUT " + wait.toMillis());
        }
    }

    /** Returns the connection to the lock wait it had before {@link #boundLockWait}; never throws. */
    public void restoreLockWait(Connection connection) {
        if (this == POSTGRESQL) {
            return; // SET LOCAL ends with the transaction
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
        } catch (SQLException e) {
            LoggerFactory.getLogger(DatabaseVendor.class).warn("could not restore the lock timeout: {}", e.toString());
        }
    }

    public static DatabaseVendor fromJdbcUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:postgresql: or jdbc:h2:): " + url);
    }
}
