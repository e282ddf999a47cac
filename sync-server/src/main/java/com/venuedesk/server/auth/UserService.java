package com.venuedesk.server.auth;

import com.venuedesk.model.rules.AccountRules;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.persistence.Database;
import jakarta.persistence.LockModeType;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.history.VenueHistory;
import java.time.Clock;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Staff accounts as an administrator manages them: create, list, change role, disable, reset a password. */
public final class UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final Database db;
    private final RefreshTokens refreshTokens;
    private final PasswordPolicy passwords;
    private final Clock clock;
    private final VenueHistory history;
    /** Told about every account whose role or active flag changed (see {@link CurrentAccounts}). */
    private final Consumer<UUID> accountChanged;

    public UserService(Database db, VenueHistory history, RefreshTokens refreshTokens, AuthPolicy policy, Clock clock,
                       Consumer<UUID> accountChanged) {
        this.history = history;
        this.db = db;
        this.refreshTokens = refreshTokens;
        this.passwords = new PasswordPolicy(policy.minPasswordLength());
        this.clock = clock;
        this.accountChanged = accountChanged;
    }

    /** A staff account as shown to an administrator; never the password hash. */
    public record UserView(UUID id, String username, Role role, boolean active, Instant lockedUntil, Instant createdAt,
                           long revision) {
        static UserView of(UserAccount user, Instant now) {
            return new UserView(user.id(), user.username(), user.role(), user.active(),
                    user.isLockedAt(now) ? user.lockedUntil() : null, user.createdAt(), user.revision());
        }
    }

    public List<UserView> list() {
        Instant now = clock.instant();
        return db.inTransaction(session -> session
                .createSelectionQuery("from UserAccount order by username", UserAccount.class)
                .getResultList().stream().map(u -> UserView.of(u, now)).toList());
    }

    public UserView get(UUID id) {
        return db.inTransaction(session -> UserView.of(require(session, id, false), clock.instant()));
    }

    public UserView create(Principal by, String username, String password, Role role) {
        String name = username == null ? null : username.strip();
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("username", "username is required");
        }
        if (!AccountRules.isUsername(name)) {
            throw ApiException.badRequest("username", AccountRules.USERNAME_RULE);
        }
        if (role == null) {
            throw ApiException.badRequest("role", "role is required: FRONT_DESK, MANAGER or ADMIN");
        }
        passwords.check("password", password, name);
        String hash = AuthService.hash(password);
        UserView created = db.inTransaction(session -> {
            if (usernameTaken(session, name)) {
                throw usernameConflict(name);
            }
            UserAccount user = new UserAccount(UUID.randomUUID(), name, hash, role, clock.instant());
            session.persist(user);
            try {
                session.flush();
            } catch (ConstraintViolationException raced) {
                throw usernameConflict(name);
            }
            history.record(session, HistoryEntry.of(EntityType.USER, user.id(), user.revision(), HistoryAction.CREATED,
                    by.historyActor()).withDetails(Map.of("username", name, "role", role.name())));
            return UserView.of(user, clock.instant());
        });
        LOG.info("user created userId={} role={}", created.id(), role);
        return created;
    }

    /**
     * Changes role and/or active flag (null leaves a value as it is). Disabling ends the user's sessions: their refresh
     * tokens at once, their access tokens at their next request (see {@link CurrentAccounts}); a new role applies from
     * the next request too. The last active administrator can neither be demoted nor disabled, so the installation stays manageable.
     */
    public UserView update(Principal by, UUID id, Role role, Boolean active) {
        if (role == null && active == null) {
            throw ApiException.badRequest("role", "send role and/or active");
        }
        UserView updated = db.inTransaction(session -> {
            UserAccount user = require(session, id, true);
            boolean losesAdmin = user.role() == Role.ADMIN && user.active()
                    && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(active));
            if (losesAdmin && activeAdmins(session) <= 1) {
                throw new ApiException(409, "last-admin", "The last administrator must stay",
                        "this is the last active administrator; make another user ADMIN first",
                        role != null && role != Role.ADMIN ? "role" : "active", null);
            }
            if (role != null && role != user.role()) {
                Role before = user.role();
                user.changeRole(role);
                history.record(session, HistoryEntry.of(EntityType.USER, user.id(), user.revision(),
                        HistoryAction.ROLE_CHANGED, by.historyActor())
                        .withDetails(Map.of("fromRole", before.name(), "toRole", role.name())));
            }
            if (active != null && active != user.active()) {
                user.setActive(active);
                if (!active) {
                    refreshTokens.revokeAllOf(session, user.id());
                }
                history.record(session, HistoryEntry.of(EntityType.USER, user.id(), user.revision(),
                        active ? HistoryAction.ENABLED : HistoryAction.DISABLED, by.historyActor()));
            }
            return UserView.of(user, clock.instant());
        });
        accountChanged.accept(id);
        LOG.info("user updated userId={} role={} active={}", id, updated.role(), updated.active());
        return updated;
    }

    /** Sets a new password chosen by an administrator; lifts a lockout and ends the user's sessions. */
    public void resetPassword(Principal by, UUID id, String password) {
        String username = get(id).username();
        passwords.check("password", password, username);
        String hash = AuthService.hash(password);
        db.inTransaction(session -> {
            UserAccount user = require(session, id, true);
            user.changePasswordHash(hash);
            user.unlock();
            refreshTokens.revokeAllOf(session, user.id());
            history.record(session, HistoryEntry.of(EntityType.USER, user.id(), user.revision(),
                    HistoryAction.PASSWORD_RESET, by.historyActor()));
            return null;
        });
        LOG.info("password reset by an administrator userId={}", id);
    }

    private static UserAccount require(Session session, UUID id, boolean forUpdate) {
        UserAccount user = forUpdate ? session.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE)
                : session.find(UserAccount.class, id);
        if (user == null) {
            throw ApiException.notFound("User", id);
        }
        return user;
    }

    private static boolean usernameTaken(Session session, String name) {
        return session.createSelectionQuery("select count(u) from UserAccount u where u.username = :n", Long.class)
                .setParameter("n", name).getSingleResult() > 0;
    }

    /** Locks the active admins' rows so that two concurrent demotions cannot both see "one other admin left". */
    private static long activeAdmins(Session session) {
        return session.createSelectionQuery("from UserAccount u where u.role = :r and u.active = true", UserAccount.class)
                .setParameter("r", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().size();
    }

    private static ApiException usernameConflict(String name) {
        return new ApiException(409, "username-taken", "Username already taken",
                "a user named " + name + " already exists", "username", null);
    }
}
