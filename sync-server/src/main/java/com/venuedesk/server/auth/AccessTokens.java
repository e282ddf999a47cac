package com.venuedesk.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Short-lived signed access tokens (JWT, HMAC-SHA256 with the installation's own key). Stateless to verify, so every
 * request is checked without a database round trip; a disabled user stops working when the token expires.
 * A token that verified once is remembered until it expires, so a desk's later requests with it skip decoding and
 * the HMAC (a tenth of a booking create's request handling); only the exact same token string matches, and its
 * expiry is checked against the clock on every use. A token names its sign-in ({@code sid}, the refresh-token
 * family), so that {@link CurrentAccounts} refuses it once that sign-in has ended: this cache vouches only for the
 * signature, never for the session.
 */
public final class AccessTokens implements AccessTokenVerifier {
    private static final String ISSUER = "venuedesk";
    private static final String SESSION = "sid";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final Duration lifetime;
    private final Cache<String, Verified> verified;

    private record Verified(Bearer bearer, Instant expiresAt) { }

    /**
     * Whom a verified token names.
     *
     * @param sessionId the sign-in it belongs to (its refresh-token family), or null for a token that names none
     */
    public record Bearer(Principal principal, UUID sessionId) { }

    public AccessTokens(byte[] signingKey, Clock clock, Duration lifetime) {
        if (signingKey.length < 32) {
            throw new IllegalArgumentException("signing key must be at least 256 bits");
        }
        this.algorithm = Algorithm.HMAC256(signingKey);
        this.clock = clock;
        this.lifetime = lifetime;
        this.verifier = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(lifetime).build();
    }

    /** A token for the principal, naming no sign-in, and when it expires. */
    public Issued issue(Principal principal) {
        return issue(principal, null);
    }

    /** A token for the principal within the sign-in {@code sessionId} (null: none), and when it expires. */
    public Issued issue(Principal principal, UUID sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        com.auth0.jwt.JWTCreator.Builder jwt = JWT.create();
        if (sessionId != null) {
            jwt.withClaim(SESSION, sessionId.toString());
        }
        String token = jwt
                .withIssuer(ISSUER)
                .withSubject(principal.userId().toString())
                .withClaim("username", principal.username())
                .withClaim("role", principal.role().name())
                .withIssuedAt(now)
                .withExpiresAt(expires)
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
        return new Issued(token, expires);
    }

    @Override
    public Principal verify(String bearerToken) {
        return bearer(bearerToken).principal();
    }

    /** Whom the token names and in which sign-in; 401 as {@link #verify}. */
    public Bearer bearer(String bearerToken) {
        Verified known = verified.getIfPresent(bearerToken);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known.bearer();
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(bearerToken);
        } catch (JWTVerificationException e) {
            throw ApiException.unauthorized("access token is invalid");
        }
        Bearer bearer;
        try {
            String session = jwt.getClaim(SESSION).asString();
            bearer = new Bearer(new Principal(UUID.fromString(jwt.getSubject()), jwt.getClaim("username").asString(),
                    Role.valueOf(jwt.getClaim("role").asString())), session == null ? null : UUID.fromString(session));
        } catch (RuntimeException e) {
            throw ApiException.unauthorized("access token is invalid");
        }
        if (jwt.getExpiresAtAsInstant() != null) {
            verified.put(bearerToken, new Verified(bearer, jwt.getExpiresAtAsInstant()));
        }
        return bearer;
    }

    public record Issued(String token, Instant expiresAt) { }
}
