package com.venuedesk.server.auth;

import com.venuedesk.model.rules.AccountRules;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.persistence.Database;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real venue's first run: names the venue, its time zone and its first admin, with a password the person chose.
 * Works only while the venue has no accounts, so nobody can take over a venue that is set up; the row
 * {@code setup.done} in {@code server_setting} (its name is the key) lets only one of two racing setups through.
 */
public final class VenueSetup {
    private static final Logger LOG = LoggerFactory.getLogger(VenueSetup.class);

    private final Database db;
    private final PasswordPolicy passwords;
    private final Clock clock;

    public VenueSetup(Database db, AuthPolicy policy, Clock clock) {
        this.db = db;
        this.passwords = new PasswordPolicy(policy.minPasswordLength());
        this.clock = clock;
    }

    /** What the setup form sends. */
    public record Request(String venueName, String timeZone, String username, String password) { }

    /** The venue as set up, and its first account. */
    public record Done(String venueName, String timeZone, UUID userId, String username) { }

    public boolean needed() {
        return db.inTransaction(session -> session.createSelectionQuery("select count(u) from UserAccount u", Long.class)
                .getSingleResult() == 0);
    }

    public Done setUp(Request request) {
        String venue = request.venueName() == null ? "" : request.venueName().strip();
        if (venue.isEmpty() || venue.length() > AccountRules.MAX_VENUE_NAME_LENGTH) {
            throw ApiException.badRequest("venueName", "venueName is required, at most 100 characters");
        }
        ZoneId zone = zone(request.timeZone());
        String name = request.username() == null ? "" : request.username().strip();
        if (!AccountRules.isUsername(name)) {
            throw ApiException.badRequest("username", AccountRules.USERNAME_RULE);
        }
        passwords.check("password", request.password(), name);
        String hash = AuthService.hash(request.password());
        Done done;
        try {
            done = db.inTransaction(session -> {
                long users = session.createSelectionQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
                if (users > 0) {
                    throw alreadySetUp();
                }
                insertSetting(session, "setup.done", clock.instant().toString());
                insertSetting(session, "venue.name", venue);
                insertSetting(session, "venue.time-zone", zone.getId());
                UserAccount admin = new UserAccount(UUID.randomUUID(), name, hash, Role.ADMIN, clock.instant());
                session.persist(admin);
                session.flush();
                return new Done(venue, zone.getId(), admin.id(), name);
            });
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException raced) {
            // another setup inserted setup.done first (primary key): this one is too late
            if (!needed()) {
                throw alreadySetUp();
            }
            throw raced;
        }
        LOG.info("venue set up: first admin userId={} zone={}", done.userId(), done.timeZone());
        return done;
    }

    private static void insertSetting(org.hibernate.Session session, String key, String value) {
        session.createNativeMutationQuery("INSERT INTO server_setting (setting_name, setting_value) VALUES (:k, :v)")
                .setParameter("k", key).setParameter("v", value).executeUpdate();
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("timeZone", "timeZone is required, e.g. Europe/Berlin");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone", "timeZone must be a region id such as Europe/Berlin");
        }
    }

    private static ApiException alreadySetUp() {
        return ApiException.conflict("already-set-up", "Venue already set up",
                "this venue has accounts already; sign in, or ask an admin for an account", Map.of());
    }
}
