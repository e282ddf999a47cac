package com.venuedesk.desk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSchemaTest {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

    @TempDir
    Path dataDir;

    @Test
    void theShippedVersionsAreExactlyTheMigrationsOnTheClassPath() throws IOException, URISyntaxException {
        URI uri = StoreSchema.class.getClassLoader().getResource(StoreSchema.LOCATION).toURI();
        List<String> onClassPath;
        // the migrations are a folder under surefire and inside the module's jar under failsafe
        try (FileSystem jar = "jar".equals(uri.getScheme()) ? FileSystems.newFileSystem(uri, Map.of()) : null;
             Stream<Path> files = Files.list(Path.of(uri))) {
            onClassPath = files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                    .sorted(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .toList();
        }
        assertThat(StoreSchema.SHIPPED_VERSIONS).containsExactlyElementsOf(onClassPath);
    }

    @Test
    void aNewStoreIsMigratedByFlywayAndIsCurrentAfterwards() {
        try (HikariDataSource dataSource = dataSource()) {
            assertThat(StoreSchema.isCurrent(dataSource)).isFalse();
            assertThat(StoreSchema.migrate(dataSource)).isTrue();
            assertThat(StoreSchema.isCurrent(dataSource)).isTrue();
            assertThat(StoreSchema.migrate(dataSource)).isFalse();
        }
    }

    @Test
    void aStoreMissingTheNewestMigrationGetsItAppliedOnOpen() throws SQLException {
        String older = StoreSchema.SHIPPED_VERSIONS.get(StoreSchema.SHIPPED_VERSIONS.size() - 2);
        try (HikariDataSource dataSource = dataSource()) {
            Flyway.configure().dataSource(dataSource).locations("classpath:" + StoreSchema.LOCATION).target(older)
                    .load().migrate();
            assertThat(StoreSchema.isCurrent(dataSource)).isFalse();
        }

        DeskStore.open(dataDir).close();

        try (HikariDataSource dataSource = dataSource()) {
            assertThat(StoreSchema.isCurrent(dataSource)).isTrue();
            // V2 turned the booking payload into an inline string
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 var type = s.executeQuery("select data_type from information_schema.columns "
                         + "where table_name = 'BOOKING' and column_name = 'PAYLOAD'")) {
                assertThat(type.next()).isTrue();
                assertThat(type.getString(1)).isEqualTo("CHARACTER VARYING");
            }
        }
    }

    @Test
    void aStoreWithAFailedMigrationIsLeftToFlywayToJudge() throws SQLException {
        try (HikariDataSource dataSource = dataSource()) {
            StoreSchema.migrate(dataSource);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '"
                        + StoreSchema.SHIPPED_VERSIONS.get(0) + "'");
            }
            assertThat(StoreSchema.isCurrent(dataSource)).isFalse();
        }
    }

    @Test
    void aStoreAheadOfThisDeskIsNotTakenForCurrent() throws SQLException {
        try (HikariDataSource dataSource = dataSource()) {
            StoreSchema.migrate(dataSource);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                        + "\"type\", \"script\", \"installed_by\", \"execution_time\", \"success\") "
                        + "values (100, '999', 'from a newer desk', 'SQL', 'V999__newer.sql', 'SA', 1, true)");
            }
            assertThat(StoreSchema.isCurrent(dataSource)).isFalse();
        }
    }

    private HikariDataSource dataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("venuedesk"));
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        return dataSource;
    }
}
