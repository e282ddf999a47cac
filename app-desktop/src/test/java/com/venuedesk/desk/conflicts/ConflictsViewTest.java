package com.venuedesk.desk.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.RefusalWords;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.OutboxEntry;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import com.venuedesk.desk.testing.Venue;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.MutationOutcome;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The conflict inbox on screen in German (Monocle): the desk's words for server refusals, accessible cards. */
@ExtendWith(ApplicationExtension.class)
class ConflictsViewTest {
    /** 09:21 in Berlin on Tuesday 1 December 2026. */
    static final Clock NINE_TWENTY_ONE = Clock.fixed(Instant.parse("2026-12-01T08:21:00Z"), ZoneOffset.UTC);

    private final Messages german = new Messages(Locale.GERMAN);
    private final VenueFormats formats = new VenueFormats(Venue.BERLIN, Locale.GERMANY);
    private Venue venue;
    private ConflictsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        venue = new Venue(Files.createTempDirectory("conflicts-view"));
        model = new ConflictsViewModel(venue.bookings, new SameThreadTaskExecutor(), new RecordingDialogService(), german,
                formats, NINE_TWENTY_ONE);
        // a desk-sized window: the primary stage is shared with later tests (DeskAppIT keeps its size)
        stage.setScene(new Scene(new ConflictsView(model, german), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        venue.close();
    }

    private OutboxEntry booked(TimeRange range) {
        assertThat(venue.bookings.createBooking(venue.roomA.id(), venue.ada.id(), range, "")).isInstanceOf(LocalWrite.Recorded.class);
        List<OutboxEntry> pending = venue.store.pendingOutbox(10);
        return pending.get(pending.size() - 1);
    }

    private void refuse(FxRobot robot, OutboxEntry pushed, MutationOutcome outcome) {
        robot.interact(() -> {
            venue.store.settle(List.of(pushed), List.of(outcome));
            model.reload();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aServerRefusalReadsInGermanWithTheServersEnglishReasonNowhere(FxRobot robot) {
        OutboxEntry taken = booked(Venue.at(14, 15));
        refuse(robot, taken, new MutationOutcome.Overlap(taken.mutation().mutationId(), List.of(UUID.randomUUID()),
                List.of(), "1 active booking(s) overlap the requested time"));
        OutboxEntry closed = booked(Venue.at(16, 17));
        refuse(robot, closed, new MutationOutcome.Rejected(closed.mutation().mutationId(), "start",
                "outside opening hours (Tuesdays 09:00-16:00)", 400));

        List<String> texts = robot.lookup(".conflict-detail").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(texts).hasSize(2);
        assertThat(String.join("\n", texts)).contains("Eine andere Buchung belegt diese Zeit auf dem Server.",
                "Au\u00dferhalb der \u00d6ffnungszeiten (Dienstags 09:00-16:00).")
                .doesNotContain("overlap the requested time", "outside opening hours");
    }

    @Test
    void theProblemTypesOfTheServerAreSaidInGermanAndUnknownOnesFallBackToTheDetail() {
        RefusalWords words = new RefusalWords(german, formats);
        assertThat(words.problem("https://venuedesk.dev/problems/stale-revision", "revision 3 is stale", "Stale"))
                .startsWith("Jemand hat dies inzwischen ge\u00e4ndert.");
        assertThat(words.problem("https://venuedesk.dev/problems/forbidden", "only a MANAGER may approve", "Forbidden"))
                .isEqualTo("Ihre Rolle darf das nicht.");
        assertThat(words.problem("https://venuedesk.dev/problems/validation", "closed on Sundays", "Invalid"))
                .isEqualTo("Sonntags geschlossen.");
        assertThat(words.problem("https://venuedesk.dev/problems/something-new", "a new rule", "New"))
                .as("the server's detail only as fallback").isEqualTo("a new rule");
        assertThat(words.rule("blackout: Christmas")).isEqualTo("Geschlossen: Christmas");
    }

    @Test
    void everyCardHasAnAccessibleNameWithGuestResourceTimeAndWhatHappenedAndNoPastSlotIsOffered(FxRobot robot) {
        OutboxEntry taken = booked(Venue.at(14, 15));
        Slot past = Slot.of(venue.roomB.id(), Venue.at(8, 9));
        Slot later = Slot.of(venue.roomB.id(), Venue.at(14, 15));
        refuse(robot, taken, new MutationOutcome.Overlap(taken.mutation().mutationId(), List.of(UUID.randomUUID()),
                List.of(past, later), "taken"));

        Node card = robot.lookup(".conflict-card").query();
        assertThat(card.getAccessibleText()).contains("Ada Lovelace", "Room A", "14:00",
                german.get("conflict.kind.OVERLAP"));
        assertThat(card.isFocusTraversable()).isTrue();
        assertThat(robot.lookup(".conflict-alternative").queryAllAs(Button.class)).singleElement()
                .satisfies(button -> assertThat(button.getText()).contains("14:00"));
    }
}
