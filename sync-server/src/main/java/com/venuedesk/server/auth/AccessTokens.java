package com.venuedesk.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Short-lived signed access tokens (JWT, HMAC-SHA256 with the installation's own key). Stateless to verify, so every
 * request is checked without a database round trip; a disabled user stops working when the token expires.
 */
public final class AccessTokens implements AccessTokenVerifier {
    private static final String ISSUER = "venuedesk";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final Duration lifetime;

    public AccessTokens(byte[] signingKey, Clock clock, Duration lifetime) {
        if (signingKey.length < 32) {
            throw new IllegalArgumentException("signing key must be at least 256 bits");
        }
        this.algorithm = Algorithm.HMAC256(signingKey);
        this.clock = clock;
        this.lifetime = lifetime;
        this.verifier = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
    }

    /** A token for the principal, and when it expires. */
    public Issued issue(Principal principal) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String token = JWT.create()
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
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(bearerToken);
        } catch (JWTVerificationException e) {
            throw ApiException.unauthorized("access token is invalid");
        }
        try {
            return new Principal(UUID.fromString(jwt.getSubject()), jwt.getClaim("username").asString(),
                    Role.valueOf(jwt.getClaim("role").asString()));
        } catch (RuntimeException e) {
            throw ApiException.unauthorized("access token is invalid");
        }
    }

    public record Issued(String token, Instant expiresAt) { }
}
