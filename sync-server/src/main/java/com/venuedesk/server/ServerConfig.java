package com.venuedesk.server;

import com.venuedesk.model.rules.BookingLimits;
import com.venuedesk.server.auth.AuthPolicy;
import com.venuedesk.server.persistence.DatabaseVendor;
import com.venuedesk.server.notifications.NotificationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How one server process runs.
 *
 * @param port          0 = any free port
 * @param bindHost      e.g. 0.0.0.0 for a central server, 127.0.0.1 when embedded in a desk
 * @param dataDir       where the embedded H2 database lives when no dbUrl is given
 * @param dbUrl         a jdbc:postgresql: URL, or null for H2 under dataDir
 * @param demo          seed a demo venue into an empty database
 * @param adminPassword the first admin's password (null: generate and print once)
 * @param accessTokenLifetime how long a signed access token is accepted (default 15 minutes)
 * @param clock         the server's notion of now: token expiry, lockouts, rate limits (tests move it)
 * @param authPolicy    lockout, login rate limit, refresh token lifetime, password length (null: defaults)
 * @param bookingLimits longest booking, calendar window, longest read (null: {@link BookingLimits#standard()})
 * @param notifications mail server, SMS provider, reminder lead, retries (null: record notifications, send none)
 * @param awaitSetup    create no first admin: the venue sets itself up once through POST /api/v1/setup (a desk's embedded
 *                      server on a real venue's first run), so no account with a configured or printed password exists
 */
public record ServerConfig(int port, String bindHost, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                           boolean demo, String adminPassword, Duration accessTokenLifetime, int dbPoolSize,
                           long maxRequestBytes, Clock clock, AuthPolicy authPolicy, BookingLimits bookingLimits,
                           NotificationSettings notifications, boolean awaitSetup) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        bindHost = bindHost == null ? "0.0.0.0" : bindHost;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
        dbPoolSize = dbPoolSize <= 0 ? 20 : dbPoolSize;
        maxRequestBytes = maxRequestBytes <= 0 ? 1_000_000 : maxRequestBytes;
        authPolicy = authPolicy == null ? AuthPolicy.defaults() : authPolicy;
        bookingLimits = bookingLimits == null ? BookingLimits.standard() : bookingLimits;
        notifications = notifications == null ? NotificationSettings.none() : notifications;
    }

    /** The configuration with the given {@link AuthPolicy}, the standard limits and no mail server. */
    public ServerConfig(int port, String bindHost, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                        boolean demo, String adminPassword, Duration accessTokenLifetime, int dbPoolSize,
                        long maxRequestBytes, Clock clock, AuthPolicy authPolicy) {
        this(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword, accessTokenLifetime, dbPoolSize,
                maxRequestBytes, clock, authPolicy, null, null, false);
    }

    /** The configuration with the default {@link AuthPolicy}. */
    public ServerConfig(int port, String bindHost, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                        boolean demo, String adminPassword, Duration accessTokenLifetime, int dbPoolSize,
                        long maxRequestBytes, Clock clock) {
        this(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword, accessTokenLifetime, dbPoolSize,
                maxRequestBytes, clock, null, null, null, false);
    }

    /** Defaults for a server with its H2 database under dataDir. */
    public static ServerConfig embedded(Path dataDir) {
        return new ServerConfig(0, "127.0.0.1", dataDir, null, null, null, false, null, null, 0, 0, Clock.systemUTC());
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(port, bindHost, dataDir, url, user, password, demo, adminPassword, accessTokenLifetime,
                dbPoolSize, maxRequestBytes, clock, authPolicy, bookingLimits, notifications, awaitSetup);
    }

    public ServerConfig withDemo(boolean seedDemo) {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, seedDemo, adminPassword,
                accessTokenLifetime, dbPoolSize, maxRequestBytes, clock, authPolicy, bookingLimits, notifications, awaitSetup);
    }

    public ServerConfig withAdminPassword(String password) {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, password, accessTokenLifetime,
                dbPoolSize, maxRequestBytes, clock, authPolicy, bookingLimits, notifications, awaitSetup);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword,
                accessTokenLifetime, dbPoolSize, maxRequestBytes, clock, authPolicy, bookingLimits, notifications, awaitSetup);
    }

    public ServerConfig withClock(Clock newClock) {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword,
                accessTokenLifetime, dbPoolSize, maxRequestBytes, newClock, authPolicy, bookingLimits, notifications, awaitSetup);
    }

    public ServerConfig withAuthPolicy(AuthPolicy policy) {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword,
                accessTokenLifetime, dbPoolSize, maxRequestBytes, clock, policy, bookingLimits, notifications, awaitSetup);
    }

    public ServerConfig withBookingLimits(BookingLimits limits) {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword,
                accessTokenLifetime, dbPoolSize, maxRequestBytes, clock, authPolicy, limits, notifications, awaitSetup);
    }

    public ServerConfig withNotifications(NotificationSettings settings) {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, adminPassword,
                accessTokenLifetime, dbPoolSize, maxRequestBytes, clock, authPolicy, bookingLimits, settings, awaitSetup);
    }

    /** A server that creates no first admin; the first account comes from the venue's setup. */
    public ServerConfig awaitingSetup() {
        return new ServerConfig(port, bindHost, dataDir, dbUrl, dbUser, dbPassword, demo, null, accessTokenLifetime,
                dbPoolSize, maxRequestBytes, clock, authPolicy, bookingLimits, notifications, true);
    }

    /** The JDBC URL actually used: the configured one, or an H2 file under dataDir. */
    public String effectiveDbUrl() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return dbUrl;
        }
        // WRITE_DELAY=0: a commit is written to the file before the server answers, so a kill -9 loses no
        // acknowledged write (H2's default writes up to 500 ms later; ServerCrashIT lost applied bookings without it)
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("venuedesk")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=" + DatabaseVendor.H2_LOCK_TIMEOUT_MS + ";WRITE_DELAY=0";
    }
}
