package com.venuedesk.desk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void englishAndGermanBundlesHaveTheSameKeys() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Set<String> english = new TreeSet<>(Collections.list(
                ResourceBundle.getBundle("com.venuedesk.desk.messages", Locale.ROOT, noFallback).getKeys()));
        Set<String> german = new TreeSet<>(ResourceBundle.getBundle("com.venuedesk.desk.messages", Locale.GERMAN, noFallback).keySet());

        assertThat(german).containsExactlyElementsOf(english);
    }

    @Test
    void countsAreWordedInTheUsersLanguage() {
        assertThat(new Messages(Locale.ENGLISH).get("status.pending", 1)).isEqualTo("1 change waiting to sync");
        assertThat(new Messages(Locale.ENGLISH).get("status.pending", 3)).isEqualTo("3 changes waiting to sync");
        assertThat(new Messages(Locale.GERMAN).get("status.pending", 3)).isEqualTo("3 \u00c4nderungen warten auf Abgleich");
    }

    @Test
    void timesAreShownInTheVenuesZoneAndMoneyInTheUsersLocale() {
        VenueFormats berlin = new VenueFormats(ZoneId.of("Europe/Berlin"), Locale.GERMANY);
        Instant nineUtc = Instant.parse("2026-12-01T09:00:00Z");

        assertThat(berlin.time(nineUtc)).isEqualTo("10:00");
        assertThat(berlin.money(Money.of("1234.5", "EUR"))).isEqualTo("1.234,50\u00a0\u20ac");
        assertThat(new VenueFormats(ZoneId.of("America/New_York"), Locale.US).money(Money.of("40", "USD"))).isEqualTo("$40.00");
    }
}
