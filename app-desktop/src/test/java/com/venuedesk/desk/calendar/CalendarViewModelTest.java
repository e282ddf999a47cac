package com.venuedesk.desk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.booking.NewBookingRequest;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.BookingAction;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarViewModelTest {
    @TempDir
    Path dir;

    private Venue venue;
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<NewBookingRequest> opened = new ArrayList<>();
    private CalendarViewModel model;

    @BeforeEach
    void openVenue() {
        venue = new Venue(dir);
        model = new CalendarViewModel(venue.bookings, tasks, dialogs, new Messages(Locale.ENGLISH),
                new VenueFormats(Venue.BERLIN, Locale.GERMANY), Venue.CLOCK, opened::add);
        model.modeProperty().set(CalendarMode.DAY);
        model.reload();
    }

    @AfterEach
    void closeVenue() {
        venue.close();
    }

    @Test
    void showsTheDayOfTheVenueClockWithBothRoomsAndTheirBookings() {
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(model.resources()).extracting(ResourceColumn::name).containsExactly("Room A", "Room B");
        assertThat(model.resources()).extracting(ResourceColumn::styleIndex).containsExactly(0, 1);
        assertThat(model.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.bookingId()).isEqualTo(venue.adaInRoomA.id());
            assertThat(entry.title()).isEqualTo("Ada Lovelace");
            assertThat(entry.resourceName()).isEqualTo("Room A");
            assertThat(entry.provisional()).isFalse();
            assertThat(entry.styleClasses()).contains("booking", "booking-confirmed").doesNotContain("booking-provisional");
            assertThat(entry.priceText()).isEqualTo("40,00\u00a0\u20ac");
        });
    }

    @Test
    void aBookingMadeOnThisDeskIsShownAsProvisionalUntilTheServerConfirmsIt() {
        LocalWrite write = venue.bookings.createBooking(venue.roomB.id(), venue.ada.id(), Venue.at(14, 15), "");
        assertThat(write).isInstanceOf(LocalWrite.Recorded.class);

        model.reload();

        BookingEntry provisional = model.entries().stream().filter(e -> e.resourceId().equals(venue.roomB.id()))
                .findFirst().orElseThrow();
        assertThat(provisional.provisional()).isTrue();
        assertThat(provisional.title()).isEqualTo("Ada Lovelace (provisional)");
        assertThat(provisional.styleClasses()).contains("booking-provisional", "booking-pending");
        assertThat(provisional.movable()).isTrue();
    }

    @Test
    void cancelledBookingsLeaveTheCalendarAndTheUserIsToldItWorked() {
        dialogs.answers.add("guest called off");

        model.perform(venue.adaInRoomA.id(), BookingAction.CANCEL);
        model.reload();

        assertThat(venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking().statusReason()).isEqualTo("guest called off");
        assertThat(model.entries()).isEmpty();
        // every confirmation names the booking (issue 20, point 3)
        assertThat(dialogs.notifications).containsExactly("Booking cancelled. Ada Lovelace, Room A, 01.12.2026, 10:00 \u2013 11:00");
        assertThat(dialogs.questions).singleElement().asString().contains("Ada Lovelace", "Room A", "10:00");
        assertThat(dialogs.reasonsOffered).singleElement().asList().contains("Guest cancelled", "Venue closed");
    }

    @Test
    void backingOutOfTheReasonQuestionCancelsNothing() {
        model.perform(venue.adaInRoomA.id(), BookingAction.CANCEL);

        assertThat(venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(dialogs.notifications).isEmpty();
    }

    @Test
    void checkingInMarksTheEntryAndOffersNoSecondCheckIn() {
        model.perform(venue.adaInRoomA.id(), BookingAction.CHECK_IN);
        model.reload();

        BookingEntry entry = model.entries().get(0);
        assertThat(entry.checkedIn()).isTrue();
        assertThat(entry.styleClasses()).contains("booking-checked-in", "booking-provisional");
        assertThat(entry.possibleActions()).doesNotContain(BookingAction.CHECK_IN, BookingAction.NO_SHOW)
                .contains(BookingAction.COMPLETE, BookingAction.CANCEL);
    }

    @Test
    void draggingABookingOntoATakenSlotIsRefusedRevertedAndExplainedWithAlternatives() {
        venue.bookings.createBooking(venue.roomB.id(), venue.ada.id(), Venue.at(10, 11), "");
        model.reload();
        TimeRange taken = Venue.at(10, 11);

        model.reschedule(venue.adaInRoomA.id(), venue.roomB.id(), taken.start(), taken.end());

        assertThat(venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking().resourceId()).isEqualTo(venue.roomA.id());
        assertThat(model.entries()).filteredOn(e -> e.bookingId().equals(venue.adaInRoomA.id()))
                .singleElement().extracting(BookingEntry::resourceId).isEqualTo(venue.roomA.id());
        assertThat(dialogs.errors).singleElement().asString().startsWith("The time is taken: Another booking holds this time.");
    }

    @Test
    void draggingABookingToAFreeSlotMovesIt() {
        TimeRange later = Venue.at(15, 16);

        model.reschedule(venue.adaInRoomA.id(), venue.roomA.id(), later.start(), later.end());

        assertThat(venue.bookings.booking(venue.adaInRoomA.id()).orElseThrow().booking().range()).isEqualTo(later);
        assertThat(dialogs.notifications).containsExactly("Booking moved: Ada Lovelace, Room A, 01.12.2026, 15:00 \u2013 16:00");
    }

    @Test
    void navigationStepsByTheLayoutAndTheWeekCoversSevenVenueDays() {
        model.next();
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 2));
        model.modeProperty().set(CalendarMode.WEEK);
        model.previous();
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 25));
        model.today();
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 1));

        TimeRange week = model.visibleRange();
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 11, 30).atStartOfDay(Venue.BERLIN).toInstant());
        assertThat(week.duration().toDays()).isEqualTo(7);
    }

    @Test
    void searchFindsBookingsByGuestAndChoosingOneShowsItsDay() {
        model.next();
        model.searchTextProperty().set("lovelace");

        assertThat(model.searchHits()).singleElement().satisfies(hit -> assertThat(hit.label()).startsWith("Ada Lovelace"));
        model.show(model.searchHits().get(0));
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aRangePickedInTheCalendarOpensTheBookingDialogWithIt() {
        TimeRange picked = Venue.at(16, 18);

        model.requestNewBooking(java.util.Optional.of(venue.roomB.id()), picked.start(), picked.end());

        assertThat(opened).singleElement().satisfies(request -> {
            assertThat(request.resourceId()).contains(venue.roomB.id());
            assertThat(request.start()).isEqualTo(picked.start());
            assertThat(request.end()).isEqualTo(picked.end());
        });
    }
}
