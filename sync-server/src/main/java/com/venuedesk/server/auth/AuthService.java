package com.venuedesk.server.auth;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.persistence.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.mindrot.jbcrypt.BCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs staff in with username and password, and creates the first admin account of a new installation. */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    static final int BCRYPT_ROUNDS = 10;

    private final Database db;
    private final AccessTokens tokens;
    private final Clock clock;

    public AuthService(Database db, AccessTokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The signed-in user with a fresh access token. */
    public record SignedIn(Principal user, AccessTokens.Issued access) { }

    public SignedIn login(String username, String password) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username", "username is required");
        }
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password", "password is required");
        }
        Principal principal = db.inTransaction(session -> {
            UserAccount user = session.createSelectionQuery("from UserAccount where username = :u", UserAccount.class)
                    .setParameter("u", username.strip()).uniqueResultOptional().orElse(null);
            if (user == null || !user.active() || !BCrypt.checkpw(password, user.passwordHash())) {
                return null;
            }
            user.recordSuccessfulLogin();
            return user.principal();
        });
        if (principal == null) {
            LOG.info("login refused username={}", username);
            throw ApiException.unauthorized("wrong username or password");
        }
        LOG.info("login userId={} role={}", principal.userId(), principal.role());
        return new SignedIn(principal, tokens.issue(principal));
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
