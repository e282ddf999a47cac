package com.venuedesk.server.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.persistence.Database;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens held to the account as it is now. A signed token names its user and role for its whole lifetime (15
 * minutes), yet a user an administrator disabled is refused at once, and one whose role changed acts in the new role.
 * The account is read at most once every {@link #RECHECK} per user (several server processes on one database agree
 * within that), and at once after this process changed it ({@link #changed}). Likewise the token's sign-in: once it
 * has ended (sign-out, a reused refresh token, a password change or reset, a disabled account: its refresh-token
 * family revoked in the database), the token is refused, by this process at once ({@link #sessionEnded}) and by every
 * other within {@link #RECHECK}.
 */
public final class CurrentAccounts implements AccessTokenVerifier {
    /** How long an account read from the database is trusted. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private record Account(boolean active, Role role) { }

    private final AccessTokens signed;
    private final LoadingCache<UUID, Optional<Account>> accounts;
    /** Per sign-in (refresh-token family): whether it has ended. */
    private final LoadingCache<UUID, Boolean> endedSessions;

    public CurrentAccounts(AccessTokens signed, Database db) {
        this.signed = signed;
        this.accounts = Caffeine.newBuilder()
                .expireAfterWrite(RECHECK)
                .maximumSize(10_000)
                .build(id -> db.inTransaction(session -> Optional.ofNullable(session.find(UserAccount.class, id))
                        .map(user -> new Account(user.active(), user.role()))));
        this.endedSessions = Caffeine.newBuilder()
                .expireAfterWrite(RECHECK)
                .maximumSize(100_000)
                .build(session -> db.inTransaction(s -> s.createSelectionQuery(
                        "select count(t) from RefreshToken t where t.familyId = :f and t.revoked = true", Long.class)
                        .setParameter("f", session).getSingleResult() > 0));
    }

    @Override
    public Principal verify(String bearerToken) {
        AccessTokens.Bearer bearer = signed.bearer(bearerToken);
        Principal principal = bearer.principal();
        Account account = accounts.get(principal.userId())
                .orElseThrow(() -> ApiException.unauthorized("the account of this access token no longer exists"));
        if (!account.active()) {
            throw ApiException.unauthorized("this account is disabled; ask an administrator");
        }
        if (bearer.sessionId() != null && endedSessions.get(bearer.sessionId())) {
            throw ApiException.unauthorized("this sign-in has ended (signed out or replaced); sign in again");
        }
        return account.role() == principal.role() ? principal
                : new Principal(principal.userId(), principal.username(), account.role());
    }

    /** Forgets what was read of the account: the next request reads it again. Call after changing it. */
    public void changed(UUID userId) {
        accounts.invalidate(userId);
        // a reset or a disabled account revokes every sign-in of the user: ask the database again
        endedSessions.invalidateAll();
    }

    /** The sign-in has ended (its refresh tokens are revoked): its access tokens are refused from now on. */
    public void sessionEnded(UUID sessionId) {
        endedSessions.put(sessionId, true);
    }
}
