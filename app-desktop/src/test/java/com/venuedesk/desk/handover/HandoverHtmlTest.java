package com.venuedesk.desk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.model.domain.BookingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoverHtmlTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static HandoverSheet.Line line(String customer, int hour, BookingStatus status, Instant checkedIn, boolean provisional,
                                           String reason) {
        Instant start = DAY.atTime(hour, 0).atZone(BERLIN).toInstant();
        return new HandoverSheet.Line(UUID.randomUUID(), start, start.plusSeconds(3600), "Room A", customer, status, checkedIn,
                provisional, reason);
    }

    private final HandoverSheet sheet = new HandoverSheet(DAY, BERLIN, Instant.parse("2026-12-01T08:00:00Z"),
            List.of(line("Ada <script>alert(1)</script>", 9, BookingStatus.CONFIRMED, Instant.parse("2026-12-01T08:05:00Z"), false, ""),
                    line("Grace Hopper", 14, BookingStatus.CONFIRMED, null, false, "")),
            List.of(), List.of(line("Tom & Jerry", 10, BookingStatus.NO_SHOW, null, false, "never came")), List.of(),
            List.of(line("Grace Hopper", 16, BookingStatus.PENDING, null, true, "")), 3, 1);

    @Test
    void thePageListsEverySectionWithItsCountAndTheSyncSummary() {
        String html = new HandoverHtml(new Messages(Locale.ENGLISH), new VenueFormats(BERLIN, Locale.ENGLISH)).render(sheet);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">").endsWith("</html>\n");
        assertThat(html).contains("<h2>Arrivals (2)</h2>", "<h2>Departures (0)</h2>", "<h2>No-shows (1)</h2>",
                "<h2>Cancellations (0)</h2>", "<h2>Waiting to sync (1)</h2>");
        assertThat(html).contains("3 changes waiting in the outbox", "1 open conflict");
        assertThat(html).contains("checked in 9:05", "not yet", "never came", "not yet synced");
    }

    @Test
    void namesAreEscapedSoThatTheyCannotInjectMarkup() {
        String html = new HandoverHtml(new Messages(Locale.ENGLISH), new VenueFormats(BERLIN, Locale.ENGLISH)).render(sheet);

        assertThat(html).doesNotContain("<script>").contains("Ada &lt;script&gt;alert(1)&lt;/script&gt;").contains("Tom &amp; Jerry");
    }

    @Test
    void theGermanPageIsWordedInGerman() {
        String html = new HandoverHtml(new Messages(Locale.GERMAN), new VenueFormats(BERLIN, Locale.GERMAN)).render(sheet);

        assertThat(html).contains("<html lang=\"de\">", "Anreisen (2)", "Nicht erschienen (1)", "3 \u00c4nderungen im Postausgang",
                "eingecheckt 09:05");
    }
}
