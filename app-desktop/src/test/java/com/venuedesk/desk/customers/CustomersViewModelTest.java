package com.venuedesk.desk.customers;

import static com.venuedesk.desk.testing.FrontDesk.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.FrontDesk;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomersViewModelTest {
    @TempDir
    Path dir;

    private FrontDesk desk;
    private Customer ada;
    private Customer grace;
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = RecordingDialogService.confirmingUnlessTold();
    private CustomersViewModel model;

    @BeforeEach
    void deskWithTwoGuests() {
        desk = new FrontDesk(dir);
        ada = desk.customer("Ada Lovelace", "ada@example.com", "+44 20 7946 0000");
        grace = desk.customer("Grace Hopper", "grace@navy.example", "+1 202 555 0100");
        desk.booking(desk.roomA, ada, TODAY.plusDays(3), 10, 12, BookingStatus.CONFIRMED, null, "");
        desk.booking(desk.roomB, ada, TODAY.minusDays(7), 14, 15, BookingStatus.COMPLETED, FrontDesk.NOW.minusSeconds(7 * 86_400), "");
        desk.booking(desk.roomA, ada, TODAY.minusDays(2), 9, 10, BookingStatus.NO_SHOW, null, "did not come");
        desk.sync();
        model = new CustomersViewModel(desk.bookings, tasks, dialogs, desk.messages, desk.formats, FrontDesk.CLOCK);
        model.reload();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void typingNarrowsTheListByNameEmailOrPhone() {
        assertThat(model.customers()).containsExactly(ada, grace);

        model.queryProperty().set("hop");
        assertThat(model.customers()).containsExactly(grace);

        model.queryProperty().set("ADA@EXAMPLE");
        assertThat(model.customers()).containsExactly(ada);

        model.queryProperty().set("555 0100");
        assertThat(model.customers()).containsExactly(grace);

        model.queryProperty().set("nobody");
        assertThat(model.customers()).isEmpty();
    }

    @Test
    void choosingACustomerShowsUpcomingAndPastBookingsWithTheirStatus() {
        model.selectedProperty().set(ada);

        assertThat(model.nameProperty().get()).isEqualTo("Ada Lovelace");
        assertThat(model.upcoming()).hasSize(1);
        assertThat(model.upcoming().get(0).resource()).isEqualTo("Room A");
        assertThat(model.upcoming().get(0).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(model.past()).extracting(l -> l.booking().status())
                .as("latest visit first").containsExactly(BookingStatus.NO_SHOW, BookingStatus.COMPLETED);
        assertThat(model.past().get(1).status()).contains(desk.messages.get("customers.checkedIn"));
    }

    @Test
    void aMalformedEmailIsShownNextToTheEmailFieldAndNothingIsQueued() {
        model.selectedProperty().set(grace);
        model.emailProperty().set("grace at navy");

        model.save();

        assertThat(model.emailErrorProperty().get()).isEqualTo("Not an e-mail address: grace at navy");
        assertThat(model.nameErrorProperty().get()).isEmpty();
        assertThat(desk.bookings.pendingOutboxCount()).isZero();
        assertThat(desk.bookings.customer(grace.id()).orElseThrow().email()).isEqualTo("grace@navy.example");
    }

    @Test
    void notesLongerThanTheServerTakesAreRefusedAtTheDeskAndNothingIsQueued() {
        model.selectedProperty().set(grace);
        model.notesProperty().set("x".repeat(4001));

        model.save();

        assertThat(desk.bookings.pendingOutboxCount()).isZero();
        assertThat(desk.bookings.customer(grace.id()).orElseThrow().notes()).hasSizeLessThanOrEqualTo(4000);
    }

    @Test
    void anEmailLongerThanTheServerTakesIsShownNextToTheEmailFieldAsTooLong() {
        model.selectedProperty().set(grace);
        model.emailProperty().set("g".repeat(320) + "@navy.example");

        model.save();

        assertThat(model.emailErrorProperty().get()).isEqualTo("email must be at most 320 characters");
        assertThat(desk.bookings.pendingOutboxCount()).isZero();
    }

    @Test
    void aMissingNameIsShownNextToTheNameField() {
        model.newCustomer();
        model.emailProperty().set("someone@example.com");

        model.save();

        assertThat(model.nameErrorProperty().get()).isEqualTo(desk.messages.get("customers.invalid.name"));
        assertThat(desk.bookings.pendingOutboxCount()).isZero();
    }

    @Test
    void aNewCustomerIsSavedLocallyQueuedForTheServerAndFoundBySearch() {
        model.newCustomer();
        model.nameProperty().set("  Katherine Johnson ");
        model.emailProperty().set("katherine@example.com");
        model.phoneProperty().set("");

        model.save();

        assertThat(dialogs.notifications).containsExactly(desk.messages.get("customers.saved", "Katherine Johnson"));
        assertThat(desk.bookings.pendingOutboxCount()).isEqualTo(1);
        assertThat(desk.bookings.searchCustomers("katherine", 10)).extracting(Customer::name).containsExactly("Katherine Johnson");
        assertThat(model.editingProperty().get()).isTrue();
        assertThat(model.selectedProperty().get().name()).isEqualTo("Katherine Johnson");
    }

    @Test
    void editingAnExistingCustomerKeepsItsIdAndTheRevisionItWasReadAt() {
        model.selectedProperty().set(grace);
        model.phoneProperty().set("+1 202 555 0199");

        model.save();

        Customer stored = desk.bookings.customer(grace.id()).orElseThrow();
        assertThat(stored.phone()).isEqualTo("+1 202 555 0199");
        assertThat(stored.name()).isEqualTo("Grace Hopper");
        assertThat(desk.bookings.searchCustomers("", 10)).hasSize(2);
        assertThat(tasks.unhandledFailures()).isEmpty();
    }
}
