package com.venuedesk.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: a HikariCP pool, the schema migrated by Flyway (common scripts plus the vendor's own), and a
 * Hibernate session factory over the same pool. Flyway owns the schema; Hibernate only validates nothing and maps.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DatabaseVendor vendor;
    private final SessionFactory sessionFactory;
    /** The session of a {@link #inOneTransaction} running on this thread, which nested transactions join. */
    private final ThreadLocal<Session> joinable = new ThreadLocal<>();

    private Database(HikariDataSource dataSource, DatabaseVendor vendor, SessionFactory sessionFactory) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.sessionFactory = sessionFactory;
    }

    /** Opens the pool, migrates the schema and maps the given entity classes. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, List<Class<?>> entities) {
        DatabaseVendor vendor = DatabaseVendor.fromJdbcUrl(jdbcUrl);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setPoolName("venuedesk-" + vendor.migrationFolder());
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            var result = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrationFolder())
                    .load()
                    .migrate();
            LOG.info("database {} migrated to version {} ({} migrations applied)", vendor, result.targetSchemaVersion,
                    result.migrationsExecuted);
            Configuration cfg = new Configuration();
            entities.forEach(cfg::addAnnotatedClass);
            cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
            cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
            cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
            cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
            cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
            // Instants as OffsetDateTime (every timestamp column is WITH TIME ZONE): reading them through a UTC
            // Calendar built per value was a quarter of loading a pull page of bookings (InitialSyncBenchmark)
            cfg.setProperty(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP_WITH_TIMEZONE");
            return new Database(ds, vendor, cfg.buildSessionFactory());
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    public DatabaseVendor vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * Runs the work in one transaction, committed on return and rolled back on any exception. Called inside
     * {@link #inOneTransaction}, it joins that transaction instead (and starts from a cleared persistence context, so
     * a locking read sees the row as it is now, not as an earlier unit of the same transaction read it).
     */
    public <T> T inTransaction(Function<Session, T> work) {
        Session outer = joinable.get();
        if (outer == null) {
            return sessionFactory.fromTransaction(work);
        }
        try {
            T result = work.apply(outer);
            outer.flush();
            return result;
        } finally {
            outer.clear();
        }
    }

    /**
     * Runs the work in one transaction that every {@link #inTransaction} call made by it, on this thread, joins: the
     * services' several short transactions become one, committed or rolled back together. The sync push uses it to
     * record a mutation's outcome atomically with the mutation's effect.
     */
    public <T> T inOneTransaction(Function<Session, T> work) {
        if (joinable.get() != null) {
            throw new IllegalStateException("already inside inOneTransaction");
        }
        return sessionFactory.fromTransaction(session -> {
            joinable.set(session);
            try {
                return work.apply(session);
            } finally {
                joinable.remove();
            }
        });
    }

    /** True inside {@link #inOneTransaction} on this thread: work started now joins that transaction. */
    public boolean joinsOuterTransaction() {
        return joinable.get() != null;
    }

    /** True when the database answers a trivial query within a second. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
