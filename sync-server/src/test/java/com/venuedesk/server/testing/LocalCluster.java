package com.venuedesk.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own, made with the machine's PostgreSQL binaries (initdb, pg_ctl, pg_dump, pg_restore
 * of Debian's postgresql package; {@code VENUEDESK_PG_BIN} names another bin directory), for what IT does to a
 * database: back it up with pg_dump and restore it into another cluster. As root the binaries run as the
 * {@code postgres} user (initdb refuses root). Test infrastructure only.
 */
public final class LocalCluster implements AutoCloseable {
    private final Path bin;
    private final Path home;
    private final int port;

    private LocalCluster(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    /** The machine's PostgreSQL binaries: the newest under /usr/lib/postgresql, or {@code VENUEDESK_PG_BIN}. */
    public static Path binaries() {
        String configured = System.getenv("VENUEDESK_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_dump")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under " + root
                            + " (apt-get install postgresql; .ci/run does)"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL binaries under " + root
                    + " (apt-get install postgresql; .ci/run does)", e);
        }
    }

    /** Initialises and starts a new cluster on a free port, with trust authentication on loopback. */
    public static LocalCluster start() {
        try {
            Path home = Files.createTempDirectory("venuedesk-cluster-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path bin = binaries();
            if (isRoot()) {
                run(List.of("chown", "postgres:postgres", home.toString()));
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            LocalCluster cluster = new LocalCluster(bin, home, port);
            cluster.pg("initdb", "-D", home.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--no-sync");
            cluster.pg("pg_ctl", "-D", home.resolve("data").toString(), "-l", home.resolve("log").toString(), "-w",
                    "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a PostgreSQL cluster", e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name);
    }

    public void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Uses up transaction ids, as a cluster that has run for a while has. */
    public void burnTransactionIds(String database, int count) {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "");
             Statement s = c.createStatement()) {
            for (int i = 0; i < count; i++) {
                s.execute("SELECT pg_current_xact_id()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code pg_dump -Fc} of the database into {@code file}, as README's back-up advice says. */
    public void dump(String database, Path file) {
        pg("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-f", file.toString(),
                database);
    }

    /** {@code pg_restore} of a dump into a new database of this cluster. */
    public void restore(Path file, String database) {
        createDatabase(database);
        pg("pg_restore", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", database,
                "--no-owner", "--exit-on-error", file.toString());
    }

    /** A directory the cluster's processes may write to (for dump files). */
    public Path scratch() {
        return home;
    }

    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind
            }
        }
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
