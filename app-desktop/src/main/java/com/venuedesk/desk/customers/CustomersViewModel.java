package com.venuedesk.desk.customers;

import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers screen: a list filtered as staff type (name, e-mail or phone), the chosen customer's bookings
 * (upcoming and past), and a form to change or create a customer. Saving goes to the local store and its outbox,
 * so it works offline; the customer record's own rules decide what is valid, and the message appears next to the
 * field they name.
 */
public final class CustomersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CustomersViewModel.class);
    static final int LIST_LIMIT = 200;

    private final LocalBookings bookings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final VenueFormats formats;
    private final Clock clock;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObjectProperty<Customer> selected = new SimpleObjectProperty<>();
    private final ObservableList<BookingLine> upcoming = FXCollections.observableArrayList();
    private final ObservableList<BookingLine> past = FXCollections.observableArrayList();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty phoneError = new SimpleStringProperty("");
    private final StringProperty formTitle = new SimpleStringProperty("");
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /** The customer being edited; null while creating a new one. */
    private Customer original;
    /** Searches run in the background; only the newest answer is shown. */
    private long searchGeneration;
    private long detailGeneration;

    /** One booking of the customer as the details list shows it. */
    public record BookingLine(Booking booking, String when, String resource, String status) {
        @Override
        public String toString() {
            return when + " \u00b7 " + resource + " \u00b7 " + status;
        }
    }

    public CustomersViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                              VenueFormats formats, Clock clock) {
        this.bookings = bookings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        formTitle.set(messages.get("customers.new"));
        query.addListener((obs, old, text) -> search());
        selected.addListener((obs, old, customer) -> show(customer));
    }

    /** Refreshes the list (and the details) when customers or bookings change, locally or by a sync. */
    public AutoCloseable watchStore() {
        return bookings.onChange(change -> {
            if (change.touches(StoreChange.Topic.CUSTOMERS) || change.touches(StoreChange.Topic.BOOKINGS)) {
                tasks.onUiThread(this::reload);
            }
        });
    }

    public void reload() {
        search();
        Customer current = selected.get();
        if (current != null) {
            loadBookings(current.id());
        }
    }

    private void search() {
        long generation = ++searchGeneration;
        String text = query.get();
        tasks.run(() -> bookings.searchCustomers(text, LIST_LIMIT), found -> {
            if (generation == searchGeneration) {
                customers.setAll(found);
            }
        }, tasks::reportFailure);
    }

    private void show(Customer customer) {
        clearErrors();
        if (customer == null) {
            upcoming.clear();
            past.clear();
            return;
        }
        original = customer;
        editing.set(true);
        formTitle.set(messages.get("customers.edit", customer.name()));
        name.set(customer.name());
        email.set(customer.email() == null ? "" : customer.email());
        phone.set(customer.phone() == null ? "" : customer.phone());
        notes.set(customer.notes());
        loadBookings(customer.id());
    }

    private void loadBookings(UUID customerId) {
        long generation = ++detailGeneration;
        tasks.run(() -> lines(customerId), lines -> {
            if (generation != detailGeneration) {
                return;
            }
            Instant now = clock.instant();
            upcoming.setAll(lines.stream().filter(l -> l.booking().range().end().isAfter(now)).toList());
            // the latest visit first: that is what staff ask about
            List<BookingLine> earlier = lines.stream().filter(l -> !l.booking().range().end().isAfter(now)).collect(Collectors.toList());
            java.util.Collections.reverse(earlier);
            past.setAll(earlier);
        }, tasks::reportFailure);
    }

    private List<BookingLine> lines(UUID customerId) {
        Map<UUID, String> names = bookings.resources().stream().collect(Collectors.toMap(Resource::id, Resource::name, (a, b) -> a));
        Function<Booking, BookingLine> line = b -> new BookingLine(b,
                formats.dateTime(b.range().start()) + "\u2013" + formats.time(b.range().end()),
                names.getOrDefault(b.resourceId(), "?"),
                messages.get("status." + b.status().name()) + (b.checkedInAt() != null ? " \u00b7 " + messages.get("customers.checkedIn") : ""));
        return bookings.bookingsOf(customerId).stream().map(line).toList();
    }

    /** Empties the form for a new customer. */
    public void newCustomer() {
        selected.set(null);
        original = null;
        editing.set(false);
        formTitle.set(messages.get("customers.new"));
        name.set("");
        email.set("");
        phone.set("");
        notes.set("");
        clearErrors();
    }

    /** Checks the form with the customer record's rules and writes it to the local store (queued for the server). */
    public void save() {
        clearErrors();
        Customer customer;
        try {
            customer = new Customer(original == null ? UUID.randomUUID() : original.id(), name.get() == null ? null : name.get().strip(),
                    email.get(), phone.get(), notes.get(), original == null ? 0 : original.revision());
        } catch (DomainException e) {
            showError(e.field(), inWords(e));
            return;
        }
        busy.set(true);
        tasks.run(() -> bookings.upsertCustomer(customer), write -> {
            busy.set(false);
            if (write instanceof LocalWrite.Recorded) {
                LOG.info("Customer {} saved locally", customer.id());
                dialogs.notify(messages.get("customers.saved", customer.name()));
                original = customer;
                editing.set(true);
                formTitle.set(messages.get("customers.edit", customer.name()));
                search();
                selected.set(customer);
            } else if (write instanceof LocalWrite.Invalid invalid) {
                showError(invalid.field(), invalid.reason());
            } else {
                dialogs.showError(messages.get("customers.title"), messages.get("customers.notSaved"));
            }
        }, failure -> {
            busy.set(false);
            tasks.reportFailure(failure);
        });
    }

    /** The record's rule in the user's language; the record's own text for a rule this screen does not know. */
    private String inWords(DomainException e) {
        String field = e.field() == null ? "" : e.field();
        switch (field) {
            case "name":
                return messages.get("customers.invalid.name");
            case "email":
                return email.get().strip().length() > Customer.MAX_EMAIL_LENGTH ? e.getMessage()
                        : messages.get("customers.invalid.email", email.get().strip());
            case "phone":
                return messages.get("customers.invalid.phone", phone.get().strip());
            default:
                return e.getMessage();
        }
    }

    private void showError(String field, String reason) {
        StringProperty target = errorFor(field);
        if (target != null) {
            target.set(reason);
        } else {
            dialogs.showError(messages.get("customers.title"), reason);
        }
    }

    private StringProperty errorFor(String field) {
        if (field == null) {
            return null;
        }
        switch (field) {
            case "name":
                return nameError;
            case "email":
                return emailError;
            case "phone":
                return phoneError;
            default:
                return null;
        }
    }

    private void clearErrors() {
        nameError.set("");
        emailError.set("");
        phoneError.set("");
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Customer> customers() {
        return customers;
    }

    public ObjectProperty<Customer> selectedProperty() {
        return selected;
    }

    public ObservableList<BookingLine> upcoming() {
        return upcoming;
    }

    public ObservableList<BookingLine> past() {
        return past;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty emailErrorProperty() {
        return emailError;
    }

    public StringProperty phoneErrorProperty() {
        return phoneError;
    }

    public StringProperty formTitleProperty() {
        return formTitle;
    }

    /** True while an existing customer is in the form (false: creating one). */
    public BooleanProperty editingProperty() {
        return editing;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
