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
 * within that), and at once after this process changed it ({@link #changed}).
 */
public final class CurrentAccounts implements AccessTokenVerifier {
    /** How long an account read from the database is trusted. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private record Account(boolean active, Role role) { }

    private final AccessTokenVerifier signed;
    private final LoadingCache<UUID, Optional<Account>> accounts;

    public CurrentAccounts(AccessTokenVerifier signed, Database db) {
        this.signed = signed;
        this.accounts = Caffeine.newBuilder()
                .expireAfterWrite(RECHECK)
                .maximumSize(10_000)
                .build(id -> db.inTransaction(session -> Optional.ofNullable(session.find(UserAccount.class, id))
                        .map(user -> new Account(user.active(), user.role()))));
    }

    @Override
    public Principal verify(String bearerToken) {
        Principal principal = signed.verify(bearerToken);
        Account account = accounts.get(principal.userId())
                .orElseThrow(() -> ApiException.unauthorized("the account of this access token no longer exists"));
        if (!account.active()) {
            throw ApiException.unauthorized("this account is disabled; ask an administrator");
        }
        return account.role() == principal.role() ? principal
                : new Principal(principal.userId(), principal.username(), account.role());
    }

    /** Forgets what was read of the account: the next request reads it again. Call after changing it. */
    public void changed(UUID userId) {
        accounts.invalidate(userId);
    }
}
