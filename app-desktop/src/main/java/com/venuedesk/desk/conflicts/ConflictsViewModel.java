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
import com.venuedesk.desk.i18n.RefusalWords;
import java.time.Clock;
import java.time.Instant;
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
    private final Clock clock;
    private final RefusalWords words;
    private final ObservableList<ConflictCard> items = FXCollections.observableArrayList();

    /**
     * One refused change as the inbox shows it.
     *
     * @param accessibleText what a screen reader says: guest, resource, time, and what happened
     */
    public record ConflictCard(ConflictItem item, String title, String detail, List<Choice> choices,
                               String accessibleText) { }

    /** A free slot offered instead, with its label. */
    public record Choice(Slot slot, String label) { }

    /** Slots the server offered that have begun by {@code clock}'s now are no longer offered. */
    public ConflictsViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                              VenueFormats formats, Clock clock) {
        this.clock = clock;
        this.words = new RefusalWords(messages, formats);
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
        Instant now = clock.instant();
        return bookings.openConflicts().stream().map(item -> {
            String title = messages.get("conflict.kind." + item.kind().name()) + " \u00b7 " + formats.dateTime(item.createdAt());
            String detail = describe(item.mutation()) + "\n" + reason(item, names);
            String which = which(item.mutation(), names);
            return new ConflictCard(item, title, detail,
                    item.alternatives().stream().filter(slot -> !slot.start().isBefore(now))
                            .map(slot -> new Choice(slot, text.describe(slot))).toList(),
                    messages.get("conflict.accessible", which.isEmpty() ? title : which + ", " + title,
                            detail.replace('\n', ' ')));
        }).toList();
    }

    /** Guest, resource and time of the refused change, as far as this desk knows them. */
    private String which(Mutation mutation, Map<UUID, String> names) {
        UUID bookingId = mutation.entityId();
        Optional<com.venuedesk.desk.store.LocalBooking> local = mutation instanceof Mutation.UpsertCustomer
                ? Optional.empty() : bookings.booking(bookingId);
        Optional<UUID> customerId = mutation instanceof Mutation.CreateBooking create ? Optional.ofNullable(create.customerId())
                : local.map(l -> l.booking().customerId());
        String guest = customerId.flatMap(bookings::customer).map(c -> c.name()).orElse("");
        String resource = resourceOf(mutation).or(() -> local.map(l -> l.booking().resourceId()))
                .map(names::get).orElse("");
        Optional<Instant> start = mutation instanceof Mutation.CreateBooking create ? Optional.of(create.start())
                : mutation instanceof Mutation.RescheduleBooking move ? Optional.of(move.start())
                : local.map(l -> l.booking().range().start());
        return String.join(", ", java.util.stream.Stream.of(guest, resource, start.map(formats::dateTime).orElse(""))
                .filter(part -> !part.isEmpty()).toList());
    }

    /**
     * Why the server refused. A refusal of one input (the resource, the guest or the booking the server does not know)
     * is said in words, in the desk's language, naming the resource where this desk knows it; the server's text for it
     * names ids ("resourceId: no resource 1891..."). Any other reason is the server's own sentence.
     */
    private String reason(ConflictItem item, Map<UUID, String> names) {
        if (item.outcome() instanceof MutationOutcome.Overlap) {
            return messages.get("conflict.reason.overlap");
        }
        if (item.outcome() instanceof MutationOutcome.StaleRevision) {
            return messages.get("conflict.reason.stale");
        }
        if (!(item.outcome() instanceof MutationOutcome.Rejected rejected)) {
            return words.rule(item.reason());
        }
        if (rejected.field() == null) {
            return words.rejected(null, rejected.status(), item.reason());
        }
        return switch (rejected.field()) {
            case "resourceId" -> resourceOf(item.mutation()).map(names::get)
                    .map(name -> messages.get("conflict.reason.resourceNamed", name))
                    .orElseGet(() -> messages.get("conflict.reason.resource"));
            case "customerId" -> messages.get("conflict.reason.customer");
            case "bookingId" -> messages.get("conflict.reason.booking");
            default -> words.rejected(rejected.field(), rejected.status(), item.reason());
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
        if (mutation instanceof Mutation.UpdateBookingDetails) {
            return messages.get("conflict.details");
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
