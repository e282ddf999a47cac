package com.venuedesk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.benchmarks.desk.ScratchDir;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.wire.Json;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
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
 * concurrency), and with bare HTTP (the same requests to a Javalin route that only parses and answers the JSON), each
 * with its CPU time per operation. Then a hot-slot race: many clients at once for one slot, latency percentiles.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -Dmaven.test.skip=true compile exec:java}
 * (options: {@code -Dbench.bookings=2000 -Dbench.threads=8 -Dbench.rounds=200 -Dbench.minWarmups=6 -Dbench.maxWarmups=40
 * -Dbench.iterations=5 -Dbench.cpu=true}; see README). Targets: HTTP >= 60% of raw, hot-slot p99 < 50 ms.
 */
public final class BookingThroughputBenchmark {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Instant BASE = Instant.parse("2027-01-04T00:00:00Z");

    private final int bookings = Integer.getInteger("bench.bookings", 2000);
    private final int threads = Integer.getInteger("bench.threads", 8);
    private final int resources = Integer.getInteger("bench.resources", 40);
    private final int rounds = Integer.getInteger("bench.rounds", 200);
    private final int minWarmupIterations = Integer.getInteger("bench.minWarmups", 6);
    private final int warmupIterations = Integer.getInteger("bench.maxWarmups", 40);
    private final java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    private final int iterations = Integer.getInteger("bench.iterations", 5);
    private int daysUsed;
    private long postmaster = -1;
    /** One autocommit connection per raw insert thread, kept like the server's pool keeps its own. */
    private final List<Connection> rawConnections = new ArrayList<>();
    private final ObjectMapper json = Json.newMapper();

    public static void main(String[] args) throws Exception {
        new BookingThroughputBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = ScratchDir.create("venuedesk-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").setServerConfig("log_min_duration_statement", System.getProperty("bench.pgSlowMs", "-1")).start()) {
            String serverDb = createDatabase(pg, "bench_server");
            String rawDb = createDatabase(pg, "bench_raw");
            ServerConfig config = ServerConfig.embedded(dir).withAdminPassword("bench-admin-password")
                    .withDatabase(pg.getJdbcUrl("postgres", serverDb), "postgres", "postgres");
            Javalin echo = bareEcho();
            try (VenueDeskServer server = VenueDeskServer.start(config)) {
                Http http = new Http(server.baseUri().toString(), threads);
                Http bare = new Http("http://127.0.0.1:" + echo.port(), threads);
                http.login("admin", "bench-admin-password");
                List<String> resourceIds = new ArrayList<>();
                for (int i = 0; i < resources; i++) {
                    resourceIds.add(http.create("/api/v1/resources", "{\"name\":\"Bench room " + i + "\",\"type\":\"MEETING_ROOM\","
                            + "\"capacity\":10,\"pricePerHour\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},\"timeZone\":\"Europe/Berlin\"}"));
                }
                String customerId = http.create("/api/v1/customers", "{\"name\":\"Bench Guest\",\"email\":\"bench@example.org\",\"phone\":\"+49 30 1234567\"}");

                // The server is a long-running process: measure it warmed up, as JMH does. Warm-up iterations run
                // until the JIT has settled: an HTTP iteration during which the JIT compiled for less than 2 % of
                // its time, and two HTTP rates within 10 % of each other. (With Hibernate, Jetty, Jackson and OkHttp
                // in one JVM, C2 keeps compiling for 20-30 iterations; stopping at the first two similar rates
                // measured the server at half its speed, the compiler threads taking a third of the CPU.) Then
                // the measured iterations alternate raw and HTTP so a busy moment of the machine hurts both alike.
                String rawUrl = pg.getJdbcUrl("postgres", rawDb);
                createRawTable(rawUrl);
                double previous = 0;
                for (int i = 1; i <= warmupIterations; i++) {
                    double rawRate = runRaw(bookings, nextDays()).rate();
                    long compiledBefore = jit.getTotalCompilationTime();
                    long t0 = System.nanoTime();
                    double httpRate = runHttp(http, resourceIds, customerId, bookings, nextDays()).rate();
                    runHttp(bare, resourceIds, customerId, bookings, nextDays());
                    double jitShare = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - t0) / 1e6);
                    System.out.printf(Locale.ROOT, "warm-up %d: raw %6.0f rows/s, HTTP %6.0f bookings/s (%.1f %%), JIT busy %.0f %% of it%n",
                            i, rawRate, httpRate, 100 * httpRate / rawRate, 100 * jitShare);
                    if (i >= minWarmupIterations && jitShare < 0.02 && Math.abs(httpRate - previous) <= 0.1 * previous) {
                        break;
                    }
                    previous = httpRate;
                }
                List<Run> raws = new ArrayList<>();
                List<Run> https = new ArrayList<>();
                List<Run> bares = new ArrayList<>();
                for (int i = 1; i <= iterations; i++) {
                    raws.add(runRaw(bookings, nextDays()));
                    https.add(runHttp(http, resourceIds, customerId, bookings, nextDays()));
                    bares.add(runHttp(bare, resourceIds, customerId, bookings, nextDays()));
                    System.out.printf(Locale.ROOT, "iteration %d: raw %6.0f rows/s, HTTP %6.0f bookings/s (%.1f %%), bare HTTP %6.0f requests/s%n",
                            i, raws.get(i - 1).rate(), https.get(i - 1).rate(), 100 * https.get(i - 1).rate() / raws.get(i - 1).rate(),
                            bares.get(i - 1).rate());
                }
                double raw = median(raws, Run::rate);
                double viaHttp = median(https, Run::rate);
                double bareHttp = median(bares, Run::rate);
                double rawPostgres = median(raws, Run::postgresMicros);
                double rawJvm = median(raws, Run::jvmMicros);
                double createPostgres = median(https, Run::postgresMicros);
                double createJvm = median(https, Run::jvmMicros);
                double bareJvm = median(bares, Run::jvmMicros);
                for (Connection c : rawConnections) {
                    c.close();
                }
                List<Long> race = hotSlotRace(http, resourceIds.get(0), customerId);

