package com.venuedesk.desk.approvals;

import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.RefusalWords;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.sync.BookingAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits for a manager: the bookings the server holds as PENDING (their resource needs approval), from now on,
 * soonest first. A booking only this desk knows is provisional, not waiting for approval, and is not listed.
 */
public final class ApprovalsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalsViewModel.class);
    private static final Duration AHEAD = Duration.ofDays(90);

    private final LocalBookings bookings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final VenueFormats formats;
    private final Clock clock;
    private final RefusalWords words;
    private final ObservableList<Waiting> waiting = FXCollections.observableArrayList();

    /** One booking awaiting approval, with the words that name it (guest, resource, time). */
    public record Waiting(UUID bookingId, LocalDate day, String label) { }

    public ApprovalsViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                              VenueFormats formats, Clock clock) {
        this.bookings = bookings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        this.words = new RefusalWords(messages, formats);
    }

    public AutoCloseable watchStore() {
        return bookings.onChange(change -> {
            if (change.touches(StoreChange.Topic.BOOKINGS)) {
                tasks.onUiThread(this::reload);
            }
        });
    }

    public void reload() {
        Instant now = clock.instant();
        tasks.run(() -> load(now), waiting::setAll, tasks::reportFailure);
    }

    private List<Waiting> load(Instant now) {
        Map<UUID, String> resources = bookings.resources().stream()
                .collect(Collectors.toMap(Resource::id, Resource::name, (a, b) -> a));
        List<Booking> pending = bookings.localBookingsBetween(now, now.plus(AHEAD)).stream()
                .filter(local -> !local.refused())
                .map(LocalBooking::booking)
                .filter(b -> b.status() == BookingStatus.PENDING && b.revision() > 0)
                .toList();
        Map<UUID, String> guests = bookings.customerNames(pending.stream().map(Booking::customerId).collect(Collectors.toSet()));
        return pending.stream().map(b -> new Waiting(b.id(), LocalDate.ofInstant(b.range().start(), formats.zone()),
                messages.get("calendar.booking", guests.getOrDefault(b.customerId(), messages.get("calendar.unknownCustomer")),
                        resources.getOrDefault(b.resourceId(), "?"), formats.dateTime(b.range().start()),
                        formats.time(b.range().end())))).toList();
    }

    /** Approves one; it leaves the list once the store says so. */
    public void approve(Waiting item) {
        tasks.run(() -> bookings.changeStatus(item.bookingId(), BookingAction.APPROVE, ""), write -> {
            if (write instanceof LocalWrite.Recorded) {
                LOG.info("Booking {} approved", item.bookingId());
                dialogs.notify(messages.get("calendar.done.with", messages.get("calendar.done.APPROVE"), item.label()));
                reload();
            } else if (write instanceof LocalWrite.Invalid invalid) {
                dialogs.showError(messages.get("calendar.refused.title"), words.rule(invalid.reason()));
            }
        }, tasks::reportFailure);
    }

    public ObservableList<Waiting> waiting() {
        return waiting;
    }
}
