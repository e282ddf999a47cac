package com.venuedesk.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.venuedesk.benchmarks.desk.ScratchDir;
import com.venuedesk.benchmarks.desk.ChildJvm;
import com.venuedesk.benchmarks.desk.Installers;
import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.sync.Credentials;
import com.venuedesk.desk.sync.DeskSignIn;
import com.venuedesk.desk.sync.InitialSyncProgress;
import com.venuedesk.desk.sync.PullPage;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.SyncedEntity;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.wire.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How fast a fresh desk catches up with a big venue: the server on a real PostgreSQL holds 100,000 bookings, an empty
 * desk store runs {@code SyncEngine.syncNow()} (push nothing, pull page by page until caught up), and in the same run a
 * raw JDBC batch insert writes the same rows into a table of the desk's booking shape (same columns, same JSON
 * payloads, same indexes) in a fresh H2 file with the desk's settings. Printed: times, rows/s, the ratio (sync speed
 * as a share of the raw insert speed) and the progress the engine reported on the way.
 *
 * <p>The bookings are seeded by JDBC batch insert straight into the server's {@code booking} and {@code change_log}
 * tables: exactly the rows the server's own create path writes (booking at revision 1, one change-log row each, whose
 * {@code tx_id} PostgreSQL fills), a hundred times faster than 100,000 HTTP creates.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -Dmaven.test.skip=true compile exec:java
 * -Dexec.mainClass=com.venuedesk.benchmarks.InitialSyncBenchmark} (options: {@code -Dbench.rounds=2 -Dbench.rows=100000
 * -Dbench.pageSize=2000 -Dbench.freshDesk=true}, the desk's default page). Targets: initial sync of 100,000 bookings
 * within 10 s and at least 50% of the raw rate.
 *
 * <p>Like is compared with like. Round 1 runs server and desk cold in this one JVM (its raw insert, after the sync,
 * finds H2 loaded and compiled: shown, not a fair ratio); round 2 has both sides warm. Then, {@code
 * -Dbench.freshRuns=3} times, the usual first sync of a new desk: a fresh desk JVM ({@link ChildJvm}, this class with
 * {@code --fresh-desk}) syncs from the server the rounds warmed up (a venue whose server has been running), and
 * another fresh JVM ({@code --fresh-raw}) times the raw insert of the rows that desk received: cold against cold.
 */
public final class InitialSyncBenchmark {
    private static final Instant BASE = Instant.parse("2027-01-04T00:00:00Z");
    private static final int RESOURCES = 20;
    private static final int SEED_BATCH = 1000;
    /** The child mode: a fresh desk JVM syncing from a server another JVM runs. */
    private static final String FRESH_DESK = "--fresh-desk";
    private static final Pattern FRESH_DESK_DONE = Pattern.compile("fresh desk synced in (\\d+) ms");
    /** The child mode: a fresh JVM timing the raw insert of the rows a fresh desk received. */
    private static final String FRESH_RAW = "--fresh-raw";
    private static final Pattern FRESH_RAW_DONE = Pattern.compile("fresh raw insert in (\\d+) ms");

    private final int rows = Integer.getInteger("bench.rows", 100_000);
    private final int rounds = Integer.getInteger("bench.rounds", 2);
    private final int pageSize = Integer.getInteger("bench.pageSize", SyncEngine.Settings.defaults().pullPageSize());
    private final ObjectWriter entityWriter = Json.newMapper().writerFor(SyncedEntity.class);

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals(FRESH_DESK)) {
            new InitialSyncBenchmark().freshDesk(args[1], Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 4 && args[0].equals(FRESH_RAW)) {
            new InitialSyncBenchmark().freshRaw(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else {
            new InitialSyncBenchmark().run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = ScratchDir.create("venuedesk-initial-sync");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench_sync");
            }
            String url = pg.getJdbcUrl("postgres", "bench_sync");
            ServerConfig config = ServerConfig.embedded(dir.resolve("server")).withAdminPassword("bench-admin-password")
                    .withDatabase(url, "postgres", "postgres");
            try (VenueDeskServer server = VenueDeskServer.start(config)) {
                List<Booking> bookings = seed(url);
                // Round 1 runs in a fresh JVM, as a desk's very first sync does; the raw insert, measured after it,
                // would find H2 already loaded and compiled, so each round measures both and later rounds compare
                // the two on equal, warm terms.
                String base = server.baseUri().toString();
                for (int round = 1; round <= rounds; round++) {
                    SyncResult sync = initialSync(base, dir.resolve("desk-" + round));
                    long pullNanos = pullOnly(base);
                    RawResult raw = rawInsert(dir.resolve("raw-" + round), bookings);
                    System.out.printf(Locale.ROOT, "%nRound %d of %d (%s)%n", round, rounds,
                            round == 1 ? "this JVM fresh: sync and server cold, raw insert after the sync, warm:"
                                    + " not like with like, see the fresh JVMs below" : "both warm");
                    report(sync, pullNanos, raw);
                }
                if (Boolean.parseBoolean(System.getProperty("bench.freshDesk", "true"))) {
                    freshRuns(base, dir);
                }
            }
        }
    }

    /** Extra options for the fresh desk's JVM, e.g. a flight recording: {@code -Dbench.childJvmOptions="-XX:..."}. */
    private static List<String> childJvmOptions() {
        String options = System.getProperty("bench.childJvmOptions", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Resources and a customer through SQL as well, then the bookings with their change-log rows. */
    private List<Booking> seed(String url) throws SQLException {
        long started = System.nanoTime();
        List<UUID> resources = new ArrayList<>();
        UUID customer = UUID.randomUUID();
        List<Booking> bookings = new ArrayList<>(rows);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement("INSERT INTO resource (id, name, resource_type, capacity, "
                    + "price_amount, price_currency, time_zone, revision) VALUES (?, ?, 'MEETING_ROOM', 10, 40.00, 'EUR', "
                    + "'Europe/Berlin', 1)");
                 PreparedStatement cu = c.prepareStatement("INSERT INTO customer (id, name, email, phone, revision) "
                         + "VALUES (?, 'Bench Guest', 'bench@example.org', '+49 30 1234567', 1)");
                 PreparedStatement log = c.prepareStatement("INSERT INTO change_log (entity_type, entity_id, revision, "
                         + "deleted) VALUES (?, ?, 1, FALSE)")) {
                for (int i = 0; i < RESOURCES; i++) {
                    UUID id = UUID.randomUUID();
                    resources.add(id);
                    r.setObject(1, id);
                    r.setString(2, "Bench room " + i);
                    r.addBatch();
                    log.setString(1, "RESOURCE");
                    log.setObject(2, id);
                    log.addBatch();
                }
                cu.setObject(1, customer);
                cu.executeUpdate();
                r.executeBatch();
                log.setString(1, "CUSTOMER");
                log.setObject(2, customer);
                log.addBatch();
                log.executeBatch();
            }
            c.commit();
            Instant createdAt = Instant.now();
            try (PreparedStatement b = c.prepareStatement("INSERT INTO booking (id, resource_id, customer_id, start_at, "
                    + "end_at, status, price_amount, price_currency, notes, created_at, revision) "
                    + "VALUES (?, ?, ?, ?, ?, 'CONFIRMED', 40.00, 'EUR', ?, ?, 1)");
                 PreparedStatement log = c.prepareStatement("INSERT INTO change_log (entity_type, entity_id, revision, "
                         + "deleted) VALUES ('BOOKING', ?, 1, FALSE)")) {
                for (int k = 0; k < rows; k++) {
                    Instant start = BASE.plus(Duration.ofHours(k / RESOURCES));
                    Booking booking = new Booking(UUID.randomUUID(), resources.get(k % RESOURCES), customer,
                            new TimeRange(start, start.plus(Duration.ofHours(1))), BookingStatus.CONFIRMED,
                            new Money(new BigDecimal("40.00"), "EUR"), "seeded " + k, 1, null, createdAt, null, "");
                    bookings.add(booking);
                    b.setObject(1, booking.id());
                    b.setObject(2, booking.resourceId());
                    b.setObject(3, customer);
                    b.setObject(4, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
                    b.setObject(5, OffsetDateTime.ofInstant(booking.range().end(), ZoneOffset.UTC));
                    b.setString(6, booking.notes());
                    b.setObject(7, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
                    b.addBatch();
                    log.setObject(1, booking.id());
                    log.addBatch();
                    if ((k + 1) % SEED_BATCH == 0 || k == rows - 1) {
                        b.executeBatch();
                        log.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
        System.out.printf(Locale.ROOT, "Seeded %,d bookings on %d resources into PostgreSQL in %.1f s%n", rows, RESOURCES,
                (System.nanoTime() - started) / 1e9);
        return bookings;
    }

    private record SyncResult(long nanos, long cpuNanos, long desksBookings, List<String> progress) { }

    /**
     * CPU time of this whole JVM (server, desk, JIT, GC; PostgreSQL runs apart): on a shared machine the wall clock
     * says as much about the neighbours as about the code, the CPU spent much less so.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The usual first sync, {@code bench.freshRuns} times: a fresh desk JVM syncs from the running server, then a
     * fresh JVM of its own inserts the same rows raw; their medians compared. Both start from jars, as installed, each
     * run in turns of each kind (interleaved): on this JDK without a start-up cache and with a class-data-sharing
     * archive, and on the runtime the installers ship (JDK 25, if there is one) with an AOT cache, each cache recorded
     * here as the installer records it ({@link Installers.Cache#trainDesk}); the raw insert's JVM runs the same way as
     * the desk's.
     */
    private void freshRuns(String base, Path dir) throws Exception {
        int runs = Integer.getInteger("bench.freshRuns", 3);
        Map<String, String> properties = Map.of("bench.rows", Integer.toString(rows), "bench.pageSize", Integer.toString(pageSize));
        ChildJvm jars = new ChildJvm(childJvmOptions()).asJars(dir.resolve("jars"));
        Map<String, ChildJvm> kinds = new LinkedHashMap<>();
        kinds.put("without a CDS archive", jars);
        Optional<Path> aotJdk = Installers.aotRuntime();
        kinds.put("with the desk's CDS archive" + (aotJdk.isEmpty() ? " (as installed)" : ""),
                trainedDesk(Installers.Cache.CDS, jars, dir));
        aotJdk.ifPresent(jdk -> kinds.put("on JDK " + ChildJvm.featureRelease(jdk) + " with the desk's AOT cache (as installed)",
                trainedDesk(Installers.Cache.AOT, jars.onJava(jdk), dir)));
        Map<String, List<Double>> syncSeconds = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            int k = 0;
            // A B, then B A: whichever kind runs second in a pair meets the server and machine as the first left them
            List<Map.Entry<String, ChildJvm>> order = new ArrayList<>(kinds.entrySet());
            if (run % 2 == 0) {
                Collections.reverse(order);
            }
            for (Map.Entry<String, ChildJvm> kind : order) {
                ChildJvm jvm = kind.getValue();
                Path runDir = dir.resolve("fresh-" + run + "-" + k++);
                Path syncReport = runDir.resolve("sync.txt");
                Path rawReport = runDir.resolve("raw.txt");
                Files.createDirectories(runDir);
                jvm.runUntil(InitialSyncBenchmark.class.getName(),
                        List.of(FRESH_DESK, base, runDir.resolve("desk").toString(), syncReport.toString()),
                        properties, FRESH_DESK_DONE, 600);
                jvm.runUntil(InitialSyncBenchmark.class.getName(),
                        List.of(FRESH_RAW, runDir.resolve("desk").toString(), runDir.resolve("raw").toString(), rawReport.toString()),
                        properties, FRESH_RAW_DONE, 600);
                List<String> sync = Files.readAllLines(syncReport);
                long[] figures = longs(sync.get(0));
                long[] raw = longs(Files.readAllLines(rawReport).get(0));
                System.out.printf(Locale.ROOT, "%nFresh desk JVM %d of %d, %s, against the running (warm) server; raw insert"
                        + " in a fresh JVM of its own%n", run, runs, kind.getKey());
                SyncResult result = new SyncResult(figures[0], figures[1], figures[2], sync.subList(1, sync.size()));
                report(result, figures[3], new RawResult(raw[0], raw[1]));
                syncSeconds.computeIfAbsent(kind.getKey(), key -> new ArrayList<>()).add(result.nanos() / 1e9);
                ratios.computeIfAbsent(kind.getKey(), key -> new ArrayList<>()).add((double) raw[0] / result.nanos());
            }
        }
        for (String kind : kinds.keySet()) {
            double medianSeconds = median(syncSeconds.get(kind));
            double medianRatio = median(ratios.get(kind));
            System.out.printf(Locale.ROOT, "%nFresh desk JVMs %s, median of %d: sync %.2f s (target <= 10 s: %s), ratio"
                    + " sync/raw %.0f%% (target >= 50%%: %s); each run: %s s%n", kind, runs, medianSeconds,
                    medianSeconds <= 10 ? "met" : "MISSED", 100 * medianRatio, medianRatio >= 0.5 ? "met" : "MISSED",
                    syncSeconds.get(kind).stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
        }
    }

    /** The fresh desk's JVM with the start-up cache the installer records, recorded here as the installer does. */
    private static ChildJvm trainedDesk(Installers.Cache cache, ChildJvm jvm, Path dir) {
        String name = cache.name().toLowerCase(Locale.ROOT);
        try {
            return cache.trainDesk(jvm.withOptions(ChildJvm.javafxOptions().toArray(String[]::new)),
                    dir.resolve("desk-" + name + ".cache"), dir.resolve("training-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the desk's " + cache.label(), e);
        }
    }

    private static long[] longs(String line) {
        return java.util.Arrays.stream(line.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The child mode: sync a fresh desk from {@code baseUrl}; its figures (and progress lines) to a file. */
    private void freshDesk(String baseUrl, Path deskDir, Path reportFile) throws Exception {
        SyncResult sync = initialSync(baseUrl, deskDir);
        long pullNanos = pullOnly(baseUrl);
        List<String> lines = new ArrayList<>();
        lines.add(sync.nanos() + " " + sync.cpuNanos() + " " + sync.desksBookings() + " " + pullNanos);
        lines.addAll(sync.progress());
        Files.write(reportFile, lines, StandardCharsets.UTF_8);
        System.out.println("fresh desk synced in " + sync.nanos() / 1_000_000 + " ms");
    }

    /** The child mode: the raw insert, in a JVM of its own, of the rows a fresh desk received (read back untimed). */
    private void freshRaw(Path deskDir, Path rawDir, Path reportFile) throws Exception {
        RawResult raw = rawInsert(rawDir, storedBookings(deskDir));
        Files.writeString(reportFile, raw.nanos() + " " + raw.cpuNanos() + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println("fresh raw insert in " + raw.nanos() / 1_000_000 + " ms");
    }

    /** The bookings a desk store holds, read back from their JSON (not timed: the raw insert's input). */
    private static List<Booking> storedBookings(Path deskDir) throws SQLException, IOException {
        ObjectReader reader = Json.newMapper().readerFor(SyncedEntity.class);
        List<Booking> bookings = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + deskDir.toAbsolutePath().resolve("venuedesk"), "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT payload FROM booking")) {
            while (r.next()) {
                bookings.add((Booking) reader.readValue(r.getString(1)));
            }
        }
        return bookings;
    }

    private SyncResult initialSync(String baseUrl, Path deskDir) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<String> progress = new ArrayList<>();
        long nanos;
        long cpuNanos;
        try (DeskStore store = DeskStore.open(deskDir);
             SyncClient client = new SyncClient(baseUrl)) {
            // signed in as staff sign in at a desk: online, remembered for offline sign-in (the store's first write,
            // which boots its Hibernate), then the first sync
            new DeskSignIn(client, new CredentialCache(store)).signIn(new Credentials("admin", "bench-admin-password"));
            SyncEngine.Settings defaults = SyncEngine.Settings.defaults();
            SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                    new SyncEngine.Settings(defaults.pushBatchSize(), pageSize, defaults.pollInterval(), defaults.retry(),
                            defaults.reconnect()));
            long[] nextReport = {0};
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            engine.addStatusListener(status -> {
                InitialSyncProgress p = status.progress();
                if (p.running() && p.received() >= nextReport[0]) {
                    nextReport[0] = p.received() + rows / 10;
                    progress.add(String.format(Locale.ROOT, "%6.2f s  %,7d of ~%,d (%.0f%%)",
                            (System.nanoTime() - started) / 1e9, p.received(), p.estimatedTotal(), 100 * p.fraction()));
                }
            });
            engine.syncNow();
            nanos = System.nanoTime() - started;
            cpuNanos = processCpuNanos() - cpuStarted;
            engine.close();
        } finally {
            scheduler.shutdownNow();
        }
        return new SyncResult(nanos, cpuNanos, countBookings("jdbc:h2:file:" + deskDir.toAbsolutePath().resolve("venuedesk")), progress);
    }

    /** The same pages again over HTTP, read and thrown away: the server's and the wire's share of the sync. */
    private long pullOnly(String baseUrl) {
        try (SyncClient client = new SyncClient(baseUrl)) {
            client.login("admin", "bench-admin-password");
            long started = System.nanoTime();
            String cursor = null;
            boolean more = true;
            while (more) {
                PullPage page = client.pull(cursor, pageSize);
                cursor = page.response().nextCursor();
                more = page.response().hasMore();
            }
            return System.nanoTime() - started;
        }
    }

    /** The desk's booking table, same indexes, same rows and JSON, batches of 100 committed per page. */
    private record RawResult(long nanos, long cpuNanos) { }

    private RawResult rawInsert(Path dir, List<Booking> bookings) throws SQLException, IOException {
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("raw") + ";WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE booking (id UUID PRIMARY KEY, resource_id UUID NOT NULL, customer_id UUID NOT NULL, "
                        + "start_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, end_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, "
                        + "status VARCHAR(20) NOT NULL, revision BIGINT NOT NULL, deleted BOOLEAN NOT NULL DEFAULT FALSE, "
                        + "provisional BOOLEAN NOT NULL DEFAULT FALSE, refused BOOLEAN NOT NULL DEFAULT FALSE, "
                        + "payload CHARACTER VARYING NOT NULL, server_payload CHARACTER VARYING)");
                s.execute("CREATE INDEX booking_resource_time ON booking (resource_id, start_at, end_at)");
                s.execute("CREATE INDEX booking_time ON booking (start_at, end_at)");
                s.execute("CREATE INDEX booking_customer ON booking (customer_id)");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO booking (id, resource_id, customer_id, start_at, end_at, "
                    + "status, revision, deleted, provisional, refused, payload, server_payload) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, ?, ?)")) {
                for (int k = 0; k < bookings.size(); k++) {
                    Booking b = bookings.get(k);
                    String json = entityWriter.writeValueAsString(b);
                    p.setObject(1, b.id());
                    p.setObject(2, b.resourceId());
                    p.setObject(3, b.customerId());
                    p.setTimestamp(4, Timestamp.from(b.range().start()));
                    p.setTimestamp(5, Timestamp.from(b.range().end()));
                    p.setString(6, b.status().name());
                    p.setLong(7, b.revision());
                    p.setString(8, json);
                    // as the desk: a record that shows the server's copy keeps it once (ServerCopy)
                    p.setString(9, null);
                    p.addBatch();
                    if ((k + 1) % 100 == 0) {
                        p.executeBatch();
                    }
                    if ((k + 1) % pageSize == 0) {
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            return new RawResult(System.nanoTime() - started, processCpuNanos() - cpuStarted);
        }
    }

    private static long countBookings(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM booking WHERE NOT provisional AND NOT deleted")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void report(SyncResult sync, long pullNanos, RawResult raw) {
        double syncSeconds = sync.nanos() / 1e9;
        double rawSeconds = raw.nanos() / 1e9;
        double syncRate = rows / syncSeconds;
        double rawRate = rows / rawSeconds;
        System.out.println("Progress reported by the sync engine:");
        sync.progress().forEach(line -> System.out.println("  " + line));
        System.out.printf(Locale.ROOT, "Initial sync:   %,d bookings in %.2f s = %,.0f rows/s (desk store holds %,d; pull page %d)%n",
                rows, syncSeconds, syncRate, sync.desksBookings(), pageSize);
        System.out.printf(Locale.ROOT, "  of which the server's pull and the wire (same pages, not stored): %.2f s%n",
                pullNanos / 1e9);
        System.out.printf(Locale.ROOT, "Raw H2 insert:  %,d rows in %.2f s = %,.0f rows/s%n", rows, rawSeconds, rawRate);
        System.out.printf(Locale.ROOT, "CPU of the JVM: sync %.2f s, raw insert %.2f s (PostgreSQL not counted)%n",
                sync.cpuNanos() / 1e9, raw.cpuNanos() / 1e9);
        System.out.printf(Locale.ROOT, "Ratio sync/raw: %.0f%% (target >= 50%%), time target <= 10 s: %s%n",
                100 * syncRate / rawRate, syncSeconds <= 10 ? "met" : "MISSED");
        if (sync.desksBookings() != rows) {
            System.out.println("WARNING: the desk holds " + sync.desksBookings() + " bookings, expected " + rows);
        }
    }
}
