package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesItsWireFormAndHidesItsParts() {
        Cursor cursor = new Cursor(9_123_456_789L, 42);
        String wire = cursor.encode();
        assertThat(wire).doesNotContain(":").doesNotContain("42").matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.parse(wire)).isEqualTo(cursor);
    }

    @Test
    void noCursorMeansFromTheBeginning() {
        assertThat(Cursor.parse(null)).isEqualTo(Cursor.START);
        assertThat(Cursor.parse("  ")).isEqualTo(Cursor.START);
    }

    @Test
    void cursorsOrderByTransactionThenSequence() {
        assertThat(new Cursor(5, 100)).isLessThan(new Cursor(6, 1));
        assertThat(new Cursor(6, 1)).isLessThan(new Cursor(6, 2));
        assertThat(Cursor.START).isLessThan(new Cursor(0, 1));
    }

    @Test
    void aStringThisServerNeverHandedOutIsRefused() {
        for (String bad : new String[] {"42", "not a cursor!", encoded("v2:1:2"), encoded("v1:1"), encoded("v1:a:b"),
                encoded("v1:-1:3"), encoded("v1:1:2:3")}) {
            assertThatThrownBy(() -> Cursor.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
