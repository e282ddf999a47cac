package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.at;
import static com.venuedesk.model.rules.Venue.blackout;
import static com.venuedesk.model.rules.Venue.booking;
import static com.venuedesk.model.rules.Venue.local;
import static com.venuedesk.model.rules.Venue.openEveryDay;
import static com.venuedesk.model.rules.Venue.room;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotSuggesterTest {
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration WEEK = Duration.ofDays(7);

    private final Resource boardroom = room("Boardroom", 10, "40.00", BERLIN);
    private final TimeRange tenToEleven = local(BERLIN, "2026-12-01T10:00", "2026-12-01T11:00");
    private final Booking taken = booking(boardroom, tenToEleven, BookingStatus.CONFIRMED);
    private final Map<UUID, List<AvailabilityRule>> eightToEight =
            Map.of(boardroom.id(), openEveryDay(boardroom, "08:00", "20:00"));

    @Test
    void aTakenHourIsOfferedAnHourEarlierThenAnHourLaterThenTheNearestHourThatOverlapsNeither() {
        List<Slot> slots = SlotSuggester.suggest(new SuggestionRequest(boardroom, tenToEleven, List.of(boardroom),
                eightToEight, List.of(), List.of(taken), 3, WEEK, QUARTER));

        assertThat(slots).containsExactly(
                slot(boardroom, "2026-12-01T09:00", "2026-12-01T10:00"),
                slot(boardroom, "2026-12-01T11:00", "2026-12-01T12:00"),
                slot(boardroom, "2026-12-01T08:00", "2026-12-01T09:00"));
    }

    @Test
    void suggestionsStayInsideOpeningHoursAndSkipBlackedOutDays() {
        TimeRange tuesday = local(BERLIN, "2026-12-01T08:00", "2026-12-01T20:00");
        Booking allDay = booking(boardroom, tuesday, BookingStatus.PENDING);
        var wednesdayOff = blackout(boardroom, "2026-12-02", "2026-12-02", "Painting");

        List<Slot> slots = SlotSuggester.suggest(new SuggestionRequest(boardroom, tuesday, List.of(boardroom),
                eightToEight, List.of(wednesdayOff), List.of(allDay), 3, WEEK, QUARTER));

        // Monday, then Sunday and Thursday (both two days away: the earlier first); Wednesday is blacked out.
        assertThat(slots).containsExactly(
                slot(boardroom, "2026-11-30T08:00", "2026-11-30T20:00"),
                slot(boardroom, "2026-11-29T08:00", "2026-11-29T20:00"),
                slot(boardroom, "2026-12-03T08:00", "2026-12-03T20:00"));
    }

    @Test
    void whenTheRoomIsFullTheSameTimeIsOfferedInTheClosestSizedRoomsByName() {
        Resource bigHall = room("Big Hall", 40, "90.00", BERLIN);
        Resource cedar = room("Cedar", 12, "45.00", BERLIN);
        Resource aspen = room("Aspen", 12, "45.00", BERLIN);
        Resource closet = room("Closet", 4, "10.00", BERLIN);
        Resource closedRoom = Venue.resource("Attic", ResourceType.MEETING_ROOM, 12, "30.00", BERLIN, false);
        Resource van = Venue.resource("Van", ResourceType.EQUIPMENT, 12, "30.00", BERLIN, true);
        Resource busyRoom = room("Birch", 10, "45.00", BERLIN);
        List<Booking> bookings = List.of(taken, booking(busyRoom, tenToEleven, BookingStatus.CONFIRMED));

        List<Slot> slots = SlotSuggester.suggest(new SuggestionRequest(boardroom, tenToEleven,
                List.of(bigHall, cedar, aspen, closet, closedRoom, van, busyRoom, boardroom, cedar),
                eightToEight, List.of(), bookings, 5, Duration.ZERO, QUARTER));

        assertThat(slots).containsExactly(Slot.of(aspen.id(), tenToEleven), Slot.of(cedar.id(), tenToEleven),
                Slot.of(bigHall.id(), tenToEleven));
    }

    @Test
    void otherRoomsAreOfferedOnlyAfterTheSameRoomsNearestTimes() {
        Resource cedar = room("Cedar", 12, "45.00", BERLIN);

        List<Slot> slots = SlotSuggester.suggest(new SuggestionRequest(boardroom, tenToEleven, List.of(cedar, boardroom),
                eightToEight, List.of(), List.of(taken), 3, Duration.ofHours(1), Duration.ofMinutes(30)));

        assertThat(slots).containsExactly(
                slot(boardroom, "2026-12-01T09:00", "2026-12-01T10:00"),
                slot(boardroom, "2026-12-01T11:00", "2026-12-01T12:00"),
                Slot.of(cedar.id(), tenToEleven));
    }

    @Test
    void nothingIsSuggestedBeforeTheGivenNowAndTheWantedSlotItselfIsNeverOffered() {
        List<Slot> slots = SlotSuggester.suggest(new SuggestionRequest(boardroom, tenToEleven, List.of(boardroom),
                eightToEight, List.of(), List.of(), 2, WEEK, QUARTER, at(BERLIN, "2026-12-01T10:00")));

        assertThat(slots).containsExactly(
                slot(boardroom, "2026-12-01T10:15", "2026-12-01T11:15"),
                slot(boardroom, "2026-12-01T11:15", "2026-12-01T12:15"));
    }

    @Test
    void whenOtherRoomsAreFreeHalfTheListIsKeptForThem() {
        Resource cedar = room("Cedar", 12, "45.00", BERLIN);
        Resource aspen = room("Aspen", 12, "45.00", BERLIN);
        Resource birch = room("Birch", 12, "45.00", BERLIN);

        List<Slot> slots = SlotSuggester.suggest(new SuggestionRequest(boardroom, tenToEleven,
                List.of(cedar, aspen, birch, boardroom), eightToEight, List.of(), List.of(taken), 5, WEEK, QUARTER));

        assertThat(slots).containsExactly(
                slot(boardroom, "2026-12-01T09:00", "2026-12-01T10:00"),
                slot(boardroom, "2026-12-01T11:00", "2026-12-01T12:00"),
                slot(boardroom, "2026-12-01T08:00", "2026-12-01T09:00"),
                Slot.of(aspen.id(), tenToEleven), Slot.of(birch.id(), tenToEleven));
    }

    @Test
    void askingForNoSuggestionsGivesNone() {
        assertThat(SlotSuggester.suggest(new SuggestionRequest(boardroom, tenToEleven, List.of(boardroom),
                eightToEight, List.of(), List.of(taken), 0, WEEK, QUARTER))).isEmpty();
    }

    private static Slot slot(Resource r, String from, String to) {
        return Slot.of(r.id(), local(BERLIN, from, to));
    }
}
