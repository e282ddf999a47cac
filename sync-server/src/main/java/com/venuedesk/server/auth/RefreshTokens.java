package com.venuedesk.server.auth;

import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Rotating refresh tokens kept as SHA-256 hashes. Each works once: using it spends it and hands out its successor in
 * the same family. A spent token presented again means a copy is in someone else's hands, so the whole family is
 * revoked and both the thief and the rightful desk must sign in again. Every method works inside the caller's
 * transaction.
 */
public final class RefreshTokens {
    private static final int TOKEN_BYTES = 32;

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A refresh token as handed to the client; the text is never stored. */
    public record Issued(String token, UUID familyId, Instant expiresAt) { }

    /** What presenting a refresh token found. */
    public sealed interface Redemption {
        /** The token was good and is now spent; {@code userId} may receive its successor in {@code familyId}. */
        record Valid(UUID userId, UUID familyId) implements Redemption { }

        /** Unknown, expired or revoked: no harm done, just not usable. {@code userId} is null for an unknown token. */
        record Unusable(UUID userId, String reason) implements Redemption { }

        /** Already spent before: the family has just been revoked. */
        record Reused(UUID userId, UUID familyId) implements Redemption { }
    }

    /**
     * Starts a new family, as at sign-in. The user's expired tokens are deleted on the way: they can no longer be
     * redeemed, and spent tokens are kept only while a reuse of them would still mean something.
     */
    public Issued issueNewFamily(Session session, UUID userId) {
        session.createMutationQuery("delete from RefreshToken where userId = :u and expiresAt <= :now")
                .setParameter("u", userId).setParameter("now", clock.instant()).executeUpdate();
        return issue(session, userId, UUID.randomUUID());
    }

    /** A new token in an existing family, as after a rotation. */
    public Issued issue(Session session, UUID userId, UUID familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        session.persist(new RefreshToken(hash(token), familyId, userId, now, expires));
        return new Issued(token, familyId, expires);
    }

    /**
     * Spends the token if it is usable. The row is locked, so two desks racing with the same token cannot both get a
     * successor: the second one sees it spent and the family is revoked.
     */
    public Redemption redeem(Session session, String token) {
        if (token == null || token.isBlank()) {
            return new Redemption.Unusable(null, "refresh token is missing");
        }
        RefreshToken stored = session.find(RefreshToken.class, hash(token.strip()), LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            return new Redemption.Unusable(null, "refresh token is not known");
        }
        if (stored.revoked()) {
            return new Redemption.Unusable(stored.userId(), "refresh token was revoked; sign in again");
        }
        if (stored.spent()) {
            revokeFamily(session, stored.familyId());
            return new Redemption.Reused(stored.userId(), stored.familyId());
        }
        if (stored.isExpiredAt(clock.instant())) {
            return new Redemption.Unusable(stored.userId(), "refresh token has expired; sign in again");
        }
        stored.spend();
        return new Redemption.Valid(stored.userId(), stored.familyId());
    }

    /** Revokes the family of the given token, as at sign-out, and answers it; an unknown token changes nothing. */
    public java.util.Optional<UUID> revokeFamilyOf(Session session, String token) {
        if (token == null || token.isBlank()) {
            return java.util.Optional.empty();
        }
        RefreshToken stored = session.find(RefreshToken.class, hash(token.strip()));
        if (stored != null) {
            revokeFamily(session, stored.familyId());
            return java.util.Optional.of(stored.familyId());
        }
        return java.util.Optional.empty();
    }

    public void revokeFamily(Session session, UUID familyId) {
        session.createMutationQuery("update RefreshToken set revoked = true where familyId = :f")
                .setParameter("f", familyId).executeUpdate();
    }

    /** Signs the user out everywhere: after a password change, a reset, or disabling the account. */
    public void revokeAllOf(Session session, UUID userId) {
        session.createMutationQuery("update RefreshToken set revoked = true where userId = :u and revoked = false")
                .setParameter("u", userId).executeUpdate();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
