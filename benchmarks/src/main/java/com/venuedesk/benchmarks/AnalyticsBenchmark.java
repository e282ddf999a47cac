package com.venuedesk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.benchmarks.desk.ScratchDir;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.wire.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.postgresql.PGConnection;

/**
 * The managers' analytics at scale: seeds {@code bench.bookings} (1,000,000) bookings over {@code bench.resources}
 * (200) resources and three years into the server's embedded PostgreSQL with COPY, then times, over HTTP, the summary
 * and 90-day reports (target: under 1 s), and booking creates, each with the schema as shipped (with the analytics
 * index {@code booking (end_at)} of migration V36) and without that index (the baseline); the phases alternate in the
 * same run and medians are compared. The create rate with the index against the rate without it is the "create slowed
 * by at most 10 %" figure.
 */
public final class AnalyticsBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final MediaType JSON = MediaType.get("application/json");
    /** The analytics index as migration V36 creates it. */
    private static final String ANALYTICS_INDEX = "CREATE INDEX booking_end ON booking (end_at)";

    private final int bookings = Integer.getInteger("bench.bookings", 1_000_000);
    private final int resourceCount = Integer.getInteger("bench.resources", 200);
    private final int days = Integer.getInteger("bench.days", 1095);
    private final int repetitions = Integer.getInteger("bench.repetitions", 5);
    private final int creates = Integer.getInteger("bench.creates", 1500);
    private final int threads = Integer.getInteger("bench.threads", 4);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final ObjectMapper json = Json.newMapper();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(120, TimeUnit.SECONDS).build();
    private final List<UUID> resources = new ArrayList<>();
    private final AtomicInteger nextSlot = new AtomicInteger();
    private UUID customer;
    private LocalDate today;
    private String base;
    private String token;

    public static void main(String[] args) throws Exception {
        new AnalyticsBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = ScratchDir.create("venuedesk-analytics");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench_analytics");
            }
            String url = pg.getJdbcUrl("postgres", "bench_analytics");
            ServerConfig config = ServerConfig.embedded(dir.resolve("server")).withAdminPassword("bench-admin-password")
                    .withDatabase(url, "postgres", "postgres");
            try (VenueDeskServer server = VenueDeskServer.start(config)) {
                base = server.baseUri().toString();
                today = LocalDate.now(ZONE);
                seed(url);
                login();
                createPhase(creates); // warm-up: JIT, pools, the calendar years
                for (String path : reports()) {
                    get(path);
                }
                Map<String, List<Double>> without = new LinkedHashMap<>();
                Map<String, List<Double>> with = new LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    login();
                    sql(url, "DROP INDEX booking_end; ANALYZE booking");
                    measure(without, "without");
                    sql(url, ANALYTICS_INDEX + "; ANALYZE booking");
                    measure(with, "with");
                    System.out.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
                }
                report(without, with);
            }
        }
    }

    private List<String> reports() {
        String ninety = "from=" + today.minusDays(89) + "&to=" + today;
        return List.of("/api/v1/analytics/summary", "/api/v1/analytics/utilization?" + ninety,
                "/api/v1/analytics/heatmap?" + ninety, "/api/v1/analytics/revenue?" + ninety,
                "/api/v1/analytics/resources?" + ninety,
                "/api/v1/analytics/revenue?from=" + today.minusDays(days - 100) + "&to=" + today + "&granularity=month");
    }

    private void measure(Map<String, List<Double>> into, String label) throws Exception {
        for (String path : reports()) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                long t = System.nanoTime();
                get(path);
                times.add((System.nanoTime() - t) / 1e6);
            }
            into.computeIfAbsent(path, k -> new ArrayList<>()).add(median(times));
        }
        double rate = createPhase(creates);
        into.computeIfAbsent("creates/s", k -> new ArrayList<>()).add(rate);
        System.out.printf(Locale.ROOT, "  %s the analytics index: summary %.0f ms, 90-day utilization %.0f ms, creates %.0f/s%n",
                label, into.get(reports().get(0)).get(into.get(reports().get(0)).size() - 1),
                into.get(reports().get(1)).get(into.get(reports().get(1)).size() - 1), rate);
    }

    private void report(Map<String, List<Double>> without, Map<String, List<Double>> with) {
        System.out.printf(Locale.ROOT, "%nMedians of %d rounds (each report: median of %d requests), %,d bookings on %d"
                + " resources over %d days:%n", rounds, repetitions, bookings, resourceCount, days);
        System.out.printf(Locale.ROOT, "%-95s %12s %12s %7s%n", "", "no index", "as shipped", "ratio");
        for (String key : without.keySet()) {
            double a = median(without.get(key));
            double b = median(with.get(key));
            String unit = key.equals("creates/s") ? "/s" : " ms";
            System.out.printf(Locale.ROOT, "%-95s %10.0f%s %10.0f%s %6.2fx%n", key, a, unit, b, unit, b / a);
        }
        double summary = median(with.get(reports().get(0)));
        double utilization = median(with.get(reports().get(1)));
        double createRatio = median(with.get("creates/s")) / median(without.get("creates/s"));
        System.out.printf(Locale.ROOT, "Target (as shipped): summary %.0f ms and 90-day utilization %.0f ms under 1 s: %s;"
                + " creates with the index at %.0f%% of the rate without it (target: at least 90%%)%n", summary, utilization,
                summary < 1000 && utilization < 1000 ? "met" : "MISSED", createRatio * 100);
    }

    /** Creates on free slots far after the seeded ones, from {@code threads} clients; creates per second. */
    private double createPhase(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(count);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    int slot = nextSlot.getAndIncrement();
                    UUID resource = resources.get(slot % resourceCount);
                    LocalDate day = today.plusDays(days + 30L + slot / resourceCount / 10);
                    Instant start = day.atTime(LocalTime.of(8 + slot / resourceCount % 10, 0)).atZone(ZONE).toInstant();
                    String body = "{\"resourceId\":\"" + resource + "\",\"customerId\":\"" + customer + "\",\"start\":\""
                            + start + "\",\"end\":\"" + start.plus(Duration.ofMinutes(45)) + "\"}";
                    try (Response r = client.newCall(new Request.Builder().url(base + "/api/v1/bookings")
                            .header("Authorization", "Bearer " + token).post(RequestBody.create(body, JSON)).build()).execute()) {
                        if (r.code() != 201) {
                            throw new IllegalStateException("create answered " + r.code() + ": " + r.body().string());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private void get(String path) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(base + path).header("Authorization", "Bearer " + token)
                .get().build()).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException(path + " answered " + r.code() + ": " + body);
            }
        }
    }

    private void login() throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(base + "/api/v1/auth/login").post(RequestBody.create(
                "{\"username\":\"admin\",\"password\":\"bench-admin-password\"}", JSON)).build()).execute()) {
            token = json.readTree(r.body().string()).get("accessToken").asText();
        }
    }

    /** Resources (three in four with opening hours 07:00-23:00 every day), one customer, bookings and cancellations. */
    private void seed(String url) throws SQLException, IOException {
        long started = System.nanoTime();
        Random random = new Random(17);
        String[] types = {"MEETING_ROOM", "EQUIPMENT", "VENUE", "SERVICE", "ACCOMMODATION"};
        String[] weekdays = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
        StringBuilder res = new StringBuilder();
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < resourceCount; i++) {
            UUID id = UUID.randomUUID();
            resources.add(id);
            res.append(id).append(",Bench room ").append(i).append(',').append(types[i % types.length])
                    .append(",8,40.00,EUR,Europe/Berlin,1\n");
            if (i % 4 != 3) {
                for (String day : weekdays) {
                    rules.append(UUID.randomUUID()).append(',').append(id).append(',').append(day)
                            .append(",07:00,23:00,true,1\n");
                }
            }
        }
        customer = UUID.randomUUID();
        UUID[] staff = new UUID[10];
        for (int i = 0; i < staff.length; i++) {
            staff[i] = UUID.randomUUID();
        }
        Instant now = Instant.now();
        LocalDate first = today.minusDays(days - 95L);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            PGConnection copy = c.unwrap(PGConnection.class);
            copy.getCopyAPI().copyIn("COPY resource (id, name, resource_type, capacity, price_amount, price_currency,"
                    + " time_zone, revision) FROM STDIN WITH (FORMAT csv)", new StringReader(res.toString()));
            copy.getCopyAPI().copyIn("COPY availability_rule (id, resource_id, day_of_week, start_time, end_time,"
                    + " available, revision) FROM STDIN WITH (FORMAT csv)", new StringReader(rules.toString()));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO customer (id, name, revision) VALUES ('" + customer + "', 'Bench guest', 1)");
            }
            DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
            int perResource = bookings / resourceCount;
            StringBuilder rows = new StringBuilder();
            StringBuilder log = new StringBuilder();
            int written = 0;
            for (int r = 0; r < resourceCount; r++) {
                for (int d = 0; d < days; d++) {
                    int n = (int) ((long) (d + 1) * perResource / days - (long) d * perResource / days);
                    for (int j = 0; j < n; j++) {
                        Instant start = first.plusDays(d).atTime(7 + 3 * j, 0).atZone(ZONE).toInstant();
                        int minutes = 60 + 30 * random.nextInt(4);
                        Instant end = start.plus(Duration.ofMinutes(minutes));
                        int dice = random.nextInt(100);
                        boolean past = start.isBefore(now);
                        String status = past ? (dice < 80 ? "COMPLETED" : dice < 88 ? "CANCELLED" : dice < 93 ? "NO_SHOW" : "CONFIRMED")
                                : (dice < 90 ? "CONFIRMED" : dice < 93 ? "PENDING" : "CANCELLED");
                        String checkedIn = status.equals("COMPLETED") ? iso.format(start.plusSeconds(120)) : "";
                        UUID id = UUID.randomUUID();
                        rows.append(id).append(',').append(resources.get(r)).append(',').append(customer).append(',')
                                .append(iso.format(start)).append(',').append(iso.format(end)).append(',').append(status)
                                .append(',').append(minutes * 40 / 60).append(".00,EUR,").append(checkedIn).append(',')
                                .append(iso.format(start.minus(Duration.ofHours(1 + random.nextInt(24 * 30))))).append(",1\n");
                        if (status.equals("CANCELLED")) {
                            log.append("BOOKING,").append(id).append(",2,false,")
                                    .append(iso.format(start.minus(Duration.ofHours(1 + random.nextInt(72))))).append(",CANCELLED,")
                                    .append(staff[random.nextInt(staff.length)]).append('\n');
                        }
                        if (++written % 100_000 == 0) {
                            flush(copy, rows, log);
                        }
                    }
                }
            }
            flush(copy, rows, log);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                try (ResultSet count = s.executeQuery("SELECT COUNT(*) FROM booking")) {
                    count.next();
                    System.out.printf(Locale.ROOT, "Seeded %,d bookings on %d resources over %d days (%s to %s) with COPY"
                            + " in %.1f s%n", count.getLong(1), resourceCount, days, first, first.plusDays(days - 1),
                            (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    private static void flush(PGConnection copy, StringBuilder rows, StringBuilder log) throws SQLException, IOException {
        copy.getCopyAPI().copyIn("COPY booking (id, resource_id, customer_id, start_at, end_at, status, price_amount,"
                + " price_currency, checked_in_at, created_at, revision) FROM STDIN WITH (FORMAT csv)",
                new StringReader(rows.toString()));
        copy.getCopyAPI().copyIn("COPY change_log (entity_type, entity_id, revision, deleted, recorded_at, action,"
                + " actor_id) FROM STDIN WITH (FORMAT csv)", new StringReader(log.toString()));
        rows.setLength(0);
        log.setLength(0);
    }

    private static void sql(String url, String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String statement : statements.split(";")) {
                s.execute(statement.strip());
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
