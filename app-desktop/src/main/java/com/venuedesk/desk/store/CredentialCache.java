package com.venuedesk.desk.store;

import com.venuedesk.model.domain.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Credentials of users who signed in online on this desk, for signing in while the server is unreachable.
 * The bcrypt hash is computed here from the password the user typed (the server's hash never leaves the
 * server); a wrong password or a user never seen online is refused.
 */
public final class CredentialCache {
    private static final int LOG_ROUNDS = 10;

    private final DeskStore store;
    private final Duration maxAge;

    /** A cache whose entries sign in offline for 14 days after their last online sign-in. */
    public CredentialCache(DeskStore store) {
        this(store, Duration.ofDays(14));
    }

    /** @param maxAge how long after its last online sign-in a user may sign in offline on this desk */
    public CredentialCache(DeskStore store, Duration maxAge) {
        this.store = store;
        this.maxAge = maxAge;
    }

    /** Remembers a successful online sign-in (replacing an older entry for the same user). */
    public void remember(String username, String password, UUID userId, Role role) {
        String hash = BCrypt.hashpw(password, BCrypt.gensalt(LOG_ROUNDS));
        String key = normalise(username);
        store.write(s -> {
            CredentialRow row = s.find(CredentialRow.class, key);
            boolean fresh = row == null;
            if (fresh) {
                row = new CredentialRow();
                row.username = key;
            }
            row.userId = userId;
            row.role = role.name();
            row.passwordHash = hash;
            row.cachedAt = store.clock().instant();
            if (fresh) {
                s.persist(row);
            }
            return row.username;
        }, u -> null);
    }

    /** True when anybody signed in online on this desk before, so that a sign-in can be confirmed without the server. */
    public boolean knowsAnyone() {
        return store.query(store.reads()::anyCredential);
    }

    /** The cached user when the password matches the hash cached at their last online sign-in. */
    public Optional<CachedUser> verify(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String key = normalise(username);
        return store.query(c -> store.reads().credential(c, key))
                .filter(row -> row.cachedAt != null && row.cachedAt.plus(maxAge).isAfter(store.clock().instant()))
                .filter(row -> BCrypt.checkpw(password, row.passwordHash))
                .map(row -> new CachedUser(row.userId, row.username, Role.valueOf(row.role)));
    }

    /** Forgets a user's cached sign-in, e.g. when the server says the account is disabled. */
    public void forget(String username) {
        if (username == null) {
            return;
        }
        String key = normalise(username);
        store.write(s -> {
            CredentialRow row = s.find(CredentialRow.class, key);
            if (row != null) {
                s.remove(row);
            }
            return key;
        }, u -> null);
    }

    /** The username of a staff account that signed in on this desk before (to name the clerk of a local change). */
    public Optional<String> usernameOf(UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return store.query(c -> store.reads().usernameOf(c, userId));
    }

    private static String normalise(String username) {
        return username.strip();
    }
}
