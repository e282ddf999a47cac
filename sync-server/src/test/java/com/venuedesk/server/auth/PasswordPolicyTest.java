package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.server.api.ApiException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void aPasswordOfTenCharactersThatIsNotTheUsernameIsAccepted() {
        assertThatCode(() -> policy.check("password", "ten-chars!", "dana")).doesNotThrowAnyException();
    }

    @Test
    void aPasswordShorterThanTenCharactersIsRefusedNamingTheField() {
        assertRefused("newPassword", "nine-char", "dana", "at least 10");
    }

    @Test
    void aPasswordEqualToTheUsernameIsRefusedWhateverItsCase() {
        assertRefused("password", "Reception-Desk", "reception-desk", "username");
    }

    @Test
    void aPasswordLongerThanBcryptCanHashIsRefusedRatherThanSilentlyTruncated() {
        assertRefused("password", "x".repeat(73), "dana", "72 bytes");
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertRefused("password", null, "dana", "required");
    }

    private void assertRefused(String field, String password, String username, String messagePart) {
        assertThatThrownBy(() -> policy.check(field, password, username))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageContaining(messagePart);
    }
}
