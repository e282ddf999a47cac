package com.venuedesk.desk.conflicts;

import com.venuedesk.desk.booking.AlternativesText;
import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.ConflictItem;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conflict inbox: local changes the server refused, until staff resolve them, either by taking one of the
 * offered free slots (a new booking or a move) or by writing down what they did instead.
 */
public final class ConflictsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictsViewModel.class);

    private final LocalBookings bookings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final VenueFormats formats;
    private final ObservableList<ConflictCard> items = FXCollections.observableArrayList();

    /** One refused change as the inbox shows it. */
    public record ConflictCard(ConflictItem item, String title, String detail, List<Choice> choices) { }

    /** A free slot offered instead, with its label. */
    public record Choice(Slot slot, String label) { }

    public ConflictsViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                              VenueFormats formats) {
        this.bookings = bookings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
    }

    public AutoCloseable watchStore() {
        return bookings.onChange(change -> {
            if (change.touches(StoreChange.Topic.CONFLICTS)) {
                tasks.onUiThread(this::reload);
            }
        });
    }

    public void reload() {
        tasks.run(this::load, items::setAll, tasks::reportFailure);
    }

    private List<ConflictCard> load() {
        Map<UUID, String> names = new HashMap<>();
        for (Resource resource : bookings.resources()) {
            names.put(resource.id(), resource.name());
        }
        AlternativesText text = new AlternativesText(formats, names);
        return bookings.openConflicts().stream().map(item -> new ConflictCard(item,
                messages.get("conflict.kind." + item.kind().name()) + " \u00b7 " + formats.dateTime(item.createdAt()),
                describe(item.mutation()) + "\n" + reason(item, names),
                item.alternatives().stream().map(slot -> new Choice(slot, text.describe(slot))).toList())).toList();
    }

    /**
     * Why the server refused. A refusal of one input (the resource, the guest or the booking the server does not know)
     * is said in words, in the desk's language, naming the resource where this desk knows it; the server's text for it
     * names ids ("resourceId: no resource 1891..."). Any other reason is the server's own sentence.
     */
    private String reason(ConflictItem item, Map<UUID, String> names) {
        if (!(item.outcome() instanceof MutationOutcome.Rejected rejected) || rejected.field() == null) {
            return item.reason();
        }
        return switch (rejected.field()) {
            case "resourceId" -> resourceOf(item.mutation()).map(names::get)
                    .map(name -> messages.get("conflict.reason.resourceNamed", name))
                    .orElseGet(() -> messages.get("conflict.reason.resource"));
            case "customerId" -> messages.get("conflict.reason.customer");
            case "bookingId" -> messages.get("conflict.reason.booking");
            default -> item.reason();
        };
    }

    private static Optional<UUID> resourceOf(Mutation mutation) {
        if (mutation instanceof Mutation.CreateBooking create) {
            return Optional.of(create.resourceId());
        }
        if (mutation instanceof Mutation.RescheduleBooking move) {
            return Optional.of(move.resourceId());
        }
        return Optional.empty();
    }

    private String describe(Mutation mutation) {
        if (mutation instanceof Mutation.CreateBooking create) {
            return messages.get("conflict.create", formats.dateTime(create.start()));
        }
        if (mutation instanceof Mutation.RescheduleBooking move) {
            return messages.get("conflict.reschedule", formats.dateTime(move.start()));
        }
        if (mutation instanceof Mutation.ChangeBookingStatus status) {
            return messages.get("conflict.status", messages.get("action." + status.action().name()));
        }
        return messages.get("conflict.customer");
    }

    /** Books the offered slot instead (same customer and notes, or the same booking moved), then closes the item. */
    public void take(ConflictCard card, Choice choice) {
        Mutation mutation = card.item().mutation();
        tasks.run(() -> {
            LocalWrite write;
            if (mutation instanceof Mutation.CreateBooking create) {
                write = bookings.createBooking(choice.slot().resourceId(), create.customerId(), choice.slot().range(), create.notes());
            } else if (mutation instanceof Mutation.RescheduleBooking move) {
                write = bookings.reschedule(move.bookingId(), choice.slot().resourceId(), choice.slot().range());
            } else {
                return Optional.<LocalWrite>empty();
            }
            if (write instanceof LocalWrite.Recorded) {
                bookings.resolveConflict(card.item().mutationId(), messages.get("conflict.tookSlot", choice.label()));
            }
            return Optional.of(write);
        }, write -> {
            if (write.isPresent() && write.get() instanceof LocalWrite.Recorded) {
                LOG.info("Conflict {} resolved by taking {}", card.item().mutationId(), choice.slot());
                dialogs.notify(messages.get("conflict.resolved"));
                reload();
            } else {
                dialogs.showError(messages.get("conflict.title"), messages.get("conflict.slotGone"));
            }
        }, tasks::reportFailure);
    }

    /** Closes the item with a note on what staff did (e.g. called the guest). */
    public void resolve(ConflictCard card) {
        Optional<String> note = dialogs.askForText(messages.get("conflict.resolve"), messages.get("conflict.note"));
        if (note.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            bookings.resolveConflict(card.item().mutationId(), note.get());
            return true;
        }, done -> reload(), tasks::reportFailure);
    }

    public ObservableList<ConflictCard> items() {
        return items;
    }
}
