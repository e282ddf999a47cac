package com.venuedesk.server.persistence;

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
