package com.venuedesk.model.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerLimitsTest {

    @Test
    void notesAndEmailUpToTheServersColumnWidthsPass() {
        String email = "a".repeat(Customer.MAX_EMAIL_LENGTH - "@b.de".length()) + "@b.de";
        assertThatCode(() -> new Customer(UUID.randomUUID(), "Ada", email, null, "n".repeat(Customer.MAX_NOTES_LENGTH), 0))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyOneCharacterMoreIsRefusedNamingTheField() {
        String email = "a".repeat(Customer.MAX_EMAIL_LENGTH + 1 - "@b.de".length()) + "@b.de";
        assertThatThrownBy(() -> new Customer(UUID.randomUUID(), "Ada", email, null, "", 0))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("email"))
                .hasMessageContaining("320");
        assertThatThrownBy(() -> new Customer(UUID.randomUUID(), "Ada", null, null, "n".repeat(Customer.MAX_NOTES_LENGTH + 1), 0))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("notes"))
                .hasMessageContaining("4000");
    }
}
