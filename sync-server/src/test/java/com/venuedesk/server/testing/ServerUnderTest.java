package com.venuedesk.server.testing;

import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import java.nio.file.Path;

/** Starts a real server on port 0, on H2 in a temp dir or on a fresh embedded PostgreSQL database. */
public final class ServerUnderTest {
    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private ServerUnderTest() {
    }

    public enum Db { H2, POSTGRESQL }

    public static ServerConfig config(Db db, Path dataDir) {
        ServerConfig config = ServerConfig.embedded(dataDir).withAdminPassword(ADMIN_PASSWORD);
        if (db == Db.POSTGRESQL) {
            SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
            config = config.withDatabase(pg.url(), pg.user(), pg.password());
        }
        return config;
    }

    public static VenueDeskServer start(Db db, Path dataDir) {
        return VenueDeskServer.start(config(db, dataDir));
    }
}
