package com.venuedesk.server;

import com.venuedesk.model.rules.BookingLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar sync-server.jar}: runs the central server until it is stopped (SIGTERM / Ctrl-C). */
@Command(name = "sync-server", mixinStandardHelpOptions = true, version = VenueDeskServer.VERSION,
        description = "VenueDesk sync server: bookings, conflicts and sync for the desk apps.")
public final class ServerMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port; 0 = any free port (the bound port is printed)")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "address to listen on")
    String bind;

    @Option(names = "--data-dir", defaultValue = "data", description = "directory of the embedded H2 database (used without --db-url)")
    Path dataDir;

    @Option(names = "--db-url", description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/venuedesk")
    String dbUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--db-password", description = "database password (or env VENUEDESK_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--demo", description = "seed a demo venue into an empty database")
    boolean demo;

    @Option(names = "--max-booking-days", defaultValue = "28",
            description = "the longest booking (and quote) the venue takes, in days")
    int maxBookingDays;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        String password = dbPassword != null ? dbPassword : System.getenv("VENUEDESK_DB_PASSWORD");
        ServerConfig config = new ServerConfig(port, bind, dataDir, dbUrl, dbUser, password, demo,
                System.getenv("VENUEDESK_ADMIN_PASSWORD"), null, 0, 0, Clock.systemUTC())
                .withBookingLimits(BookingLimits.standard().withMaxBookingLength(Duration.ofDays(maxBookingDays)));
        VenueDeskServer server = VenueDeskServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "venuedesk-shutdown"));
        // The one deliberate stdout line: scripts and tests read the bound port from it.
        System.out.println("VenueDesk server listening on port " + server.port());
        server.generatedAdminPassword().ifPresent(p ->
                System.out.println("Created user 'admin' with generated password: " + p + "  (shown once; change it)"));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
