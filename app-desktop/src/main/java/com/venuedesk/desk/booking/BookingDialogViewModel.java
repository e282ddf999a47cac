package com.venuedesk.desk.booking;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.RefusalWords;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.BookingLimits;
import com.venuedesk.model.rules.PriceLine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booking dialog's state: resource, customer (found or new), day, start, end and notes. Whenever a field
 * changes it checks availability and quotes the price in the background; on a clash it lists free alternatives,
 * and taking one fills the fields. Saving writes the customer (if new) and the booking to the local store.
 */
public final class BookingDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BookingDialogViewModel.class);
    private static final int CUSTOMER_SUGGESTIONS = 10;

    private final LocalBookings bookings;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final VenueFormats formats;
    private final NewBookingRequest request;
    private final Clock clock;
    private final RefusalWords words;
    /** The booking being changed; null for a new one. */
    private final Booking original;

    private final ObservableList<Resource> resources = FXCollections.observableArrayList();
    private final ObjectProperty<Resource> resource = new SimpleObjectProperty<>();
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final StringProperty customerQuery = new SimpleStringProperty("");
    private final ObservableList<Customer> customerSuggestions = FXCollections.observableArrayList();
    private final BooleanProperty newCustomer = new SimpleBooleanProperty(false);
    private final StringProperty newCustomerName = new SimpleStringProperty("");
    private final StringProperty newCustomerEmail = new SimpleStringProperty("");
    private final StringProperty newCustomerPhone = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final BooleanProperty recordPast = new SimpleBooleanProperty(false);
    private final BooleanProperty startsInPast = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalTime> start = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalTime> end = new SimpleObjectProperty<>();
    private final StringProperty notes = new SimpleStringProperty("");

    private final StringProperty resourceError = new SimpleStringProperty("");
    private final StringProperty customerError = new SimpleStringProperty("");
    private final StringProperty timeError = new SimpleStringProperty("");
    private final StringProperty notesError = new SimpleStringProperty("");
    private final StringProperty availability = new SimpleStringProperty("");
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final StringProperty quote = new SimpleStringProperty("");
    private final ObservableList<String> quoteLines = FXCollections.observableArrayList();
    private final ObservableList<Alternative> alternatives = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Booking> saved = new SimpleObjectProperty<>();
    /** Previews are computed in the background; only the newest answer counts. */
    private long previewGeneration;

    /** A free slot offered instead of a taken one. */
    public record Alternative(Slot slot, String label) { }

    public BookingDialogViewModel(LocalBookings bookings, TaskExecutor tasks, Messages messages, VenueFormats formats,
                                  Clock clock, NewBookingRequest request) {
        this(bookings, tasks, messages, formats, clock, request, null, null);
    }

    /**
     * Changing an existing booking: the fields start with its resource, guest, times and notes, and saving records
     * only what changed (a move, new details). Availability, price and alternatives work as for a new booking.
     */
    public static BookingDialogViewModel change(LocalBookings bookings, TaskExecutor tasks, Messages messages,
                                                VenueFormats formats, Clock clock, Booking booking, Customer guest) {
        return new BookingDialogViewModel(bookings, tasks, messages, formats, clock,
                new NewBookingRequest(Optional.of(booking.resourceId()), booking.range().start(), booking.range().end()),
                booking, guest);
    }

    private BookingDialogViewModel(LocalBookings bookings, TaskExecutor tasks, Messages messages, VenueFormats formats,
                                   Clock clock, NewBookingRequest request, Booking original, Customer guest) {
        this.bookings = bookings;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.request = request;
        this.clock = clock;
        this.original = original;
        this.words = new RefusalWords(messages, formats);
        ZonedDateTime from = request.start().atZone(formats.zone());
        ZonedDateTime to = request.end().atZone(formats.zone());
        date.set(from.toLocalDate());
        start.set(from.toLocalTime());
        endDate.set(to.toLocalDate());
        end.set(to.toLocalTime());
        if (original != null) {
            notes.set(original.notes());
            if (guest != null) {
                customer.set(guest);
                customerQuery.set(customerLabel().apply(guest));
            }
        }
        resource.addListener((obs, old, now) -> fieldChanged(resourceError));
        // a one-day booking moved to another day stays a one-day booking: the end date follows the start date
        date.addListener((obs, old, now) -> {
            if (old != null && now != null && endDate.get() != null) {
                endDate.set(endDate.get().plusDays(java.time.temporal.ChronoUnit.DAYS.between(old, now)));
            }
            fieldChanged(timeError);
        });
        endDate.addListener((obs, old, now) -> fieldChanged(timeError));
        recordPast.addListener((obs, old, now) -> fieldChanged(timeError));
        start.addListener((obs, old, now) -> fieldChanged(timeError));
        end.addListener((obs, old, now) -> fieldChanged(timeError));
        customer.addListener((obs, old, now) -> customerError.set(""));
        customerQuery.addListener((obs, old, now) -> searchCustomers(now));
        newCustomer.addListener((obs, old, now) -> customerError.set(""));
        newCustomerName.addListener((obs, old, now) -> customerError.set(""));
    }

    /** Loads the resources and preselects the requested one; call once when the dialog opens. */
    public void load() {
        tasks.run(bookings::resources, list -> {
            resources.setAll(list.stream().filter(Resource::active).toList());
            Resource preselected = request.resourceId()
                    .flatMap(id -> resources.stream().filter(r -> r.id().equals(id)).findFirst())
                    .orElse(resources.isEmpty() ? null : resources.get(0));
            resource.set(preselected);
            refreshPreview();
        }, tasks::reportFailure);
    }

    private void fieldChanged(StringProperty error) {
        error.set("");
        refreshPreview();
    }

    /** Search as you type: customers whose name, e-mail or phone contains the text. */
    private void searchCustomers(String text) {
        Customer chosen = customer.get();
        if (text == null || text.isBlank() || (chosen != null && customerLabel().apply(chosen).equals(text))) {
            customerSuggestions.clear();
            return;
        }
        String query = text.strip();
        tasks.run(() -> bookings.searchCustomers(query, CUSTOMER_SUGGESTIONS), found -> {
            if (query.equals(customerQuery.get().strip())) {
                customerSuggestions.setAll(found);
            }
        }, tasks::reportFailure);
    }

    /** Takes a suggested customer. */
    public void choose(Customer chosen) {
        customer.set(chosen);
        newCustomer.set(false);
        customerQuery.set(customerLabel().apply(chosen));
        customerSuggestions.clear();
    }

    /** The chosen time as instants in the venue's zone, or empty with the reason in the time error. */
    public Optional<TimeRange> range() {
        if (date.get() == null || start.get() == null || end.get() == null || endDate.get() == null) {
            timeError.set(messages.get("booking.error.timeRequired"));
            return Optional.empty();
        }
        Instant from = date.get().atTime(start.get()).atZone(formats.zone()).toInstant();
        Instant to = endDate.get().atTime(end.get()).atZone(formats.zone()).toInstant();
        if (!to.isAfter(from)) {
            timeError.set(messages.get("booking.error.endBeforeStart"));
            return Optional.empty();
        }
        try {
            // the server's rule too: a date far outside the calendar (a typo'd year) is refused here, before a sync
            BookingLimits.standard().checkBooking("start", from, "end", to);
        } catch (DomainException e) {
            timeError.set(e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new TimeRange(from, to));
    }

    /** Checks availability and quotes in the background; stale answers (fields changed since) are dropped. */
    public void refreshPreview() {
        Resource chosen = resource.get();
        Optional<TimeRange> range = range();
        long generation = ++previewGeneration;
        startsInPast.set(range.isPresent() && startsInThePast(range.get()));
        if (range.isPresent() && startsInPast.get() && !recordPast.get()) {
            timeError.set(messages.get("booking.error.past"));
        }
        if (chosen == null || range.isEmpty()) {
            available.set(false);
            availability.set("");
            quote.set("");
            quoteLines.clear();
            alternatives.clear();
            return;
        }
        UUID changing = original == null ? null : original.id();
        Instant now = clock.instant();
        tasks.run(() -> BookingPreview.of(bookings, chosen, range.get(), changing, now), preview -> {
            if (generation == previewGeneration) {
                show(preview);
            }
        }, failure -> {
            LOG.warn("Preview of {} at {} failed", chosen.id(), range.get(), failure);
            availability.set(messages.get("booking.previewFailed"));
        });
    }

    private void show(BookingPreview preview) {
        available.set(preview.bookable());
        if (preview.closedReason().isPresent()) {
            availability.set(messages.get("booking.closed", words.rule(preview.closedReason().get())));
        } else if (!preview.conflicts().isEmpty()) {
            availability.set(messages.get("booking.taken", preview.conflicts().size()));
        } else {
            availability.set(messages.get("booking.free"));
        }
        preview.quote().ifPresentOrElse(q -> {
            quote.set(formats.money(q.total()));
            quoteLines.setAll(q.lines().stream().map(this::line).toList());
        }, () -> {
            quote.set("");
            quoteLines.clear();
        });
        showAlternatives(preview.alternatives());
    }

    private String line(PriceLine line) {
        return line.label() + ": " + formats.money(line.amount());
    }

    private void showAlternatives(List<Slot> slots) {
        Map<UUID, String> names = resources.stream().collect(Collectors.toMap(Resource::id, Resource::name, (a, b) -> a));
        AlternativesText text = new AlternativesText(formats, names);
        alternatives.setAll(slots.stream().map(slot -> new Alternative(slot, text.describe(slot))).toList());
    }

    /** One click on an offered slot: the fields take its resource, day and times. */
    public void take(Alternative alternative) {
        Slot slot = alternative.slot();
        resources.stream().filter(r -> r.id().equals(slot.resourceId())).findFirst().ifPresent(resource::set);
        ZonedDateTime from = slot.start().atZone(formats.zone());
        ZonedDateTime to = slot.end().atZone(formats.zone());
        date.set(from.toLocalDate());
        start.set(from.toLocalTime());
        end.set(to.toLocalTime());
    }

    /** Validates, then records customer (if new) and booking locally; {@link #savedProperty()} is set on success. */
    public void save() {
        if (busy.get()) {
            return;
        }
        boolean valid = true;
        if (resource.get() == null) {
            resourceError.set(messages.get("booking.error.resourceRequired"));
            valid = false;
        }
        Optional<Customer> newOne = Optional.empty();
        if (newCustomer.get()) {
            try {
                newOne = Optional.of(new Customer(UUID.randomUUID(), newCustomerName.get(), newCustomerEmail.get(),
                        newCustomerPhone.get(), "", 0));
            } catch (DomainException e) {
                customerError.set(messages.get("booking.error.customer." + e.field(), e.getMessage()));
                valid = false;
            }
        } else if (customer.get() == null) {
            customerError.set(messages.get("booking.error.customerRequired"));
            valid = false;
        }
        Optional<TimeRange> range = range();
        if (range.isPresent() && startsInThePast(range.get()) && !recordPast.get()) {
            timeError.set(messages.get("booking.error.past"));
            return;
        }
        if (!valid || range.isEmpty()) {
            return;
        }
        busy.set(true);
        UUID resourceId = resource.get().id();
        Optional<Customer> created = newOne;
        UUID existing = customer.get() == null ? null : customer.get().id();
        String text = notes.get();
        tasks.run(() -> original == null ? record(created, existing, resourceId, range.get(), text)
                : change(created, existing, resourceId, range.get(), text), this::accept, failure -> {
            busy.set(false);
            tasks.reportFailure(failure);
        });
    }

    private LocalWrite record(Optional<Customer> created, UUID existing, UUID resourceId, TimeRange range, String text) {
        UUID customerId = existing;
        if (created.isPresent()) {
            LocalWrite write = bookings.upsertCustomer(created.get());
            if (!(write instanceof LocalWrite.Recorded)) {
                return write;
            }
            customerId = created.get().id();
        }
        return bookings.createBooking(resourceId, customerId, range, text);
    }

    /**
     * A clerk may walk-in-book a time that has begun only on purpose; a booking being changed keeps its own start
     * without that (its guest may be in the room already).
     */
    private boolean startsInThePast(TimeRange range) {
        if (original != null && range.start().equals(original.range().start())) {
            return false;
        }
        return range.start().isBefore(NextFreeSlot.ceil(clock.instant()).minus(NextFreeSlot.STEP));
    }

    /** Records what changed on an existing booking: the move (resource, times) and then the details (guest, notes). */
    private LocalWrite change(Optional<Customer> created, UUID existing, UUID resourceId, TimeRange range, String text) {
        LocalWrite last = new LocalWrite.Recorded(original);
        if (!resourceId.equals(original.resourceId()) || !range.equals(original.range())) {
            last = bookings.reschedule(original.id(), resourceId, range);
            if (!(last instanceof LocalWrite.Recorded)) {
                return last;
            }
        }
        UUID customerId = existing;
        if (created.isPresent()) {
            LocalWrite write = bookings.upsertCustomer(created.get());
            if (!(write instanceof LocalWrite.Recorded)) {
                return write;
            }
            customerId = created.get().id();
        }
        String newNotes = text == null ? "" : text;
        if (!customerId.equals(original.customerId()) || !newNotes.equals(original.notes())) {
            last = bookings.updateDetails(original.id(), customerId, newNotes);
        }
        return last;
    }

    private void accept(LocalWrite write) {
        busy.set(false);
        if (write instanceof LocalWrite.Recorded recorded && recorded.entity() instanceof Booking booking) {
            LOG.info("Booking {} recorded for {}", booking.id(), booking.range());
            saved.set(booking);
        } else if (write instanceof LocalWrite.Recorded recorded) {
            LOG.warn("Unexpected record {} when creating a booking", recorded.entity().id());
        } else if (write instanceof LocalWrite.Clash clash) {
            available.set(false);
            availability.set(messages.get("booking.taken", clash.conflicts().size()));
            timeError.set(messages.get("booking.error.taken"));
            showAlternatives(clash.alternatives());
        } else if (write instanceof LocalWrite.Invalid invalid) {
            errorFor(invalid.field()).set(words.rule(invalid.reason()));
        }
    }

    private StringProperty errorFor(String field) {
        Map<String, StringProperty> byField = Map.of("resourceId", resourceError, "customerId", customerError,
                "name", customerError, "email", customerError, "phone", customerError, "notes", notesError);
        return Optional.ofNullable(field).map(byField::get).orElse(timeError);
    }

    // ---- properties

    public ObservableList<Resource> resources() {
        return resources;
    }

    public ObjectProperty<Resource> resourceProperty() {
        return resource;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public StringProperty customerQueryProperty() {
        return customerQuery;
    }

    public ObservableList<Customer> customerSuggestions() {
        return customerSuggestions;
    }

    public BooleanProperty newCustomerProperty() {
        return newCustomer;
    }

    public StringProperty newCustomerNameProperty() {
        return newCustomerName;
    }

    public StringProperty newCustomerEmailProperty() {
        return newCustomerEmail;
    }

    public StringProperty newCustomerPhoneProperty() {
        return newCustomerPhone;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    /** Ticked for a walk-in who is already here: the booking may start before now. */
    public BooleanProperty recordPastProperty() {
        return recordPast;
    }

    /** True while the chosen start lies before now (the view offers "record a past booking" then). */
    public ReadOnlyBooleanProperty startsInPastProperty() {
        return startsInPast;
    }

    /** True when the dialog changes an existing booking. */
    public boolean changing() {
        return original != null;
    }

    public ObjectProperty<LocalTime> startProperty() {
        return start;
    }

    public ObjectProperty<LocalTime> endProperty() {
        return end;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty resourceErrorProperty() {
        return resourceError;
    }

    public StringProperty customerErrorProperty() {
        return customerError;
    }

    public StringProperty timeErrorProperty() {
        return timeError;
    }

    public StringProperty notesErrorProperty() {
        return notesError;
    }

    /** "Free", "Taken by 1 booking", or why the resource is closed then. */
    public StringProperty availabilityProperty() {
        return availability;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    /** The quoted total in the venue's currency format. */
    public StringProperty quoteProperty() {
        return quote;
    }

    public ObservableList<String> quoteLines() {
        return quoteLines;
    }

    public ObservableList<Alternative> alternatives() {
        return alternatives;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Set once the booking is recorded; the dialog closes then. */
    public ObjectProperty<Booking> savedProperty() {
        return saved;
    }

    /** Shows a customer in a list or field. */
    public static Function<Customer, String> customerLabel() {
        return c -> c == null ? "" : c.name() + (c.email() == null ? "" : " <" + c.email() + ">")
                + (c.phone() == null ? "" : " " + c.phone());
    }
}
