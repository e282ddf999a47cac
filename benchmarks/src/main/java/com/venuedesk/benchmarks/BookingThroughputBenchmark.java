package com.venuedesk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.wire.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Booking-create throughput over real HTTP against the server on a real PostgreSQL, compared in the same run with the
 * raw JDBC insert rate into a table with the same exclusion constraint (one row per transaction, same data, same
 * concurrency). Then a hot-slot race: many clients at once for one slot, latency percentiles.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests compile exec:java}
 * (options: {@code -Dbench.bookings=4000 -Dbench.threads=8 -Dbench.rounds=200}). Targets: HTTP >= 60% of raw, hot-slot p99 < 50 ms.
 */
public final class BookingThroughputBenchmark {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Instant BASE = Instant.parse("2027-01-04T00:00:00Z");

    private final int bookings = Integer.getInteger("bench.bookings", 4000);
    private final int threads = Integer.getInteger("bench.threads", 8);
    private final int resources = Integer.getInteger("bench.resources", 40);
    private final int rounds = Integer.getInteger("bench.rounds", 200);
    private final ObjectMapper json = Json.newMapper();

    public static void main(String[] args) throws Exception {
        new BookingThroughputBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("venuedesk-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").setServerConfig("log_min_duration_statement", System.getProperty("bench.pgSlowMs", "-1")).start()) {
            String serverDb = createDatabase(pg, "bench_server");
            String rawDb = createDatabase(pg, "bench_raw");
            ServerConfig config = ServerConfig.embedded(dir).withAdminPassword("bench-admin-password")
                    .withDatabase(pg.getJdbcUrl("postgres", serverDb), "postgres", "postgres");
            try (VenueDeskServer server = VenueDeskServer.start(config)) {
                Http http = new Http(server.baseUri().toString(), threads);
                http.login("admin", "bench-admin-password");
                List<String> resourceIds = new ArrayList<>();
                for (int i = 0; i < resources; i++) {
                    resourceIds.add(http.create("/api/v1/resources", "{\"name\":\"Bench room " + i + "\",\"type\":\"MEETING_ROOM\","
                            + "\"capacity\":10,\"pricePerHour\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},\"timeZone\":\"Europe/Berlin\"}"));
                }
                String customerId = http.create("/api/v1/customers", "{\"name\":\"Bench Guest\",\"email\":\"bench@example.org\",\"phone\":\"+49 30 1234567\"}");

                // warm-up on a separate day range, not measured
                runHttp(http, resourceIds, customerId, Math.min(800, bookings / 4), 5000);
                runRaw(pg.getJdbcUrl("postgres", rawDb), Math.min(800, bookings / 4), 5000, true);

                double raw = runRaw(pg.getJdbcUrl("postgres", rawDb), bookings, 0, false);
                double viaHttp = runHttp(http, resourceIds, customerId, bookings, 0);
                List<Long> race = hotSlotRace(http, resourceIds.get(0), customerId);

                System.out.printf(Locale.ROOT, "%nVenueDesk booking benchmark (PostgreSQL %s, %d bookings, %d threads, %d resources)%n",
                        "embedded", bookings, threads, resources);
                System.out.printf(Locale.ROOT, "raw JDBC insert (exclusion constraint, 1 row/tx): %8.0f rows/s%n", raw);
                System.out.printf(Locale.ROOT, "HTTP booking create (server, no conflicts):       %8.0f bookings/s%n", viaHttp);
                System.out.printf(Locale.ROOT, "ratio HTTP / raw:                                  %8.1f %%  (target >= 60 %%)%n", 100 * viaHttp / raw);
                System.out.printf(Locale.ROOT, "hot-slot race (%d rounds x %d clients): p50 %.1f ms, p99 %.1f ms, max %.1f ms  (target p99 < 50 ms)%n",
                        rounds, threads, pct(race, 50), pct(race, 99), race.get(race.size() - 1) / 1e6);
            }
        }
    }

    private static String createDatabase(EmbeddedPostgres pg, String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** The k-th booking: resource k mod R, one-hour slots laid out so none overlap. */
    private Instant slotStart(int k, int dayOffset) {
        int perResource = k / resources;
        return BASE.plus(Duration.ofDays(dayOffset)).plus(Duration.ofHours(perResource));
    }

    private double runRaw(String url, int n, int dayOffset, boolean createTable) throws Exception {
        if (createTable) {
            try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
                s.execute("CREATE TABLE raw_booking (id UUID PRIMARY KEY, resource_id UUID NOT NULL, customer_id UUID NOT NULL,"
                        + " start_at TIMESTAMPTZ NOT NULL, end_at TIMESTAMPTZ NOT NULL, status VARCHAR(20) NOT NULL,"
                        + " price_amount NUMERIC(12,2), price_currency VARCHAR(3), notes TEXT, revision BIGINT NOT NULL,"
                        + " EXCLUDE USING gist (resource_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)"
                        + " WHERE (status IN ('PENDING','CONFIRMED')))");
            }
        }
        List<UUID> resourceIds = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            resourceIds.add(UUID.nameUUIDFromBytes(("raw-" + i).getBytes()));
        }
        UUID customer = UUID.randomUUID();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                     PreparedStatement ps = c.prepareStatement("INSERT INTO raw_booking VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    c.setAutoCommit(true);
                    for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                        Instant start = slotStart(k, dayOffset);
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, resourceIds.get(k % resources));
                        ps.setObject(3, customer);
                        ps.setTimestamp(4, Timestamp.from(start));
                        ps.setTimestamp(5, Timestamp.from(start.plus(Duration.ofHours(1))));
                        ps.setString(6, "CONFIRMED");
                        ps.setBigDecimal(7, new java.math.BigDecimal("40.00"));
                        ps.setString(8, "EUR");
                        ps.setString(9, "");
                        ps.setLong(10, 1);
                        ps.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        return n / (elapsed / 1e9);
    }

    private double runHttp(Http http, List<String> resourceIds, String customerId, int n, int dayOffset) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                    Instant start = slotStart(k, dayOffset);
                    int status = http.post("/api/v1/bookings", "{\"resourceId\":\"" + resourceIds.get(k % resources)
                            + "\",\"customerId\":\"" + customerId + "\",\"start\":\"" + start + "\",\"end\":\""
                            + start.plus(Duration.ofHours(1)) + "\"}");
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " booking creates did not answer 201");
        }
        return n / (elapsed / 1e9);
    }

    private List<Long> hotSlotRace(Http http, String resourceId, String customerId) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int round = 0; round < rounds; round++) {
            Instant start = BASE.minus(Duration.ofDays(30)).plus(Duration.ofHours(round));
            String body = "{\"resourceId\":\"" + resourceId + "\",\"customerId\":\"" + customerId + "\",\"start\":\"" + start
                    + "\",\"end\":\"" + start.plus(Duration.ofHours(1)) + "\"}";
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    int status = http.post("/api/v1/bookings", body);
                    latencies.add(System.nanoTime() - t0);
                    return status;
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Integer> f : futures) {
                int status = f.get();
                if (status == 201) {
                    created++;
                } else if (status != 409) {
                    throw new IllegalStateException("hot-slot create answered " + status);
                }
            }
            if (created != 1) {
                throw new IllegalStateException("round " + round + ": " + created + " creates succeeded for one slot");
            }
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted;
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Minimal authenticated JSON client for the load generator. */
    private final class Http {
        private final String base;
        private final OkHttpClient client;
        private String token;

        Http(String base, int threads) {
            this.base = base;
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(threads * 2);
            dispatcher.setMaxRequestsPerHost(threads * 2);
            this.client = new OkHttpClient.Builder().dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(threads * 2, 1, TimeUnit.MINUTES))
                    .readTimeout(60, TimeUnit.SECONDS).build();
        }

        void login(String user, String password) throws IOException {
            try (Response r = client.newCall(new Request.Builder().url(base + "/api/v1/auth/login")
                    .post(RequestBody.create("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", JSON)).build()).execute()) {
                token = json.readTree(r.body().string()).get("accessToken").asText();
            }
        }

        String create(String path, String body) throws IOException {
            try (Response r = client.newCall(request(path, body)).execute()) {
                String text = r.body().string();
                if (r.code() != 201) {
                    throw new IllegalStateException(path + " answered " + r.code() + ": " + text);
                }
                JsonNode node = json.readTree(text);
                return node.get("id").asText();
            }
        }

        int post(String path, String body) throws IOException {
            try (Response r = client.newCall(request(path, body)).execute()) {
                r.body().string();
                return r.code();
            }
        }

        private Request request(String path, String body) {
            return new Request.Builder().url(base + path).header("Authorization", "Bearer " + token)
                    .post(RequestBody.create(body, JSON)).build();
        }
    }
}
