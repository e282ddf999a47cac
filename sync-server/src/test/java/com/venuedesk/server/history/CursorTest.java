package com.venuedesk.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {
    private static final UUID LOG = UUID.fromString("6f1c3a52-8d7e-4c1b-9a57-3e2f1d0c9b8a");

    @Test
    void aCursorSurvivesItsWireFormWithTheLogItBelongsToAndHidesItsParts() {
        Cursor cursor = new Cursor(2, 9_123_456_789L, 42);
        String wire = cursor.encode(LOG);
        assertThat(wire).doesNotContain(":").doesNotContain("42").matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.parseWire(wire)).isEqualTo(new Cursor.Wire(LOG, cursor));
        assertThat(Cursor.parse(wire)).isEqualTo(cursor);
    }

    @Test
    void aCursorOfTheFirstVersionIsReadAsTheFirstEpochOfAnUnnamedLog() {
        assertThat(Cursor.parseWire(encoded("v1:812:77"))).isEqualTo(new Cursor.Wire(null, new Cursor(1, 812, 77)));
    }

    @Test
    void noCursorMeansFromTheBeginning() {
        assertThat(Cursor.parse(null)).isEqualTo(Cursor.START);
        assertThat(Cursor.parseWire("  ")).isEqualTo(new Cursor.Wire(null, Cursor.START));
    }

    @Test
    void cursorsOrderByEpochThenTransactionThenSequence() {
        assertThat(new Cursor(1, 5, 100)).isLessThan(new Cursor(1, 6, 1));
        assertThat(new Cursor(1, 6, 1)).isLessThan(new Cursor(1, 6, 2));
        assertThat(new Cursor(1, 9_000_000, 900)).as("a restored database's later epoch sorts after, whatever its ids")
                .isLessThan(new Cursor(2, 700, 901));
        assertThat(Cursor.START).isLessThan(new Cursor(0, 0, 1));
    }

    @Test
    void aStringThisServerNeverHandedOutIsRefused() {
        for (String bad : new String[] {"42", "not a cursor!", encoded("v2:1:2"), encoded("v1:1"), encoded("v1:a:b"),
                encoded("v1:-1:3"), encoded("v1:1:2:3"), encoded("v2:" + LOG + ":1:2"), encoded("v2:nolog:1:2:3"),
                encoded("v2:" + LOG + ":-1:2:3"), encoded("v3:" + LOG + ":1:2:3")}) {
            assertThatThrownBy(() -> Cursor.parseWire(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
