package com.venuedesk.server;

import com.venuedesk.model.rules.BookingLimits;
import com.venuedesk.server.notifications.NotificationSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    @Option(names = "--smtp-host", description = "mail server for notifications; without it e-mails are recorded, not sent")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "0", description = "mail server port (default: 25, 587 or 465 by --smtp-tls)")
    int smtpPort;

    @Option(names = "--smtp-user", description = "mail server user (password from env VENUEDESK_SMTP_PASSWORD)")
    String smtpUser;

    @Option(names = "--smtp-tls", defaultValue = "starttls", description = "none | starttls | ssl")
    String smtpTls;

    @Option(names = "--mail-from", description = "sender address of notifications, e.g. 'Venue <bookings@venue.example>'")
    String mailFrom;

    @Option(names = "--sms-base-url", description = "Twilio-style Messages API base URL, e.g. https://api.twilio.com")
    URI smsBaseUrl;

    @Option(names = "--sms-account-sid", description = "SMS account sid (auth token from env VENUEDESK_SMS_AUTH_TOKEN)")
    String smsAccountSid;

    @Option(names = "--sms-from", description = "SMS sender number")
    String smsFrom;

    @Option(names = "--reminder-lead", defaultValue = "PT24H",
            description = "how long before a booking its reminder is sent (ISO-8601, e.g. PT24H, P2D, PT2H)")
    String reminderLead;

    @Option(names = "--public-url", description = "the server's address as guests and calendar clients reach it")
    URI publicUrl;

    @Option(names = "--venue-name", description = "the venue's name in notifications")
    String venueName;

    @Option(names = "--manager-email", description = "who is told of bookings awaiting approval (comma-separated)")
    String managerEmails;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    private NotificationSettings notifications() {
        NotificationSettings.SmtpSettings smtp = null;
        if (smtpHost != null && !smtpHost.isBlank()) {
            if (mailFrom == null || mailFrom.isBlank()) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--smtp-host needs --mail-from");
            }
            smtp = new NotificationSettings.SmtpSettings(smtpHost, smtpPort, smtpUser,
                    System.getenv("VENUEDESK_SMTP_PASSWORD"), tls(smtpTls), mailFrom, null);
        }
        NotificationSettings.SmsSettings sms = null;
        if (smsBaseUrl != null) {
            String token = System.getenv("VENUEDESK_SMS_AUTH_TOKEN");
            if (smsAccountSid == null || smsFrom == null || token == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--sms-base-url needs --sms-account-sid, --sms-from and env VENUEDESK_SMS_AUTH_TOKEN");
            }
            sms = new NotificationSettings.SmsSettings(smsBaseUrl, smsAccountSid, token, smsFrom);
        }
        List<String> managers = managerEmails == null ? List.of()
                : Arrays.stream(managerEmails.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        return new NotificationSettings(smtp, sms, Duration.parse(reminderLead), publicUrl, venueName, managers, null,
                null, 0, null, null);
    }

    private NotificationSettings.SmtpSettings.Tls tls(String value) {
        try {
            return NotificationSettings.SmtpSettings.Tls.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--smtp-tls must be none, starttls or ssl");
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        String password = dbPassword != null ? dbPassword : System.getenv("VENUEDESK_DB_PASSWORD");
        ServerConfig config = new ServerConfig(port, bind, dataDir, dbUrl, dbUser, password, demo,
                System.getenv("VENUEDESK_ADMIN_PASSWORD"), null, 0, 0, Clock.systemUTC())
                .withBookingLimits(BookingLimits.standard().withMaxBookingLength(Duration.ofDays(maxBookingDays)))
                .withNotifications(notifications());
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
