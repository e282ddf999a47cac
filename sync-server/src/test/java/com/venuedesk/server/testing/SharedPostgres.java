package com.venuedesk.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL 17 per test JVM (embedded binaries from Maven), started on first use and stopped when the JVM
 * exits; every caller gets a fresh, empty database in it. Test infrastructure only.
 */
public final class SharedPostgres {
    private static EmbeddedPostgres instance;

    private SharedPostgres() {
    }

    /** Database coordinates. */
    public record PgDatabase(String url, String user, String password) { }

    public static synchronized PgDatabase freshDatabase() {
        if (instance == null) {
            instance = start();
            EmbeddedPostgres started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory is removed by the library
                }
            }));
        }
        return createDatabase(instance);
    }

    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    public static PgDatabase createDatabase(EmbeddedPostgres pg) {
        String name = "vd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database", e);
        }
        return new PgDatabase(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
    }
}
