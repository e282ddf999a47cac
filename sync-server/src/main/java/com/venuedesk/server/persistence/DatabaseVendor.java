package com.venuedesk.server.persistence;

import org.hibernate.Session;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The two databases the server runs on. The booking code path is the same on both. */
public enum DatabaseVendor {
    H2("h2"), POSTGRESQL("postgresql");

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
