package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.persistence.Database;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.history.HistoryActor;
import com.venuedesk.server.history.HistoryEntry;
import com.venuedesk.server.history.VenueHistory;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mindrot.jbcrypt.BCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs staff in and keeps them signed in: password check with lockout after repeated failures, rotating refresh
 * tokens, sign-out, changing one's own password, and the first admin account of a new installation.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    static final int BCRYPT_ROUNDS = 10;

    private final Database db;
    private final AccessTokens tokens;
    private final RefreshTokens refreshTokens;
    private final PasswordPolicy passwords;
    private final AuthPolicy policy;
    private final Clock clock;
    private final VenueHistory history;
    private final CurrentAccounts accounts;
    /** Checked against when the username is unknown, so that a miss takes as long as a wrong password. */
    private final String decoyHash;

    /** @param accounts told of every sign-in that ends here, so that its access tokens stop working at once */
    public AuthService(Database db, VenueHistory history, AccessTokens tokens, RefreshTokens refreshTokens,
                       AuthPolicy policy, Clock clock, CurrentAccounts accounts) {
        this.history = history;
        this.accounts = accounts;
        this.db = db;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.passwords = new PasswordPolicy(policy.minPasswordLength());
        this.policy = policy;
        this.clock = clock;
        this.decoyHash = hash(UUID.randomUUID().toString());
    }

    /** The signed-in user with a fresh access token and a fresh refresh token. */
    public record SignedIn(Principal user, AccessTokens.Issued access, RefreshTokens.Issued refresh) { }

    /** Either a sign-in or the refusal to answer once the transaction (which may record the failure) has committed. */
    private record Outcome(SignedIn signedIn, ApiException refusal) {
        static Outcome granted(SignedIn s) {
            return new Outcome(s, null);
        }

        static Outcome refused(ApiException e) {
            return new Outcome(null, e);
        }

        SignedIn orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return signedIn;
        }
    }

    public SignedIn login(String username, String password) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username", "username is required");
        }
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password", "password is required");
        }
        Outcome outcome = db.inTransaction(session -> {
            UserAccount user = session.createSelectionQuery("from UserAccount where username = :u", UserAccount.class)
                    .setParameter("u", username.strip())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .uniqueResultOptional().orElse(null);
            if (user == null) {
                BCrypt.checkpw(password, decoyHash);
                return Outcome.refused(wrongCredentials());
            }
            Instant now = clock.instant();
            if (user.isLockedAt(now)) {
                return Outcome.refused(locked(user.lockedUntil()));
            }
            if (!BCrypt.checkpw(password, user.passwordHash())) {
                user.recordFailedLogin(policy.maxFailedLogins(), now.plus(policy.lockoutDuration()));
                if (user.isLockedAt(now)) {
                    history.record(session, HistoryEntry.of(EntityType.USER, user.id(), user.revision(),
                            HistoryAction.LOCKED_OUT, HistoryActor.SERVER).withReason(policy.maxFailedLogins()
                            + " failed sign-ins").withDetails(Map.of("lockedUntil", user.lockedUntil().toString())));
                    LOG.warn("account locked after {} failed logins userId={} until={}", policy.maxFailedLogins(),
                            user.id(), user.lockedUntil());
                    return Outcome.refused(locked(user.lockedUntil()));
                }
                return Outcome.refused(wrongCredentials());
            }
            if (!user.active()) {
                return Outcome.refused(disabled());
            }
            user.recordSuccessfulLogin();
            return Outcome.granted(signIn(user.principal(), refreshTokens.issueNewFamily(session, user.id())));
        });
        if (outcome.refusal() != null) {
            LOG.info("login refused username={} status={}", username, outcome.refusal().status());
        } else {
            LOG.info("login userId={} role={}", outcome.signedIn().user().userId(), outcome.signedIn().user().role());
        }
        return outcome.orThrow();
    }

    /** Trades a refresh token for a new pair; the presented token is spent. */
    public SignedIn refresh(String refreshToken) {
        Outcome outcome = db.inTransaction(session -> {
            RefreshTokens.Redemption redemption = refreshTokens.redeem(session, refreshToken);
            if (redemption instanceof RefreshTokens.Redemption.Reused reused) {
                accounts.sessionEnded(reused.familyId());
                LOG.warn("refresh token reused: family revoked userId={} familyId={}", reused.userId(), reused.familyId());
                return Outcome.refused(new ApiException(401, "refresh-token-reused", "Refresh token already used",
                        "this refresh token was already used, so it may have been copied; every session from the same "
                                + "sign-in has been ended: sign in again", null, null));
            }
            if (redemption instanceof RefreshTokens.Redemption.Unusable unusable) {
                UserAccount owner = unusable.userId() == null ? null : session.find(UserAccount.class, unusable.userId());
                if (owner != null && !owner.active()) {
                    return Outcome.refused(disabled());
                }
                return Outcome.refused(new ApiException(401, "invalid-refresh-token", "Refresh token not accepted",
                        unusable.reason(), "refreshToken", null));
            }
            RefreshTokens.Redemption.Valid valid = (RefreshTokens.Redemption.Valid) redemption;
            UserAccount user = session.find(UserAccount.class, valid.userId());
            if (user == null || !user.active()) {
                refreshTokens.revokeFamily(session, valid.familyId());
                return Outcome.refused(disabled());
            }
            return Outcome.granted(signIn(user.principal(),
                    refreshTokens.issue(session, user.id(), valid.familyId())));
        });
        return outcome.orThrow();
    }

    /**
     * Ends the sign-in the refresh token belongs to: the refresh tokens and the access tokens of that sign-in stop
     * working (on other server processes within {@link CurrentAccounts#RECHECK}). Unknown tokens are ignored so that
     * sign-out always succeeds.
     */
    public void logout(String refreshToken) {
        db.inTransaction(session -> refreshTokens.revokeFamilyOf(session, refreshToken))
                .ifPresent(family -> {
                    accounts.sessionEnded(family);
                    LOG.info("signed out sessionId={}", family);
                });
    }

    /**
     * Changes the signed-in user's own password after checking the current one. Every other session of the user ends;
     * the caller gets a fresh pair of tokens.
     */
    public SignedIn changeOwnPassword(Principal who, String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ApiException.badRequest("currentPassword", "currentPassword is required");
        }
        passwords.check("newPassword", newPassword, who.username());
        String newHash = hash(newPassword);
        Outcome outcome = db.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, who.userId(), LockModeType.PESSIMISTIC_WRITE);
            if (user == null || !user.active()) {
                return Outcome.refused(disabled());
            }
            if (!BCrypt.checkpw(currentPassword, user.passwordHash())) {
                return Outcome.refused(ApiException.badRequest("currentPassword", "the current password is wrong"));
            }
            user.changePasswordHash(newHash);
            refreshTokens.revokeAllOf(session, user.id());
            history.record(session, HistoryEntry.of(EntityType.USER, user.id(), user.revision(),
                    HistoryAction.PASSWORD_CHANGED, who.historyActor()));
            return Outcome.granted(signIn(user.principal(), refreshTokens.issueNewFamily(session, user.id())));
        });
        SignedIn signedIn = outcome.orThrow();
        accounts.changed(who.userId());
        LOG.info("password changed by its owner userId={}", who.userId());
        return signedIn;
    }

    private SignedIn signIn(Principal principal, RefreshTokens.Issued refresh) {
        return new SignedIn(principal, tokens.issue(principal, refresh.familyId()), refresh);
    }

    private static ApiException wrongCredentials() {
        return new ApiException(401, "invalid-credentials", "Sign-in failed", "wrong username or password", null, null);
    }

    private static ApiException locked(Instant until) {
        return new ApiException(423, "account-locked", "Account locked",
                "too many failed sign-ins: this account is locked until " + until + "; try again then or ask an "
                        + "administrator to reset the password", null, Map.of("lockedUntil", until));
    }

    private static ApiException disabled() {
        return new ApiException(401, "account-disabled", "Account disabled",
                "this account is disabled; ask an administrator", null, null);
    }

    /**
     * On first start with no users, creates {@code admin} with the given password, or a generated one that is returned
     * so the caller can print it once.
     */
    public Optional<String> bootstrapAdmin(String configuredPassword) {
        return db.inTransaction(session -> {
            long users = session.createSelectionQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
            if (users > 0) {
                return Optional.<String>empty();
            }
            String password = configuredPassword;
            boolean generated = password == null || password.isBlank();
            if (generated) {
                byte[] bytes = new byte[12];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            session.persist(new UserAccount(UUID.randomUUID(), "admin", hash(password), Role.ADMIN, clock.instant()));
            LOG.info("created the first admin account");
            return generated ? Optional.of(password) : Optional.<String>empty();
        });
    }

    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(BCRYPT_ROUNDS));
    }
}
