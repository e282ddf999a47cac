package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.model.domain.Role;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(KEY, clock, Duration.ofMinutes(15));
    private final Principal frontDesk = new Principal(UUID.randomUUID(), "dana", Role.FRONT_DESK);

    @Test
    void anIssuedTokenVerifiesToThePrincipalItWasIssuedToAndExpiresAfterFifteenMinutes() {
        AccessTokens.Issued issued = tokens.issue(frontDesk);

        assertThat(tokens.verify(issued.token())).isEqualTo(frontDesk);
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-12-01T09:15:00Z"));
    }

    @Test
    void aTokenWithATamperedSignatureIsRefused() {
        String token = tokens.issue(frontDesk).token();
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(0);
        String tampered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertUnauthorized(tampered);
    }

    @Test
    void aTokenWhosePayloadWasEditedToClaimAdminIsRefused() {
        String[] parts = tokens.issue(frontDesk).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("FRONT_DESK", "ADMIN").getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(parts[0] + "." + promoted + "." + parts[2]);
    }

    @Test
    void aTokenSignedWithAnotherInstallationsKeyIsRefused() {
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String foreign = new AccessTokens(otherKey, clock, Duration.ofMinutes(15)).issue(frontDesk).token();

        assertUnauthorized(foreign);
    }

    @Test
    void aTokenIsAcceptedUntilItsLifetimeEndsAndRefusedAfterwards() {
        String token = tokens.issue(frontDesk).token();

        clock.advance(Duration.ofMinutes(14));
        assertThat(tokens.verify(token).username()).isEqualTo("dana");

        clock.advance(Duration.ofMinutes(2));
        assertUnauthorized(token);
    }

    @Test
    void aTokenRememberedAsVerifiedVouchesForNoOtherStringAndStillExpires() {
        String token = tokens.issue(frontDesk).token();
        assertThat(tokens.verify(token)).isEqualTo(frontDesk);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("FRONT_DESK", "ADMIN").getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(parts[0] + "." + promoted + "." + parts[2]);
        assertThat(tokens.verify(token)).isEqualTo(frontDesk);
        clock.advance(Duration.ofMinutes(15));
        assertUnauthorized(token);
    }

    @Test
    void somethingThatIsNotATokenAtAllIsRefused() {
        assertUnauthorized("not-a-jwt");
        assertUnauthorized("");
    }

    @Test
    void aKeyShorterThan256BitsIsNotAccepted() {
        assertThatThrownBy(() -> new AccessTokens(new byte[16], clock, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertUnauthorized(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
