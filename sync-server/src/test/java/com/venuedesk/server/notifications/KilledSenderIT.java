package com.venuedesk.server.notifications;

import static com.venuedesk.server.notifications.Mailbox.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9: a server JVM on PostgreSQL claims a confirmation and is inside the SMTP conversation (its mail server
 * never answers) when it is killed. Another server on the same database takes the SENDING row once its lease has run
 * out and delivers it: the guest gets the message once.
 */
class KilledSenderIT {

    @Test
    void aServerKilledMidSendLeavesARowThatAnotherInstanceDeliversOnceAfterTheLease(@TempDir Path dir) throws Exception {
        SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
        List<Socket> held = new CopyOnWriteArrayList<>();
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Process child = null;
        try (ServerSocket blackHole = new ServerSocket(0)) {
            Thread accepter = new Thread(() -> {
                try {
                    while (!blackHole.isClosed()) {
                        held.add(blackHole.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "black-hole-smtp");
            accepter.setDaemon(true);
            accepter.start();

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "com.venuedesk.server.ServerMain", "--port", "0",
                    "--bind", "127.0.0.1", "--data-dir", dir.resolve("child").toString(), "--db-url", pg.url(),
                    "--db-user", pg.user(), "--db-password", pg.password(), "--smtp-host", "127.0.0.1",
                    "--smtp-port", Integer.toString(blackHole.getLocalPort()), "--smtp-tls", "none",
                    "--mail-from", "bookings@grandhall.example");
            builder.environment().put("VENUEDESK_ADMIN_PASSWORD", ServerUnderTest.ADMIN_PASSWORD);
            builder.redirectErrorStream(true);
            child = builder.start();
            int port = portOf(child);
            ApiClient admin = new ApiClient(URI.create("http://127.0.0.1:" + port)).login("admin",
                    ServerUnderTest.ADMIN_PASSWORD);
            String booking = book(admin);

            await("the child is inside the send", () -> state(pg, booking).equals("SENDING") && !held.isEmpty());
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(state(pg, booking)).as("a kill leaves the row SENDING").isEqualTo("SENDING");

            // another instance, its clock past the lease (5 minutes by default)
            MutableClock later = new MutableClock(Instant.now().plus(Duration.ofMinutes(6)));
            ServerConfig other = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("other"))
                    .withDatabase(pg.url(), pg.user(), pg.password()).withClock(later)
                    .withNotifications(NotificationSettings.none().withSmtp(Mailbox.smtp(smtp.getSmtp().getPort())));
            try (VenueDeskServer server = VenueDeskServer.start(other, List.of(), NotificationsIT.FAST_CONSUMERS)) {
                await("delivered", () -> smtp.getReceivedMessages().length >= 1);
                await("recorded SENT", () -> state(pg, booking).equals("SENT"));
                Thread.sleep(1500);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
                assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                        .isEqualTo("ada.lovelace@example.com");
                assertThat(attempts(pg, booking)).isEqualTo(2);
            }
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            for (Socket s : held) {
                s.close();
            }
            smtp.stop();
        }
    }

    private static int portOf(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("VenueDesk server listening on port ")) {
                int port = Integer.parseInt(line.substring("VenueDesk server listening on port ".length()).strip());
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the child's pipe from filling up
                        }
                    } catch (java.io.IOException ended) {
                        // the child is gone
                    }
                }, "child-output");
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new AssertionError("the child server did not start: " + String.join("\n", seen));
    }

    private static String book(ApiClient admin) {
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("name", "Blue Room");
        room.put("type", "MEETING_ROOM");
        room.put("capacity", 8);
        room.put("pricePerHour", Map.of("amount", "40.00", "currency", "EUR"));
        room.put("timeZone", "Europe/Berlin");
        String resource = admin.post("/api/v1/resources", room).json().get("id").asText();
        String guest = admin.post("/api/v1/customers", Map.of("name", "Ada Lovelace", "email",
                "ada.lovelace@example.com")).json().get("id").asText();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ApiClient.Reply r = admin.post("/api/v1/bookings", Map.of("resourceId", resource, "customerId", guest,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static String state(SharedPostgres.PgDatabase pg, String booking) {
        return query(pg, "SELECT state FROM notification WHERE booking_id = ? AND kind = 'CONFIRMATION'", booking, "none");
    }

    private static int attempts(SharedPostgres.PgDatabase pg, String booking) {
        return Integer.parseInt(query(pg, "SELECT attempts FROM notification WHERE booking_id = ?"
                + " AND kind = 'CONFIRMATION'", booking, "0"));
    }

    private static String query(SharedPostgres.PgDatabase pg, String sql, String booking, String none) {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, java.util.UUID.fromString(booking));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : none;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
