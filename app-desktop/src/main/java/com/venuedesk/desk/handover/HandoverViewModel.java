package com.venuedesk.desk.handover;

import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.desk.task.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shift handover sheet: today in the venue's zone (or another day staff pick), reloaded when the store
 * changes; can be printed or saved as an HTML page for e-mailing.
 */
public final class HandoverViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverViewModel.class);

    private final HandoverQuery query;
    private final HandoverHtml html;
    private final LocalBookings bookings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final VenueFormats formats;
    private final Clock clock;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<HandoverSheet> sheet = new ReadOnlyObjectWrapper<>();
    private long generation;

    public HandoverViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                             VenueFormats formats, Clock clock) {
        this.bookings = bookings;
        this.query = new HandoverQuery(bookings, clock);
        this.html = new HandoverHtml(messages, formats);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        day.set(today());
        day.addListener((obs, old, d) -> reload());
    }

    /** Today's date at the venue, not on the PC's clock zone. */
    public LocalDate today() {
        return clock.instant().atZone(formats.zone()).toLocalDate();
    }

    /** Keeps the sheet current while bookings, the outbox or conflicts change. */
    public AutoCloseable watchStore() {
        return bookings.onChange(change -> {
            if (change.touches(StoreChange.Topic.BOOKINGS) || change.touches(StoreChange.Topic.OUTBOX)
                    || change.touches(StoreChange.Topic.CONFLICTS) || change.touches(StoreChange.Topic.CUSTOMERS)) {
                tasks.onUiThread(this::reload);
            }
        });
    }

    public void reload() {
        LocalDate wanted = day.get() == null ? today() : day.get();
        long mine = ++generation;
        tasks.run(() -> query.sheet(wanted, formats.zone()), loaded -> {
            if (mine == generation) {
                sheet.set(loaded);
            }
        }, tasks::reportFailure);
    }

    /** Back to today (e.g. after midnight, or after looking at another day). */
    public void showToday() {
        if (today().equals(day.get())) {
            reload();
        } else {
            day.set(today());
        }
    }

    /** The sheet as an HTML page; empty text before the first load. */
    public String html() {
        HandoverSheet current = sheet.get();
        return current == null ? "" : html.render(current);
    }

    /** The file name offered when saving. */
    public String suggestedFileName() {
        LocalDate shown = day.get() == null ? today() : day.get();
        return messages.get("handover.fileName", shown.toString());
    }

    /** Writes the HTML page to {@code target} in the background and tells the user where it went. */
    public void saveHtml(Path target) {
        String page = html();
        tasks.run(() -> {
            Files.writeString(target, page, StandardCharsets.UTF_8);
            return target;
        }, saved -> {
            LOG.info("Handover sheet saved to {}", saved);
            dialogs.notify(messages.get("handover.savedTo", saved.toString()));
        }, failure -> dialogs.showError(messages.get("handover.save"), messages.get("handover.saveFailed", failure.getMessage())));
    }

    /**
     * Prints through {@code printJob}, which answers false when there is no printer; then the user is told so
     * (and offered the HTML page instead).
     */
    public void print(BooleanSupplier printJob) {
        if (sheet.get() == null) {
            return;
        }
        if (!printJob.getAsBoolean()) {
            dialogs.warn(messages.get("handover.noPrinter"));
        }
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ReadOnlyObjectProperty<HandoverSheet> sheetProperty() {
        return sheet.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }

    public VenueFormats formats() {
        return formats;
    }
}