                System.out.printf(Locale.ROOT, "%nVenueDesk booking benchmark (PostgreSQL %s, %d bookings, %d threads, %d resources)%n",
                        "embedded", bookings, threads, resources);
                System.out.printf(Locale.ROOT, "raw JDBC insert (exclusion constraint, 1 row/tx): %8.0f rows/s%n", raw);
                System.out.printf(Locale.ROOT, "HTTP booking create (server, no conflicts):       %8.0f bookings/s%n", viaHttp);
                System.out.printf(Locale.ROOT, "ratio HTTP / raw:                                  %8.1f %%  (target >= 60 %%)%n", 100 * viaHttp / raw);
                System.out.printf(Locale.ROOT, "bare HTTP (same requests, a Javalin route that parses and answers the JSON, no database): %.0f requests/s,"
                        + " %.1f %% of raw; HTTP create / bare HTTP: %.1f %%%n", bareHttp, 100 * bareHttp / raw, 100 * viaHttp / bareHttp);
                if (postmaster >= 0) {
                    // Both runs are CPU-bound on one machine, so a rate is at most the CPU per operation's inverse.
                    System.out.printf(Locale.ROOT, "CPU per raw insert:    PostgreSQL %4.0f us + this JVM %4.0f us%n", rawPostgres, rawJvm);
                    System.out.printf(Locale.ROOT, "CPU per HTTP create:   PostgreSQL %4.0f us + this JVM %4.0f us (server, client, JIT, GC)%n",
                            createPostgres, createJvm);
                    System.out.printf(Locale.ROOT, "CPU per bare HTTP request:                  this JVM %4.0f us (server and client)%n", bareJvm);
                    System.out.printf(Locale.ROOT, "ceilings: PostgreSQL's part of a create alone allows HTTP about %.0f %% of raw;"
                                    + " with bare HTTP's cost added, about %.0f %% (a create with no code of its own)%n",
                            100 * (rawPostgres + rawJvm) / createPostgres, 100 * (rawPostgres + rawJvm) / (createPostgres + bareJvm));
                }
                System.out.printf(Locale.ROOT, "hot-slot race (%d rounds x %d clients): p50 %.1f ms, p99 %.1f ms, max %.1f ms  (target p99 < 50 ms)%n",
                        rounds, threads, pct(race, 50), pct(race, 99), race.get(race.size() - 1) / 1e6);
            } finally {
                echo.stop();
            }
        }
    }

    private static String createDatabase(EmbeddedPostgres pg, String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /**
     * What HTTP alone costs here, as a third baseline: the same requests from the same client to a bare Javalin route
     * (the server's web framework) that parses the JSON body and answers it back with 201, touching no database.
     */
    private Javalin bareEcho() {
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.routes.addHttpHandler(HandlerType.POST, "/api/v1/bookings",
                    ctx -> ctx.status(201).json(ctx.bodyAsClass(java.util.Map.class)));
        }).start("127.0.0.1", 0);
    }

    /** The k-th booking: resource k mod R, one-hour slots laid out so none overlap. */
    private Instant slotStart(int k, int dayOffset) {
        int perResource = k / resources;
        return BASE.plus(Duration.ofDays(dayOffset)).plus(Duration.ofHours(perResource));
    }

    private void createRawTable(String url) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            postmaster = CpuUse.postmasterOf(c);
            for (int t = 0; t < threads; t++) {
                rawConnections.add(java.sql.DriverManager.getConnection(url, "postgres", "postgres"));
            }
            s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            s.execute("CREATE TABLE raw_booking (id UUID PRIMARY KEY, resource_id UUID NOT NULL, customer_id UUID NOT NULL,"
                    + " start_at TIMESTAMPTZ NOT NULL, end_at TIMESTAMPTZ NOT NULL, status VARCHAR(20) NOT NULL,"
                    + " price_amount NUMERIC(12,2), price_currency VARCHAR(3), notes TEXT, revision BIGINT NOT NULL,"
                    + " EXCLUDE USING gist (resource_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)"
                    + " WHERE (status IN ('PENDING','CONFIRMED')))");
        }
    }

    /** A fresh range of days for the next iteration, so that no iteration's bookings clash with an earlier one's. */
    private int nextDays() {
        int start = daysUsed;
        daysUsed += bookings / resources / 24 + 2;
        return start;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
        List<Double> sorted = new ArrayList<>(runs.stream().map(value::applyAsDouble).toList());
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One iteration: its rate, and the CPU time per operation that PostgreSQL and this JVM spent in it. */
    private record Run(double rate, double postgresMicros, double jvmMicros) { }

    private Run runRaw(int n, int dayOffset) throws Exception {
        CpuUse cpu = CpuUse.now(postmaster);
        double rate = runRawTimed(n, dayOffset);
        return cpu.run("raw insert", n, rate);
    }

    private double runRawTimed(int n, int dayOffset) throws Exception {
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
            Connection c = rawConnections.get(t);
            futures.add(pool.submit(() -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_booking VALUES (?,?,?,?,?,?,?,?,?,?)")) {
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

    private Run runHttp(Http http, List<String> resourceIds, String customerId, int n, int dayOffset) throws Exception {
        CpuUse cpu = CpuUse.now(postmaster);
        double rate = runHttpTimed(http, resourceIds, customerId, n, dayOffset);
        return cpu.run("create", n, rate);
    }

    private double runHttpTimed(Http http, List<String> resourceIds, String customerId, int n, int dayOffset) throws Exception {
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
        // the first rounds (unmeasured) warm up the conflict path: refusals and alternatives run nowhere else
        int warmupRounds = Math.max(10, rounds / 10);
        for (int round = 0; round < warmupRounds + rounds; round++) {
            boolean measured = round >= warmupRounds;
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
                    if (measured) {
                        latencies.add(System.nanoTime() - t0);
                    }
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

    /**
     * CPU time spent while an operation ran ({@code -Dbench.cpu=true}): this JVM's, in all and by thread group (JIT
     * compiler and GC threads are only in the whole), and PostgreSQL's (postmaster, its reaped children and its live
     * backends, read from /proc; Linux only).
     */
    private record CpuUse(long process, java.util.Map<Long, Long> byThread, long postgres, long postmaster) {
        private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ 100

        static CpuUse now(long postmaster) {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Map<Long, Long> byThread = new java.util.HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                byThread.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
            return new CpuUse(os.getProcessCpuTime(), byThread, postgresTicks(postmaster) * NANOS_PER_TICK, postmaster);
        }

        /** The postmaster of the backend serving {@code connection}: the parent of that backend's process. */
        static long postmasterOf(Connection connection) {
            try (Statement s = connection.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                return Long.parseLong(stat(r.getLong(1))[3]);
            } catch (SQLException | RuntimeException e) {
                return -1;
            }
        }

        private static long postgresTicks(long postmaster) {
            if (postmaster < 0) {
                return 0;
            }
            String[] own = stat(postmaster);
            long ticks = own.length > 16 ? Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]) : 0;
            try (var tasks = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) tasks::iterator) {
                    String name = p.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] child = stat(Long.parseLong(name));
                        if (child.length > 14 && child[3].equals(Long.toString(postmaster))) {
                            ticks += Long.parseLong(child[13]) + Long.parseLong(child[14]);
                        }
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return ticks;
        }

        /** /proc/PID/stat split into fields, the command name (which may hold spaces) as one; empty if gone. */
        private static String[] stat(long pid) {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                int close = line.lastIndexOf(')');
                String[] rest = line.substring(close + 2).trim().split(" ");
                String[] fields = new String[rest.length + 2];
                fields[0] = Long.toString(pid);
                fields[1] = line.substring(line.indexOf('(') + 1, close);
                System.arraycopy(rest, 0, fields, 2, rest.length);
                return fields;
            } catch (IOException | RuntimeException e) {
                return new String[0];
            }
        }

        /** The iteration that ran since this reading: its rate and CPU per operation; printed in detail with -Dbench.cpu. */
        Run run(String what, int n, double rate) {
            CpuUse end = now(postmaster);
            if (Boolean.getBoolean("bench.cpu")) {
                System.out.println(perOperation(end, what, n));
            }
            return new Run(rate, (end.postgres - postgres) / 1e3 / n, (end.process - process) / 1e3 / n);
        }

        private String perOperation(CpuUse end, String what, int n) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Map<String, Long> groups = new java.util.TreeMap<>();
            end.byThread.forEach((id, t) -> {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
                if (info != null) {
                    groups.merge(info.getThreadName().replaceAll("[-#]?\\d+", ""), t - byThread.getOrDefault(id, 0L), Long::sum);
                }
            });
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "  CPU per %s: PostgreSQL %.0f us, this JVM %.0f us (JIT and GC included)", what,
                    (end.postgres - postgres) / 1e3 / n, (end.process - process) / 1e3 / n));
            groups.forEach((group, used) -> {
                if (used > 20L * n * 1000) {
                    out.append(String.format(Locale.ROOT, "; %s %.0f", group, used / 1e3 / n));
                }
            });
            return out.toString();
        }
    }
}
