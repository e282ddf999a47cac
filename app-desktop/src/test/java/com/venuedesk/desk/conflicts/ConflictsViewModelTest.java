package com.venuedesk.desk.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.conflicts.ConflictsViewModel.Choice;
import com.venuedesk.desk.conflicts.ConflictsViewModel.ConflictCard;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.MutationOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conflict inbox's ViewModel on a real local store: refusals the sync recorded, taken or resolved by staff. */
class ConflictsViewModelTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Venue venue;
    private ConflictsViewModel model;

    @BeforeEach
    void open(@TempDir Path dir) {
        venue = new Venue(dir);
        model = new ConflictsViewModel(venue.bookings, new SameThreadTaskExecutor(), dialogs, messages,
                new VenueFormats(Venue.BERLIN, Locale.UK), Venue.CLOCK);
    }

    @AfterEach
    void close() {
        venue.close();
    }

    /** Books Room A for Ada at {@code range} on this desk and answers the change waiting to be pushed. */
    private OutboxEntry bookedOnThisDesk(TimeRange range) {
        assertThat(venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(), range, "quiet please"))
                .isInstanceOf(LocalWrite.Recorded.class);
        List<OutboxEntry> pending = venue.store.pendingOutbox(10);
        return pending.get(pending.size() - 1);
    }

    private void refuse(OutboxEntry pushed, MutationOutcome outcome) {
        venue.store.settle(List.of(pushed), List.of(outcome));
        model.reload();
    }

    /** Room A at 14:00 booked here, refused by the server as taken, with Room B at the same time offered instead. */
    private void takenWithRoomBOffered() {
        OutboxEntry pushed = bookedOnThisDesk(Venue.at(14, 15));
        Slot roomBInstead = Slot.of(venue.roomB.id(), Venue.at(14, 15));
        refuse(pushed, new MutationOutcome.Overlap(pushed.mutation().mutationId(), List.of(UUID.randomUUID()),
                List.of(roomBInstead), "another desk booked Room A first"));
    }

    @Test
    void aBookingTakenOnTheServerShowsTheServersReasonAndTheOfferedSlotsByResourceName() {
        takenWithRoomBOffered();

        assertThat(model.items()).singleElement().satisfies(card -> {
            assertThat(card.title()).startsWith(messages.get("conflict.kind.OVERLAP"));
            // the desk's own words for an overlap, not the server's English sentence (issue 20, point 7)
            assertThat(card.detail()).contains(messages.get("conflict.reason.overlap"))
                    .doesNotContain("another desk booked Room A first");
            assertThat(card.choices()).extracting(Choice::label).singleElement().asString().startsWith("Room B: ");
        });
    }

    @Test
    void takingAnOfferedSlotBooksItForTheSameGuestAndEmptiesTheInbox() {
        takenWithRoomBOffered();
        ConflictCard card = model.items().get(0);

        model.take(card, card.choices().get(0));

        assertThat(model.items()).isEmpty();
        assertThat(dialogs.notifications).contains(messages.get("conflict.resolved"));
        List<Booking> inRoomB = venue.bookings.bookingsBetween(Venue.at(0, 23).start(), Venue.at(0, 23).end()).stream()
                .filter(b -> b.resourceId().equals(venue.roomB.id())).toList();
        assertThat(inRoomB).singleElement().satisfies(b -> {
            assertThat(b.customerId()).isEqualTo(venue.ada.id());
            assertThat(b.range()).isEqualTo(Venue.at(14, 15));
            assertThat(b.notes()).isEqualTo("quiet please");
        });
    }

    @Test
    void aBookingRefusedForAResourceTheServerDoesNotKnowSaysSoInWordsNamingTheResourceNotItsId() {
        OutboxEntry pushed = bookedOnThisDesk(Venue.at(14, 15));
        refuse(pushed, new MutationOutcome.Rejected(pushed.mutation().mutationId(), "resourceId",
                "no resource " + venue.roomA.id(), 400));

        assertThat(model.items()).singleElement().satisfies(card -> {
            assertThat(card.title()).startsWith(messages.get("conflict.kind.REJECTED"));
            assertThat(card.detail()).contains(messages.get("conflict.reason.resourceNamed", "Room A"))
                    .doesNotContain(venue.roomA.id().toString());
        });
    }

    @Test
    void aRefusalOfAnotherInputKeepsTheServersOwnWords() {
        OutboxEntry pushed = bookedOnThisDesk(Venue.at(14, 15));
        refuse(pushed, new MutationOutcome.Rejected(pushed.mutation().mutationId(), "start",
                "Room A is closed on Tuesdays", 400));

        assertThat(model.items()).singleElement().satisfies(card ->
                assertThat(card.detail()).contains("Room A is closed on Tuesdays"));
    }

    @Test
    void resolvingWithANoteClosesTheItemAndCancellingTheQuestionLeavesItOpen() {
        OutboxEntry pushed = bookedOnThisDesk(Venue.at(14, 15));
        refuse(pushed, new MutationOutcome.Overlap(pushed.mutation().mutationId(), List.of(UUID.randomUUID()),
                List.of(), "another desk booked Room A first"));
        ConflictCard card = model.items().get(0);

        model.resolve(card);
        assertThat(model.items()).hasSize(1);

        dialogs.answers.add("called Ada, she comes tomorrow");
        model.resolve(card);
        assertThat(model.items()).isEmpty();
        assertThat(venue.bookings.openConflicts()).isEmpty();
    }
}
