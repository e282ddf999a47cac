package com.venuedesk.desk.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the store's schema up to date with the migrations this desk ships in {@code classpath:db/desk}. Flyway's
 * migrate scans the class path for migrations and validates every applied one before it finds that there is
 * nothing to do, which is most of a desk's start-up cost for its store once the schema is current; so a store whose
 * Flyway history already holds exactly the shipped versions, all successful, is left alone without loading Flyway at
 * all. Any other store (new, older, newer, or with a failed migration) goes through Flyway's full migrate, which
 * applies what is missing and refuses what it cannot.
 */
final class StoreSchema {
    /** Where the desk's migrations live on the class path. */
    static final String LOCATION = "db/desk";
    /**
     * The versions of the migrations in {@link #LOCATION}, as Flyway names them; {@code StoreSchemaTest} fails when a
     * migration is added there and not here (the short-cut would otherwise skip it).
     */
    static final List<String> SHIPPED_VERSIONS = List.of("1", "2", "3", "4");
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private StoreSchema() {
    }

    /**
     * Migrates {@code dataSource}'s database unless it is already at the shipped versions.
     *
     * @return true when Flyway ran, false when the schema was current
     */
    static boolean migrate(DataSource dataSource) {
        if (isCurrent(dataSource)) {
            return false;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION).load().migrate();
        return true;
    }

    /** True when the Flyway history holds exactly the shipped versions and no failed migration. */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(null, null, HISTORY_TABLE, new String[] {"TABLE"})) {
                if (!tables.next()) {
                    return false;
                }
            }
            Set<String> applied = new HashSet<>();
            try (Statement statement = connection.createStatement();
                 ResultSet history = statement.executeQuery(
                         "select \"version\", \"success\" from \"" + HISTORY_TABLE + "\" where \"version\" is not null")) {
                while (history.next()) {
                    if (!history.getBoolean(2)) {
                        return false;
                    }
                    applied.add(history.getString(1));
                }
            }
            return applied.equals(Set.copyOf(SHIPPED_VERSIONS));
        } catch (SQLException e) {
            // an odd history is Flyway's to judge
            return false;
        }
    }
}
