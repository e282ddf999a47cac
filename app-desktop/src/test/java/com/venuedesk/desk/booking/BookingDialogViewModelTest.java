package com.venuedesk.desk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.TimeRange;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingDialogViewModelTest {
    @TempDir
    Path dir;

    private Venue venue;
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();

    @BeforeEach
    void openVenue() {
        venue = new Venue(dir);
    }

    @AfterEach
    void closeVenue() {
        venue.close();
    }

    private BookingDialogViewModel dialogFor(Optional<java.util.UUID> resource, TimeRange range) {
        BookingDialogViewModel model = new BookingDialogViewModel(venue.bookings, tasks, new Messages(Locale.ENGLISH),
                new VenueFormats(Venue.BERLIN, Locale.GERMANY), Venue.CLOCK, new NewBookingRequest(resource, range.start(), range.end()));
        model.load();
        return model;
    }

    @Test
    void opensWithThePickedResourceAndTimeAndQuotesAFreeSlot() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomB.id()), Venue.at(18, 19));

        assertThat(model.resourceProperty().get()).isEqualTo(venue.roomB);
        assertThat(model.startProperty().get()).isEqualTo(LocalTime.of(18, 0));
        assertThat(model.endProperty().get()).isEqualTo(LocalTime.of(19, 0));
        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.availabilityProperty().get()).isEqualTo("Free \u2013 this time can be booked.");
        assertThat(model.quoteProperty().get()).isEqualTo("60,00\u00a0\u20ac");
        assertThat(model.alternatives()).isEmpty();
    }

    @Test
    void theQuoteFollowsTheFieldsAndAddsThePeakSurchargeOnWeekdayDaytime() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomA.id()), Venue.at(18, 19));
        assertThat(model.quoteProperty().get()).isEqualTo("40,00\u00a0\u20ac");

        model.startProperty().set(LocalTime.of(12, 0));
        model.endProperty().set(LocalTime.of(14, 0));

        assertThat(model.quoteProperty().get()).isEqualTo("104,00\u00a0\u20ac");
        assertThat(model.quoteLines()).isNotEmpty();
    }

    @Test
    void aTakenSlotIsReportedWithRankedAlternativesAndOneClickTakesOne() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomA.id()), Venue.at(10, 11));

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.availabilityProperty().get()).isEqualTo("Taken by another booking.");
        assertThat(model.alternatives()).isNotEmpty();

        BookingDialogViewModel.Alternative first = model.alternatives().get(0);
        model.take(first);

        assertThat(model.resourceProperty().get().id()).isEqualTo(first.slot().resourceId());
        assertThat(model.range()).contains(first.slot().range());
        assertThat(model.availableProperty().get()).isTrue();
    }

    @Test
    void savingWithoutAGuestShowsTheErrorNextToTheGuestField() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomB.id()), Venue.at(18, 19));

        model.save();

        assertThat(model.customerErrorProperty().get()).isEqualTo("Choose a guest or enter a new one.");
        assertThat(model.savedProperty().get()).isNull();
    }

    @Test
    void anEndBeforeTheStartIsAnErrorOnTheTimeFields() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomB.id()), Venue.at(18, 19));
        model.endProperty().set(LocalTime.of(6, 0));

        assertThat(model.timeErrorProperty().get()).isEqualTo("The end must be after the start.");
        assertThat(model.quoteProperty().get()).isEmpty();
    }

    @Test
    void aGuestFoundBySearchAsYouTypeIsBookedProvisionally() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomB.id()), Venue.at(18, 19));

        model.customerQueryProperty().set("ada");
        assertThat(model.customerSuggestions()).containsExactly(venue.ada);
        model.choose(model.customerSuggestions().get(0));
        model.notesProperty().set("projector please");
        model.save();

        Booking saved = model.savedProperty().get();
        assertThat(saved).isNotNull();
        assertThat(saved.customerId()).isEqualTo(venue.ada.id());
        assertThat(saved.range()).isEqualTo(Venue.at(18, 19));
        assertThat(saved.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(venue.bookings.isProvisional(saved.id())).isTrue();
        assertThat(venue.bookings.pendingOutboxCount()).isEqualTo(1);
    }

    @Test
    void aNewGuestIsRecordedTogetherWithTheBooking() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomB.id()), Venue.at(18, 19));
        model.newCustomerProperty().set(true);
        model.newCustomerNameProperty().set("Grace Hopper");
        model.newCustomerEmailProperty().set("grace@example.com");

        model.save();

        Booking saved = model.savedProperty().get();
        assertThat(venue.bookings.customer(saved.customerId())).get().extracting(c -> c.name()).isEqualTo("Grace Hopper");
        assertThat(venue.bookings.pendingOutboxCount()).isEqualTo(2);
    }

    @Test
    void aNewGuestWithABadEmailIsRefusedNextToTheGuestField() {
        BookingDialogViewModel model = dialogFor(Optional.of(venue.roomB.id()), Venue.at(18, 19));
        model.newCustomerProperty().set(true);
        model.newCustomerNameProperty().set("Grace Hopper");
        model.newCustomerEmailProperty().set("grace-at-example");

        model.save();

        assertThat(model.customerErrorProperty().get()).isEqualTo("That is not an e-mail address.");
        assertThat(venue.bookings.pendingOutboxCount()).isZero();
    }
}
