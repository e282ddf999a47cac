package com.venuedesk.desk.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.model.sync.Mutation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The history's words, times (Berlin) and labels, without a screen. */
class BookingHistoryViewModelTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final UUID thisDesk = UUID.randomUUID();
    private final UUID booking = UUID.randomUUID();
    private final UUID roomA = UUID.randomUUID();
    private final UUID roomB = UUID.randomUUID();
    private final Map<UUID, String> rooms = Map.of(roomA, "Room A", roomB, "Room B");
    private final AuditEntry.Account dana = new AuditEntry.Account(UUID.randomUUID(), "dana");
    private final AuditEntry.Account lee = new AuditEntry.Account(UUID.randomUUID(), "lee");
    private final AtomicReference<BookingHistory> answer = new AtomicReference<>();

    private BookingHistoryViewModel model(Locale locale) {
        return new BookingHistoryViewModel(id -> answer.get(), new SameThreadTaskExecutor(), new Messages(locale),
                new VenueFormats(BERLIN, locale), thisDesk, booking, "Ada Lovelace, 1 Dec 2026, 10:00");
    }

    private AuditEntry entry(String at, HistoryAction action, AuditEntry.Account actor, AuditEntry.Account pushedBy,
                             String device, String reason, Map<String, String> details) {
        return new AuditEntry(Instant.parse(at), action, EntityType.BOOKING, booking, 1, actor, pushedBy, device, reason, details);
    }

    @Test
    void theServersEntriesSayWhoDidWhatWhenWhyAndFromWhichDeviceInTheVenuesZone() {
        answer.set(new BookingHistory(BookingHistory.Source.SERVER, List.of(
                entry("2026-12-02T09:00:00Z", HistoryAction.CANCELLED, dana, null, "f00dfeed-1234", "guest called", Map.of()),
                entry("2026-12-01T15:30:00Z", HistoryAction.RESOURCE_CHANGED, dana, lee, thisDesk.toString(), null,
                        Map.of("fromResourceId", roomA.toString(), "toResourceId", roomB.toString())),
                entry("2026-12-01T08:10:00Z", HistoryAction.RESCHEDULED, dana, dana, thisDesk.toString(), null,
                        Map.of("fromStart", "2026-12-01T08:00:00Z", "fromEnd", "2026-12-01T09:00:00Z",
                                "toStart", "2026-12-01T09:00:00Z", "toEnd", "2026-12-01T10:00:00Z")),
                entry("2026-11-30T16:00:00Z", HistoryAction.CHECKED_IN, null, null, null, null, Map.of())),
                Instant.parse("2026-12-02T09:05:00Z"), true, List.of(), rooms));
        BookingHistoryViewModel model = model(Locale.UK);

        model.load();

        assertThat(model.lines()).containsExactly(
                new HistoryLine("2 Dec 2026, 10:00", "dana", "cancelled", "guest called", "desk f00dfeed", false),
                new HistoryLine("1 Dec 2026, 16:30", "dana (pushed by lee)", "moved from Room A to Room B", "", "this desk", false),
                new HistoryLine("1 Dec 2026, 09:10", "dana", "moved from 09:00\u201310:00 to 10:00\u201311:00 on 1 Dec 2026", "",
                        "this desk", false),
                new HistoryLine("30 Nov 2026, 17:00", "the server", "checked in", "", "", false));
        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("History: Ada Lovelace, 1 Dec 2026, 10:00");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void offlineTheDesksChangesNotYetSentComeFirstAndTheKeptHistoryIsLabelledWithItsDate() {
        Mutation.RescheduleBooking move = new Mutation.RescheduleBooking(UUID.randomUUID(), booking, 3, roomB,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), dana.id());
        Mutation.ChangeBookingStatus cancel = new Mutation.ChangeBookingStatus(UUID.randomUUID(), booking,
                BookingAction.CANCEL, "double entry", Instant.parse("2026-12-02T08:00:00Z"), null);
        answer.set(new BookingHistory(BookingHistory.Source.OFFLINE_CACHED, List.of(
                entry("2026-11-30T16:00:00Z", HistoryAction.CREATED, dana, null, thisDesk.toString(), null, Map.of())),
                Instant.parse("2026-12-01T07:00:00Z"), true, List.of(
                        new BookingHistory.PendingChange(move, Instant.parse("2026-12-02T07:30:00Z"), "dana"),
                        new BookingHistory.PendingChange(cancel, Instant.parse("2026-12-02T08:00:00Z"), null)), rooms));
        BookingHistoryViewModel model = model(Locale.UK);

        model.load();

        assertThat(model.lines()).extracting(HistoryLine::what).containsExactly(
                "Not yet sent: cancelled",
                "Not yet sent: moved to 1 Dec 2026, 10:00\u201311:00 in Room B",
                "booked");
        assertThat(model.lines().get(0).who()).isEqualTo("a clerk at this desk");
        assertThat(model.lines().get(0).why()).isEqualTo("double entry");
        assertThat(model.lines().get(1)).isEqualTo(new HistoryLine("2 Dec 2026, 08:30", "dana",
                "Not yet sent: moved to 1 Dec 2026, 10:00\u201311:00 in Room B", "", "this desk", true));
        assertThat(model.noticeProperty().get())
                .isEqualTo("Offline: the history as of 1 Dec 2026, 08:00, and this desk's changes not yet sent.");
    }

    @Test
    void aFrontDeskAccountIsToldTheFullHistoryIsForManagers() {
        answer.set(new BookingHistory(BookingHistory.Source.MANAGERS_ONLY, List.of(), null, true, List.of(), rooms));
        BookingHistoryViewModel model = model(Locale.UK);

        model.load();

        assertThat(model.lines()).isEmpty();
        assertThat(model.noticeProperty().get()).startsWith("The full history is for managers.");
        assertThat(model.placeholderProperty().get()).isEqualTo("No history to show.");
    }

    @Test
    void inGermanTheWordsAndTimesAreGermanAndAnUnknownActionStillReads() {
        answer.set(new BookingHistory(BookingHistory.Source.SERVER, List.of(
                entry("2026-12-01T08:10:00Z", HistoryAction.RESCHEDULED, dana, null, thisDesk.toString(), null,
                        Map.of("fromStart", "2026-12-01T08:00:00Z", "fromEnd", "2026-12-01T09:00:00Z",
                                "toStart", "2026-12-02T09:00:00Z", "toEnd", "2026-12-02T10:00:00Z")),
                entry("2026-12-01T08:00:00Z", null, dana, null, null, null, Map.of())),
                Instant.parse("2026-12-02T09:05:00Z"), false, List.of(), rooms));
        BookingHistoryViewModel model = model(Locale.GERMANY);

        model.load();

        assertThat(model.lines()).extracting(HistoryLine::what).containsExactly(
                "verschoben von 01.12.2026, 09:00\u201310:00 auf 02.12.2026, 10:00\u201311:00", "ge\u00e4ndert");
        assertThat(model.lines().get(0).where()).isEqualTo("dieser Rechner");
        assertThat(model.noticeProperty().get()).isEqualTo("Die letzten 2 Eintr\u00e4ge werden angezeigt.");
    }

    @Test
    void aFailureToLoadSaysSoAndStopsLoading() {
        BookingHistoryViewModel model = new BookingHistoryViewModel(id -> {
            throw new IllegalStateException("store closed");
        }, new SameThreadTaskExecutor(), new Messages(Locale.UK), new VenueFormats(BERLIN, Locale.UK), thisDesk, booking, "x");

        model.load();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("The history could not be shown.");
    }
}
