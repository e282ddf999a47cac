package com.venuedesk.desk.history;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.model.sync.Mutation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A booking's history for the dialog: who did what, when (venue's time zone), why and from which device; the
 * booking's changes not yet sent first, then the server's entries, newest first. What the lines come from (fresh
 * from the server, as last fetched, or only this desk's own changes) is said in {@link #noticeProperty()}.
 */
public final class BookingHistoryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BookingHistoryViewModel.class);
    private static final String DASH = "\u2013";

    private final BookingHistorySource source;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final VenueFormats formats;
    private final String thisDevice;
    private final UUID bookingId;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObservableList<HistoryLine> lines = FXCollections.observableArrayList();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty placeholder = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);

    /**
     * @param thisDevice   this desk's device id, to say "this desk" of its own changes
     * @param bookingTitle how the booking is named in the title (guest and time)
     */
    public BookingHistoryViewModel(BookingHistorySource source, TaskExecutor tasks, Messages messages,
                                   VenueFormats formats, UUID thisDevice, UUID bookingId, String bookingTitle) {
        this.source = source;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.thisDevice = thisDevice.toString();
        this.bookingId = bookingId;
        title.set(messages.get("history.title", bookingTitle));
        placeholder.set(messages.get("history.loading"));
    }

    /** Fetches the history in the background (the server, else what the desk has) and shows it. */
    public void load() {
        loading.set(true);
        placeholder.set(messages.get("history.loading"));
        tasks.run(() -> source.load(bookingId), this::show, failure -> {
            LOG.warn("Showing the history of booking {} failed", bookingId, failure);
            loading.set(false);
            lines.clear();
            notice.set(messages.get("history.failed"));
            placeholder.set(messages.get("history.empty"));
        });
    }

    private void show(BookingHistory history) {
        List<HistoryLine> shown = new ArrayList<>();
        List<BookingHistory.PendingChange> pending = new ArrayList<>(history.pending());
        java.util.Collections.reverse(pending);
        for (BookingHistory.PendingChange change : pending) {
            shown.add(lineOf(change, history.resourceNames()));
        }
        for (AuditEntry entry : history.entries()) {
            shown.add(lineOf(entry, history.resourceNames()));
        }
        lines.setAll(shown);
        notice.set(noticeOf(history));
        placeholder.set(messages.get("history.empty"));
        loading.set(false);
    }

    private String noticeOf(BookingHistory history) {
        return switch (history.source()) {
            case SERVER -> history.complete() ? "" : messages.get("history.notice.latest", history.entries().size());
            case OFFLINE_CACHED -> messages.get("history.notice.offlineAsOf", formats.dateTime(history.asOf()));
            case OFFLINE -> messages.get("history.notice.offline");
            case MANAGERS_ONLY -> messages.get("history.notice.managersOnly");
        };
    }

    // ---- the server's entries

    HistoryLine lineOf(AuditEntry entry, Map<UUID, String> resources) {
        String who = entry.actor() == null ? messages.get("history.who.server") : entry.actor().username();
        if (entry.pushedBy() != null && (entry.actor() == null || !Objects.equals(entry.pushedBy().id(), entry.actor().id()))) {
            who = messages.get("history.who.pushedBy", who, entry.pushedBy().username());
        }
        return new HistoryLine(formats.dateTime(entry.at()), who, whatOf(entry, resources),
                entry.reason() == null ? "" : entry.reason(), deviceOf(entry.deviceId()), false);
    }

    private String whatOf(AuditEntry entry, Map<UUID, String> resources) {
        HistoryAction action = entry.action();
        if (action == null) {
            return messages.get("history.action.unknown");
        }
        Map<String, String> details = entry.details();
        Instant fromStart = instant(details.get("fromStart"));
        Instant fromEnd = instant(details.get("fromEnd"));
        Instant toStart = instant(details.get("toStart"));
        Instant toEnd = instant(details.get("toEnd"));
        String toResource = resourceName(details.get("toResourceId"), resources);
        String fromResource = resourceName(details.get("fromResourceId"), resources);
        boolean timesKnown = fromStart != null && fromEnd != null && toStart != null && toEnd != null;
        boolean timesChanged = timesKnown && !(fromStart.equals(toStart) && fromEnd.equals(toEnd));
        if (action == HistoryAction.RESCHEDULED && timesKnown) {
            return moved(fromStart, fromEnd, toStart, toEnd);
        }
        if (action == HistoryAction.RESOURCE_CHANGED && toResource != null) {
            String where = fromResource == null ? messages.get("history.what.movedTo", toResource)
                    : messages.get("history.what.movedFromTo", fromResource, toResource);
            return timesChanged ? messages.get("history.what.and", where, moved(fromStart, fromEnd, toStart, toEnd)) : where;
        }
        if (action == HistoryAction.CREATED && toStart != null && toEnd != null) {
            return messages.get("history.what.booked", range(toStart, toEnd, true));
        }
        return messages.get("history.action." + action.name());
    }

    /** "moved from 09:00–10:00 to 10:00–11:00 on 1 Dec 2026", or with both dates when the day changed. */
    private String moved(Instant fromStart, Instant fromEnd, Instant toStart, Instant toEnd) {
        LocalDate fromDay = LocalDate.ofInstant(fromStart, formats.zone());
        LocalDate toDay = LocalDate.ofInstant(toStart, formats.zone());
        if (fromDay.equals(toDay)) {
            return messages.get("history.what.movedOn", range(fromStart, fromEnd, false), range(toStart, toEnd, false),
                    formats.date(toDay));
        }
        return messages.get("history.what.moved", range(fromStart, fromEnd, true), range(toStart, toEnd, true));
    }

    private String range(Instant start, Instant end, boolean withDate) {
        return (withDate ? formats.dateTime(start) : formats.time(start)) + DASH + formats.time(end);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String resourceName(String id, Map<UUID, String> resources) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return resources.getOrDefault(UUID.fromString(id), messages.get("history.unknownResource"));
        } catch (IllegalArgumentException e) {
            return messages.get("history.unknownResource");
        }
    }

    private String deviceOf(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            return "";
        }
        if (deviceId.equals(thisDevice)) {
            return messages.get("history.device.thisDesk");
        }
        return messages.get("history.device.other", deviceId.length() > 8 ? deviceId.substring(0, 8) : deviceId);
    }

    // ---- this desk's changes not yet sent

    HistoryLine lineOf(BookingHistory.PendingChange change, Map<UUID, String> resources) {
        Mutation mutation = change.mutation();
        String what;
        String why = "";
        if (mutation instanceof Mutation.CreateBooking create) {
            what = messages.get("history.what.bookedIn", range(create.start(), create.end(), true),
                    resources.getOrDefault(create.resourceId(), messages.get("history.unknownResource")));
        } else if (mutation instanceof Mutation.RescheduleBooking move) {
            what = messages.get("history.what.movedToAt", range(move.start(), move.end(), true),
                    resources.getOrDefault(move.resourceId(), messages.get("history.unknownResource")));
        } else if (mutation instanceof Mutation.ChangeBookingStatus step) {
            what = messages.get("history.action." + HistoryAction.of(step.action()).name());
            why = step.reason() == null ? "" : step.reason();
        } else {
            what = messages.get("history.action.UPDATED");
        }
        String who = change.clerk() == null ? messages.get("history.who.unknownClerk") : change.clerk();
        return new HistoryLine(formats.dateTime(change.recordedAt()), who, messages.get("history.notYetSent", what), why,
                messages.get("history.device.thisDesk"), true);
    }

    // ---- properties

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<HistoryLine> lines() {
        return lines;
    }

    /** Where the lines come from when it is not simply the server just now (offline, as of when; managers only). */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** What an empty list says (loading, or nothing to show). */
    public StringProperty placeholderProperty() {
        return placeholder;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
