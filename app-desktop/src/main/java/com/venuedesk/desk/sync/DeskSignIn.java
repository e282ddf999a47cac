package com.venuedesk.desk.sync;

import com.venuedesk.desk.store.CachedUser;
import com.venuedesk.desk.store.CredentialCache;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs staff in: online against the server when it answers (and then remembers a locally computed bcrypt
 * hash of the password), offline against that hash when the server cannot be reached. Offline, only a user
 * who signed in online on this desk before gets in, and only with the password of that sign-in.
 */
public final class DeskSignIn {
    private static final Logger log = LoggerFactory.getLogger(DeskSignIn.class);

    private final SyncClient client;
    private final CredentialCache cache;

    public DeskSignIn(SyncClient client, CredentialCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** The outcome of a sign-in attempt. */
    public sealed interface Result {
        /** Signed in with the server; the sync engine can run at once. */
        record Online(SignedInUser user) implements Result { }

        /** Signed in from this desk's cache; the client logs in to the server once it is reachable. */
        record Offline(SignedInUser user) implements Result { }

        /**
         * Not signed in. {@code problemType} says why in a stable word (the server's problem type, or
         * {@code credentials-required} / {@code offline-unconfirmed} from the desk itself) for the desk's own
         * words in its language; {@code reason} is the English fallback.
         */
        record Refused(String reason, String problemType) implements Result {
            public Refused(String reason) {
                this(reason, null);
            }
        }
    }

    public Result signIn(Credentials credentials) {
        if (credentials.username() == null || credentials.username().isBlank()
                || credentials.password() == null || credentials.password().isEmpty()) {
            return new Result.Refused("Enter a username and a password.", "credentials-required");
        }
        try {
            AuthSession session = client.login(credentials.username(), credentials.password());
            SignedInUser user = session.user();
            cache.remember(credentials.username(), credentials.password(), user.id(), user.role());
            client.loginWhenNeeded(credentials);
            return new Result.Online(user);
        } catch (ServerUnreachableException e) {
            return offline(credentials, e.getMessage());
        } catch (ProblemException e) {
            if (e.isTransient()) {
                return offline(credentials, e.getMessage());
            }
            log.info("Server refused sign-in of {}: {}", credentials.username(), e.problem().message());
            if (e.problem().type() != null && e.problem().type().endsWith("/account-disabled")) {
                // a disabled account must not go on signing in offline from this desk's cache
                cache.forget(credentials.username());
            }
            return new Result.Refused(e.problem().message(), e.problem().type());
        }
    }

    /**
     * Signs in while the server is known to be starting (the desk's own embedded server, booting in the
     * background): from this desk's cache at once when the cache confirms the password, so that work can begin
     * before the server listens (the client then logs in when the first sync needs it); otherwise, e.g. at the
     * very first start, it waits for {@code serverStarted} and signs in as usual.
     */
    public Result signInWhileServerStarts(Credentials credentials, Runnable serverStarted) {
        if (credentials.username() != null && credentials.password() != null && !credentials.password().isEmpty()) {
            Optional<CachedUser> cached = cache.verify(credentials.username(), credentials.password());
            if (cached.isPresent()) {
                CachedUser user = cached.get();
                log.info("Signed in {} from this desk's cache while the server starts", user.username());
                client.loginWhenNeeded(credentials);
                return new Result.Offline(new SignedInUser(user.userId(), user.username(), user.role()));
            }
        }
        serverStarted.run();
        return signIn(credentials);
    }

    private Result offline(Credentials credentials, String why) {
        log.info("Server unavailable ({}); trying offline sign-in of {}", why, credentials.username());
        Optional<CachedUser> cached = cache.verify(credentials.username(), credentials.password());
        if (cached.isEmpty()) {
            return new Result.Refused("The server cannot be reached, and this desk cannot confirm that username and "
                    + "password offline (offline sign-in works with the password of your last online sign-in here).",
                    "offline-unconfirmed");
        }
        CachedUser user = cached.get();
        client.loginWhenNeeded(credentials);
        return new Result.Offline(new SignedInUser(user.userId(), user.username(), user.role()));
    }
}
