package com.venuedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.EntryViewBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.desk.calendar.BookingEntry;
import com.venuedesk.desk.calendar.CalendarPane;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.settings.DeskSettings;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.testing.CentralServer;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.desk.testing.DeskUnderTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A front-desk day on the real desk (JavaFX under Monocle, its own local store) against a real central server that
 * the desk knows by URL only, so the test can take the server away and bring it back on the same port with the same
 * data. Everything is done the way staff do it (sign-in form, booking dialog, context menu, conflict inbox) and
 * checked twice: on the screen, and on the server over HTTP.
 */
class FrontDeskDayIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Sync retries back off up to several seconds after an outage; the desk must catch up well within this. */
    private static final int CATCH_UP_SECONDS = 60;

    @TempDir
    Path serverData;
    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final VenueFormats formats = new VenueFormats(BERLIN, Locale.ENGLISH);
    private CentralServer server;
    private App app;
    private UUID hallId;
    private UUID guestId;
    /** A week ahead, so that nothing is in the past and the demo week's bookings are elsewhere. */
    private LocalDate day;

    @BeforeEach
    void startServerAndDesk() throws Exception {
        server = CentralServer.startDemo(serverData);
        ApiClient admin = server.admin();
        // a hall without opening-hour rules is bookable at any hour; the guest has a name nobody else in the demo has
        hallId = UUID.fromString(admin.post("/api/v1/resources", Map.of("name", "Proof Hall", "type", "VENUE",
                "capacity", 60, "pricePerHour", Map.of("amount", "80.00", "currency", "EUR"),
                "timeZone", "Europe/Berlin")).json().get("id").asText());
        guestId = UUID.fromString(admin.post("/api/v1/customers", Map.of("name", "Grace Hopper",
                "email", "grace@example.com", "phone", "+1 202 555 0142")).json().get("id").asText());
        day = LocalDate.now(BERLIN).plusWeeks(1);

        DeskSettings settings = new DeskSettings(home, Optional.of(server.deskUrl()), Locale.ENGLISH, BERLIN,
                UUID.randomUUID().toString());
        app = DeskUnderTest.launch(settings, robot);
    }

    @AfterEach
    void stopDeskAndServer() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void staffBookTakeAnOfferedAlternativeForAClashMoveABookingAndCheckTheGuestInAllConfirmedByTheServer() throws Exception {
        signInAsFrontDesk();

        // 1. a booking through the dialog: shown in the calendar, confirmed by the server
        openBookingDialog(LocalTime.of(10, 0), LocalTime.of(11, 0));
        chooseGuest("hopper", "Grace Hopper");
        robot.clickOn("#notes").write("keynote rehearsal");
        waitFor(() -> availabilityText().equals(messages.get("booking.free")));
        robot.clickOn("#saveBooking");
        waitFor(() -> robot.lookup("#bookingDialog").tryQuery().isEmpty());

        JsonNode first = waitForServerBooking(at(10, 0), at(11, 0));
        UUID firstId = UUID.fromString(first.get("id").asText());
        assertThat(first.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(first.get("customerId").asText()).isEqualTo(guestId.toString());
        assertThat(first.get("notes").asText()).isEqualTo("keynote rehearsal");
        waitFor(() -> shownEntry(firstId).filter(view -> !view.getStyleClass().contains("booking-provisional")).isPresent());
        assertThat(shownEntry(firstId).orElseThrow().getEntry().getTitle()).isEqualTo("Grace Hopper");

        // 2. the same time again: the dialog shows the clash and ranked alternatives; one click takes the first
        openBookingDialog(LocalTime.of(10, 0), LocalTime.of(11, 0));
        chooseGuest("hopper", "Grace Hopper");
        waitFor(() -> availabilityText().equals(messages.get("booking.taken", 1)));
        List<Button> offered = robot.lookup("#alternatives .alternative").queryAllAs(Button.class).stream().toList();
        assertThat(offered).as("alternatives offered for a taken slot").isNotEmpty();
        robot.clickOn(offered.get(0));
        waitFor(() -> availabilityText().equals(messages.get("booking.free")));
        Resource takenResource = comboValue("#resource");
        Instant takenStart = dialogDate().atTime(this.<LocalTime>comboValue("#start")).atZone(BERLIN).toInstant();
        Instant takenEnd = dialogDate().atTime(this.<LocalTime>comboValue("#end")).atZone(BERLIN).toInstant();
        assertThat(offered.get(0).getText()).isEqualTo(takenResource.name() + ": " + formats.dateTime(takenStart)
                + " \u2013 " + formats.time(takenEnd));
        assertThat(takenResource.id().equals(hallId) && takenStart.isBefore(at(11, 0)) && takenEnd.isAfter(at(10, 0)))
                .as("the alternative does not overlap the taken slot").isFalse();
        robot.clickOn("#saveBooking");
        waitFor(() -> robot.lookup("#bookingDialog").tryQuery().isEmpty());

        JsonNode alternative = waitForFound(() -> serverBookings(takenResource.id()).stream()
                .filter(b -> Instant.parse(b.get("start").asText()).equals(takenStart)
                        && Instant.parse(b.get("end").asText()).equals(takenEnd)
                        && b.get("customerId").asText().equals(guestId.toString())).findFirst());
        assertThat(alternative.get("status").asText()).isEqualTo("CONFIRMED");

        // 3. a move, as a drag in the calendar makes it (CalendarFX changes the entry's interval)
        Instant movedStart = freeHour(takenResource.id(), takenStart, takenEnd, 13);
        Instant movedEnd = movedStart.plusSeconds(3600);
        Entry<?> entry = shownEntry(firstId).orElseThrow().getEntry();
        robot.interact(() -> entry.setInterval(new Interval(movedStart, movedEnd, BERLIN)));
        waitFor(() -> {
            JsonNode moved = server.admin().get("/api/v1/bookings/" + firstId).json();
            return Instant.parse(moved.get("start").asText()).equals(movedStart)
                    && Instant.parse(moved.get("end").asText()).equals(movedEnd);
        });
        waitFor(() -> shownEntry(firstId).filter(view -> !view.getStyleClass().contains("booking-provisional")
                && view.getEntry().getStartAsZonedDateTime().toInstant().equals(movedStart)).isPresent());

        // 4. check-in with the shortcut on the selected booking
        select(firstId);
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        waitFor(() -> server.admin().get("/api/v1/bookings/" + firstId).json().hasNonNull("checkedInAt"));
        JsonNode checkedIn = server.admin().get("/api/v1/bookings/" + firstId).json();
        assertThat(checkedIn.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(checkedIn.get("checkedInAt").asText())).isBefore(Instant.now().plusSeconds(1));
        waitFor(() -> shownEntry(firstId).filter(view -> view.getStyleClass().contains("booking-checked-in")
                && !view.getStyleClass().contains("booking-provisional")).isPresent());
        waitFor(() -> statusText("#pendingStatus").equals(messages.get("status.allSynced")));
    }

    @Test
    void bookingsMadeDuringAnOutageAreProvisionalThenConfirmedAndOneTakenMeanwhileIsRebookedFromTheConflictInbox()
            throws Exception {
        signInAsFrontDesk();
        waitFor(() -> statusText("#connectionStatus").equals(messages.get("status.online")));

        // 1. the server goes away: a booking is kept provisionally and waits
        server.stop();
        UUID offline = bookThroughTheDialog(LocalTime.of(15, 0), LocalTime.of(16, 0));
        waitFor(() -> statusText("#connectionStatus").equals(messages.get("status.offline")));
        waitFor(() -> statusText("#pendingStatus").equals(messages.get("status.pending", 1)));
        waitFor(() -> shownEntry(offline).filter(view -> view.getStyleClass().contains("booking-provisional")).isPresent());
        assertThat(shownEntry(offline).orElseThrow().getEntry().getTitle())
                .isEqualTo("Grace Hopper " + messages.get("calendar.suffix.provisional"));

        // back: pushed and confirmed without anyone doing anything
        server.start();
        waitForCatchUp(() -> statusText("#pendingStatus").equals(messages.get("status.allSynced")));
        assertThat(statusText("#connectionStatus")).isEqualTo(messages.get("status.online"));
        waitFor(() -> shownEntry(offline).filter(view -> !view.getStyleClass().contains("booking-provisional")).isPresent());
        assertThat(shownEntry(offline).orElseThrow().getEntry().getTitle()).isEqualTo("Grace Hopper");
        JsonNode confirmed = server.admin().get("/api/v1/bookings/" + offline).json();
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(confirmed.get("start").asText())).isEqualTo(at(15, 0));

        // 2. cut off again; meanwhile another desk, which still reaches the server, takes 17:00-18:00
        server.stop();
        URI elsewhere = server.startOutOfTheDesksReach();
        ApiClient otherDesk = new ApiClient(elsewhere).login("manager", "manager-password");
        JsonNode someoneElse = otherDesk.get("/api/v1/customers").json().get(0);
        ApiClient.Reply taken = otherDesk.post("/api/v1/bookings", Map.of("resourceId", hallId.toString(),
                "customerId", someoneElse.get("id").asText(), "start", at(17, 0).toString(), "end", at(18, 0).toString(),
                "notes", "booked by phone at the other desk"));
        assertThat(taken.status()).isEqualTo(201);
        server.stop();

        UUID clashing = bookThroughTheDialog(LocalTime.of(17, 0), LocalTime.of(18, 0));
        waitFor(() -> statusText("#pendingStatus").equals(messages.get("status.pending", 1)));
        assertThat(statusText("#connectionStatus")).isEqualTo(messages.get("status.offline"));

        // back: the server refuses it, the inbox offers the server's alternatives
        server.start();
        waitForCatchUp(() -> !conflictCards().isEmpty());
        Node card = conflictCards().get(0);
        assertThat(card.lookup(".conflict-title")).isInstanceOfSatisfying(Label.class, title ->
                assertThat(title.getText()).startsWith(messages.get("conflict.kind.OVERLAP")));
        List<String> offered = card.lookupAll(".conflict-alternative").stream().map(n -> ((Button) n).getText()).toList();
        assertThat(offered).isEqualTo(serverAlternativesFor(at(17, 0), at(18, 0)).stream()
                .map(label -> messages.get("conflict.take", label)).toList());
        waitFor(() -> statusText("#conflictStatus").equals(messages.get("status.conflicts", 1)));
        waitFor(() -> shownEntry(clashing).filter(view -> view.getStyleClass().contains("booking-refused")).isPresent());

        // taking the first alternative books it; the server confirms it and the inbox is empty again
        Button first = (Button) card.lookup(".conflict-alternative");
        String chosen = first.getText();
        clickWhenUncovered(first);
        waitForCatchUp(() -> conflictCards().isEmpty() && statusText("#pendingStatus").equals(messages.get("status.allSynced")));
        JsonNode rebooked = waitForFound(() -> serverBookingsBetween(at(0, 0), at(23, 0)).stream()
                .filter(b -> b.get("customerId").asText().equals(guestId.toString()))
                .filter(b -> chosen.equals(messages.get("conflict.take", label(b)))).findFirst());
        assertThat(rebooked.get("status").asText()).isEqualTo("CONFIRMED");
        UUID rebookedId = UUID.fromString(rebooked.get("id").asText());
        waitFor(() -> shownEntry(rebookedId).filter(view -> !view.getStyleClass().contains("booking-provisional")).isPresent());
        waitFor(() -> shownEntry(clashing).isEmpty());
        assertThat(statusText("#conflictStatus")).isEmpty();
    }

    // ---- the desk, as staff use it

    private void signInAsFrontDesk() throws Exception {
        robot.clickOn("#username").write("desk");
        robot.clickOn("#password").write("desk-password");
        robot.clickOn("#signIn");
        waitFor(() -> robot.lookup("#mainView").tryQuery().isPresent());
        // the hall and the guest reach the desk with its first pull
        LocalBookings local = new LocalBookings(app.context().store(), Clock.systemUTC(), UUID.randomUUID());
        waitFor(() -> local.customer(guestId).isPresent() && local.resources().stream().anyMatch(r -> r.id().equals(hallId)));
        DatePicker shown = robot.lookup("#datePicker").queryAs(DatePicker.class);
        robot.interact(() -> shown.setValue(day));
        waitFor(() -> day.equals(shown.getValue()));
    }

    /** Ctrl+N on the calendar, then the hall, the day and the hours picked in the dialog. */
    private void openBookingDialog(LocalTime from, LocalTime to) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#bookingDialog").tryQuery().isPresent());
        ComboBox<Resource> resource = robot.lookup("#resource").queryComboBox();
        waitFor(() -> resource.getItems().stream().anyMatch(r -> r.id().equals(hallId)));
        robot.interact(() -> {
            resource.getSelectionModel().select(resource.getItems().stream().filter(r -> r.id().equals(hallId))
                    .findFirst().orElseThrow());
            robot.lookup("#date").queryAs(DatePicker.class).setValue(day);
            robot.lookup("#start").<LocalTime>queryComboBox().getSelectionModel().select(from);
            robot.lookup("#end").<LocalTime>queryComboBox().getSelectionModel().select(to);
        });
    }

    private void chooseGuest(String search, String name) throws Exception {
        robot.clickOn("#customer").write(search);
        String label = name + " <grace@example.com> +1 202 555 0142";
        waitFor(() -> robot.lookup(label).tryQuery().isPresent());
        robot.clickOn(label);
    }

    /** Books the guest in the hall through the dialog; the booking's id as the desk recorded it. */
    private UUID bookThroughTheDialog(LocalTime from, LocalTime to) throws Exception {
        openBookingDialog(from, to);
        chooseGuest("grace", "Grace Hopper");
        waitFor(() -> availabilityText().equals(messages.get("booking.free")));
        robot.clickOn("#saveBooking");
        waitFor(() -> robot.lookup("#bookingDialog").tryQuery().isEmpty());
        Instant start = day.atTime(from).atZone(BERLIN).toInstant();
        CalendarPane calendar = robot.lookup("#calendar").queryAs(CalendarPane.class);
        return waitForFound(() -> calendar.entriesOf(hallId).stream()
                .filter(e -> e.getStartAsZonedDateTime().toInstant().equals(start))
                .map(e -> UUID.fromString(e.getId())).findFirst());
    }

    private String availabilityText() {
        return robot.lookup("#availability").queryAs(Label.class).getText();
    }

    private <T> T comboValue(String id) {
        return robot.lookup(id).<T>queryComboBox().getValue();
    }

    private LocalDate dialogDate() {
        return robot.lookup("#date").queryAs(DatePicker.class).getValue();
    }

    private String statusText(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /**
     * Clicks the node once no pop-up window covers its centre: the desk's notifications (a few seconds, bottom right)
     * lie over the calendar's right-hand days, and a click there lands on the notification, as it would for staff.
     */
    private void clickWhenUncovered(Node node) throws Exception {
        javafx.geometry.Point2D centre = robot.point(node).query();
        waitFor(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .noneMatch(w -> new javafx.geometry.BoundingBox(w.getX(), w.getY(), w.getWidth(), w.getHeight()).contains(centre)));
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks the booking in the calendar until the calendar has it selected. The entry is looked up afresh for each
     * click: a sync that brings the server's copy of a booking replaces its entry view, and a click on the view it
     * replaced lands on whatever is drawn at that place now.
     */
    private void select(UUID bookingId) throws Exception {
        CalendarPane calendar = robot.lookup("#calendar").queryAs(CalendarPane.class);
        waitFor(() -> {
            clickWhenUncovered(shownEntry(bookingId).orElseThrow());
            boolean selected = WaitForAsyncUtils.asyncFx(() -> calendar.selectedBooking().map(BookingEntry::bookingId))
                    .get(5, TimeUnit.SECONDS).filter(bookingId::equals).isPresent();
            if (!selected) {
                // the next click must not make a double click with this one (that would open the booking's details)
                Thread.sleep(800);
            }
            return selected;
        });
    }

    /** The booking as the calendar draws it, when it is drawn in a shown view. */
    private Optional<EntryViewBase<?>> shownEntry(UUID bookingId) {
        return robot.lookup(node -> node instanceof EntryViewBase<?> view && view.getEntry() != null
                        && bookingId.toString().equals(view.getEntry().getId()) && shown(node))
                .tryQueryAs(EntryViewBase.class).map(view -> (EntryViewBase<?>) view);
    }

    /** The cards of the conflict inbox beside the calendar. */
    private List<Node> conflictCards() {
        return robot.lookup(".conflict-card").queryAll().stream().filter(FrontDeskDayIT::shown).toList();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    // ---- the server's side, over HTTP

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    private List<JsonNode> serverBookings(UUID resourceId) {
        JsonNode all = server.admin().get("/api/v1/bookings?resourceId=" + resourceId).json();
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    private List<JsonNode> serverBookingsBetween(Instant from, Instant to) {
        JsonNode all = server.admin().get("/api/v1/bookings?from=" + from + "&to=" + to).json();
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    private JsonNode waitForServerBooking(Instant start, Instant end) throws Exception {
        return waitForFound(() -> serverBookings(hallId).stream()
                .filter(b -> Instant.parse(b.get("start").asText()).equals(start)
                        && Instant.parse(b.get("end").asText()).equals(end)).findFirst());
    }

    /** The alternatives the server offers right now for the hall at [start, end), as the desk words them. */
    private List<String> serverAlternativesFor(Instant start, Instant end) {
        ApiClient.Reply refused = server.admin().post("/api/v1/bookings", Map.of("resourceId", hallId.toString(),
                "customerId", guestId.toString(), "start", start.toString(), "end", end.toString()));
        assertThat(refused.status()).isEqualTo(409);
        List<String> labels = new ArrayList<>();
        refused.json().get("alternatives").forEach(slot -> labels.add(resourceName(UUID.fromString(
                slot.get("resourceId").asText())) + ": " + formats.dateTime(Instant.parse(slot.get("start").asText()))
                + " \u2013 " + formats.time(Instant.parse(slot.get("end").asText()))));
        return labels;
    }

    private String label(JsonNode booking) {
        return resourceName(UUID.fromString(booking.get("resourceId").asText())) + ": "
                + formats.dateTime(Instant.parse(booking.get("start").asText())) + " \u2013 "
                + formats.time(Instant.parse(booking.get("end").asText()));
    }

    private String resourceName(UUID resourceId) {
        return server.admin().get("/api/v1/resources/" + resourceId).json().get("name").asText();
    }

    /** An hour from {@code preferredHour} on the day that the hall does not hold already. */
    private Instant freeHour(UUID takenResource, Instant takenStart, Instant takenEnd, int preferredHour) {
        for (int hour = preferredHour; hour < 20; hour++) {
            Instant start = at(hour, 0);
            boolean clashes = takenResource.equals(hallId) && start.isBefore(takenEnd) && start.plusSeconds(3600).isAfter(takenStart);
            if (!clashes) {
                return start;
            }
        }
        throw new IllegalStateException("no free hour on " + day);
    }

    // ---- waiting

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForCatchUp(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(CATCH_UP_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T waitForFound(java.util.function.Supplier<Optional<T>> found) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> found.get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return found.get().orElseThrow();
    }
}
