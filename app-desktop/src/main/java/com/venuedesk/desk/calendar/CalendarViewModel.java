package com.venuedesk.desk.calendar;

import com.venuedesk.desk.booking.AlternativesText;
import com.venuedesk.desk.booking.NewBookingRequest;
import com.venuedesk.desk.booking.NextFreeSlot;
import com.venuedesk.desk.i18n.RefusalWords;
import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.store.StoreChange;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.BookingAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar's state (date, layout, visible bookings, resources, search) and its commands (navigate, change a
 * booking's status, reschedule). Bookings come from the local store for the visible range; the view turns them
 * into CalendarFX entries.
 */
public final class CalendarViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarViewModel.class);
    private static final int SEARCH_LIMIT = 20;

    private final LocalBookings bookings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final VenueFormats formats;
    private final Clock clock;
    private final Consumer<NewBookingRequest> newBooking;
    private final Consumer<BookingEntry> history;
    private final RefusalWords words;
    private Consumer<BookingEntry> change = booking -> { };
    /** The resource and time the clerk last picked in free space (a click), for Ctrl+N; null when none. */
    private UUID pickedResource;
    private Instant pickedTime;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<CalendarMode> mode = new SimpleObjectProperty<>(CalendarMode.WEEK);
    private final ObservableList<BookingEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<ResourceColumn> resources = FXCollections.observableArrayList();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<SearchHit> searchHits = FXCollections.observableArrayList();

    public CalendarViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                             VenueFormats formats, Clock clock, Consumer<NewBookingRequest> newBooking) {
        this(bookings, tasks, dialogs, messages, formats, clock, newBooking, booking -> { });
    }

    /** As above; {@code history} opens a booking's history (the entry's "History..." command). */
    public CalendarViewModel(LocalBookings bookings, TaskExecutor tasks, DialogService dialogs, Messages messages,
                             VenueFormats formats, Clock clock, Consumer<NewBookingRequest> newBooking,
                             Consumer<BookingEntry> history) {
        this.bookings = bookings;
        this.history = history;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
        this.newBooking = newBooking;
        this.words = new RefusalWords(messages, formats);
        date.set(todayAtVenue());
        date.addListener((obs, old, now) -> reload());
        mode.addListener((obs, old, now) -> reload());
        searchText.addListener((obs, old, now) -> search(now));
    }

    /** Reloads when the store changes (a local write or a pulled page); call once after construction. */
    public AutoCloseable watchStore() {
        return bookings.onChange(change -> {
            if (change.touches(StoreChange.Topic.BOOKINGS) || change.touches(StoreChange.Topic.CUSTOMERS)
                    || change.touches(StoreChange.Topic.RESOURCES)) {
                tasks.onUiThread(this::reload);
            }
        });
    }

    // ---- navigation

    public void today() {
        date.set(todayAtVenue());
    }

    public void next() {
        date.set(step(1));
    }

    public void previous() {
        date.set(step(-1));
    }

    private LocalDate step(int direction) {
        LocalDate current = date.get();
        return switch (mode.get()) {
            case DAY, RESOURCES -> current.plusDays(direction);
            case WEEK -> current.plusWeeks(direction);
            case MONTH -> current.plusMonths(direction);
        };
    }

    private LocalDate todayAtVenue() {
        return LocalDate.ofInstant(clock.instant(), formats.zone());
    }

    /** The venue's current date and time: where the calendar draws today and its now-line, whatever the PC's zone. */
    public LocalDateTime nowAtVenue() {
        return LocalDateTime.ofInstant(clock.instant(), formats.zone());
    }

    /** The instants the current layout shows, in the venue's zone (month: the six weeks of the month sheet). */
    public TimeRange visibleRange() {
        LocalDate day = date.get();
        LocalDate from;
        LocalDate to;
        switch (mode.get()) {
            case WEEK -> {
                from = day.with(TemporalAdjusters.previousOrSame(WeekFields.of(formats.locale()).getFirstDayOfWeek()));
                to = from.plusWeeks(1);
            }
            case MONTH -> {
                from = day.withDayOfMonth(1).minusWeeks(1);
                to = day.with(TemporalAdjusters.lastDayOfMonth()).plusWeeks(2);
            }
            default -> {
                from = day;
                to = day.plusDays(1);
            }
        }
        return new TimeRange(from.atStartOfDay(formats.zone()).toInstant(), to.atStartOfDay(formats.zone()).toInstant());
    }

    // ---- loading

    /** Loads resources and the bookings of the visible range in the background, then replaces the lists at once. */
    public void reload() {
        TimeRange range = visibleRange();
        tasks.run(() -> load(range), this::apply, failure -> {
            LOG.warn("Loading bookings {}..{} failed", range.start(), range.end(), failure);
            dialogs.warn(messages.get("calendar.error.load"));
        });
    }

    private record Loaded(List<ResourceColumn> resources, List<BookingEntry> entries) { }

    private Loaded load(TimeRange range) {
        List<Resource> all = bookings.resources();
        List<ResourceColumn> columns = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Resource resource = all.get(i);
            columns.add(new ResourceColumn(resource.id(), resource.name(), i % 7));
            names.put(resource.id(), resource.name());
        }
        List<LocalBooking> inRange = bookings.localBookingsBetween(range.start(), range.end());
        Map<UUID, String> customers = bookings.customerNames(
                inRange.stream().map(local -> local.booking().customerId()).collect(Collectors.toSet()));
        List<BookingEntry> shown = new ArrayList<>();
        // a venue has a handful of prices; formatting one (a new currency NumberFormat) costs more than the rest
        Map<Money, String> prices = new HashMap<>();
        for (LocalBooking local : inRange) {
            Booking booking = local.booking();
            String customer = customers.getOrDefault(booking.customerId(), messages.get("calendar.unknownCustomer"));
            toEntry(local, customer, names.getOrDefault(booking.resourceId(), "?"),
                    price -> prices.computeIfAbsent(price, formats::money)).ifPresent(shown::add);
        }
        return new Loaded(columns, shown);
    }

    /** How one stored booking appears: cancelled ones are hidden, provisional and refused ones marked in the title. */
    public Optional<BookingEntry> toEntry(LocalBooking local, String customerName, String resourceName) {
        return toEntry(local, customerName, resourceName, formats::money);
    }

    private Optional<BookingEntry> toEntry(LocalBooking local, String customerName, String resourceName,
                                           Function<Money, String> priceText) {
        Booking booking = local.booking();
        if (booking.status() == BookingStatus.CANCELLED && !local.refused()) {
            return Optional.empty();
        }
        // PENDING on the server means a manager has to approve; a booking only this desk knows is PENDING as well,
        // but merely provisional: the server decides on push whether it needs approval
        boolean awaitingApproval = booking.status() == BookingStatus.PENDING && booking.revision() > 0 && !local.refused();
        String title = customerName;
        if (local.refused()) {
            title += " " + messages.get("calendar.suffix.refused");
        } else if (awaitingApproval) {
            title += " " + messages.get("calendar.suffix.awaitingApproval");
        } else if (local.provisional()) {
            title += " " + messages.get("calendar.suffix.provisional");
        }
        if (booking.status() == BookingStatus.NO_SHOW) {
            title += " " + messages.get("calendar.suffix.noShow");
        }
        String price = booking.price() == null ? "" : priceText.apply(booking.price());
        String state = stateText(booking, local, awaitingApproval);
        String accessible = messages.get("calendar.accessible", customerName, resourceName,
                formats.dateTime(booking.range().start()), endText(booking.range()), state);
        return Optional.of(new BookingEntry(booking.id(), booking.resourceId(), title, customerName, resourceName,
                booking.range().start(), booking.range().end(), booking.status(), booking.checkedInAt() != null,
                local.provisional(), local.refused(), price, booking.notes(), awaitingApproval, accessible));
    }

    /** The booking's state in words: status, and provisional, awaiting approval, refused, checked in. */
    private String stateText(Booking booking, LocalBooking local, boolean awaitingApproval) {
        List<String> parts = new ArrayList<>();
        if (local.refused()) {
            parts.add(messages.get("calendar.state.refused"));
        } else if (awaitingApproval) {
            parts.add(messages.get("calendar.state.awaitingApproval"));
        } else if (booking.status() != BookingStatus.PENDING) {
            parts.add(messages.get("status." + booking.status().name()));
        }
        if (booking.checkedInAt() != null) {
            parts.add(messages.get("calendar.checkedIn"));
        }
        if (local.provisional() && !local.refused()) {
            parts.add(messages.get("calendar.state.provisional"));
        }
        return String.join(", ", parts);
    }

    /** The end as a time, or with its date when the booking ends on a later day (an overnight stay). */
    private String endText(TimeRange range) {
        LocalDate first = LocalDate.ofInstant(range.start(), formats.zone());
        LocalDate last = LocalDate.ofInstant(range.end(), formats.zone());
        return first.equals(last) ? formats.time(range.end()) : formats.dateTime(range.end());
    }

    /** "Ada Lovelace, Room A, 01.12.26 10:00 – 11:00": which booking a question or notice is about. */
    public String describe(BookingEntry booking) {
        return messages.get("calendar.booking", booking.customerName(), booking.resourceName(),
                formats.dateTime(booking.start()), endText(new TimeRange(booking.start(), booking.end())));
    }

    private Optional<BookingEntry> entryOf(UUID bookingId) {
        return entries.stream().filter(e -> e.bookingId().equals(bookingId)).findFirst();
    }

    /**
     * The entries are replaced even when equal: after a refused drag the store is unchanged, yet the calendar must
     * put the dragged entry back (the pane compares with what it shows and redraws only what differs).
     */
    private void apply(Loaded loaded) {
        if (!resources.equals(loaded.resources())) {
            resources.setAll(loaded.resources());
        }
        entries.setAll(loaded.entries());
    }

    // ---- commands

    /** Opens the booking dialog for a time picked in the calendar. */
    public void requestNewBooking(Optional<UUID> resourceId, Instant start, Instant end) {
        newBooking.accept(new NewBookingRequest(resourceId, start, end));
    }

    /**
     * Opens the booking dialog (Ctrl+N) at the next free hour from now on the room in view: the resource and time the
     * clerk last picked in the calendar (or the booking last clicked), else the first resource. On a later day shown,
     * from 9:00 that day; never in the past.
     */
    public void requestNewBooking() {
        requestNewBooking(Optional.empty());
    }

    /** As {@link #requestNewBooking()}, on {@code inView} (the selected booking's resource) when nothing was picked. */
    public void requestNewBooking(Optional<UUID> inView) {
        Instant now = clock.instant();
        TimeRange visible = visibleRange();
        Instant from = now;
        LocalDate shown = date.get();
        if (shown.isAfter(todayAtVenue())) {
            // a later day: from the start of a usual venue morning (the same as the pre-issue default)
            from = shown.atTime(9, 0).atZone(formats.zone()).toInstant();
        }
        Optional<UUID> resourceId = inView;
        if (pickedResource != null || pickedTime != null) {
            resourceId = Optional.ofNullable(pickedResource).or(() -> inView);
            if (pickedTime != null && visible.contains(pickedTime) && pickedTime.isAfter(from)) {
                from = pickedTime;
            }
        }
        Optional<UUID> chosen = resourceId.or(() -> resources.stream().findFirst().map(ResourceColumn::resourceId));
        Instant start = from;
        tasks.run(() -> chosen.flatMap(id -> bookings.resources().stream().filter(r -> r.id().equals(id)).findFirst())
                .map(resource -> NextFreeSlot.find(bookings, resource, start, Duration.ofHours(1))), found -> {
            if (found.isPresent() && found.get().isEmpty()) {
                dialogs.warn(messages.get("calendar.error.noFreeSlot", resourceNames().getOrDefault(chosen.get(), "?")));
            }
            TimeRange range = found.flatMap(slot -> slot).orElseGet(() -> new TimeRange(NextFreeSlot.ceil(start),
                    NextFreeSlot.ceil(start).plus(Duration.ofHours(1))));
            LOG.info("New booking offered at {} on {}", range.start(), chosen.orElse(null));
            newBooking.accept(new NewBookingRequest(chosen, range.start(), range.end()));
        }, tasks::reportFailure);
    }

    /** The clerk clicked free time in the calendar: Ctrl+N starts there (resource null when the view has several). */
    public void pick(UUID resourceId, Instant time) {
        pickedResource = resourceId;
        pickedTime = time;
    }

    /** Opens a booking to change it (Enter or double click on it). */
    public void openBooking(BookingEntry booking) {
        if (booking.movable()) {
            change.accept(booking);
        }
    }

    /** Who opens a booking for a change (the composition root wires the dialog). */
    public void whenChangeRequested(Consumer<BookingEntry> opener) {
        this.change = opener;
    }

    /** Moves a booking by {@code offset} (Alt+arrows: the calendar's step, or a day), same resource and length. */
    public void moveBy(BookingEntry booking, Duration offset) {
        if (booking.movable()) {
            reschedule(booking.bookingId(), booking.resourceId(), booking.start().plus(offset), booking.end().plus(offset));
        }
    }

    /** Opens the booking's history: who did what, when and why. */
    public void showHistory(BookingEntry booking) {
        history.accept(booking);
    }

    /** A lifecycle step on one booking; cancelling and no-show ask for a reason first. */
    public void perform(UUID bookingId, BookingAction action) {
        String reason = "";
        String which = entryOf(bookingId).map(this::describe).orElse("");
        if (action == BookingAction.CANCEL || action == BookingAction.NO_SHOW) {
            Optional<String> given = dialogs.askForReason(messages.get("action." + action.name()),
                    messages.get("calendar.confirm." + action.name(), which), commonReasons(action));
            if (given.isEmpty()) {
                return;
            }
            reason = given.get();
        }
        String why = reason;
        tasks.run(() -> bookings.changeStatus(bookingId, action, why), write -> {
            if (write instanceof LocalWrite.Recorded) {
                LOG.info("Booking {}: {} recorded", bookingId, action);
                dialogs.notify(which.isEmpty() ? messages.get("calendar.done." + action.name())
                        : messages.get("calendar.done.with", messages.get("calendar.done." + action.name()), which));
            } else {
                explainRefusal(write);
            }
        }, tasks::reportFailure);
    }

    /** The reasons a clerk picks from instead of typing, in the desk's language. */
    public List<String> commonReasons(BookingAction action) {
        List<String> keys = action == BookingAction.NO_SHOW ? List.of("noShow", "guestCancelled")
                : List.of("guestCancelled", "noShow", "doubleEntry", "venueClosed");
        return keys.stream().map(key -> messages.get("calendar.reason." + key)).toList();
    }

    /**
     * Moves a booking (dragged or resized in the calendar). When refused, the calendar reloads so the entry returns
     * to where it was, and the user sees why and which slots are free.
     */
    public void reschedule(UUID bookingId, UUID resourceId, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            reload();
            return;
        }
        tasks.run(() -> bookings.reschedule(bookingId, resourceId, new TimeRange(start, end)), write -> {
            if (write instanceof LocalWrite.Recorded recorded) {
                LOG.info("Booking {} moved to {}..{} on {}", bookingId, start, end, resourceId);
                Optional<BookingEntry> moved = entryOf(bookingId).map(e -> new BookingEntry(e.bookingId(), resourceId,
                        e.title(), e.customerName(), resourceNames().getOrDefault(resourceId, e.resourceName()), start, end,
                        e.status(), e.checkedIn(), true, false, e.priceText(), e.notes(), e.awaitingApproval(),
                        e.accessibleText()));
                dialogs.notify(moved.map(e -> messages.get("calendar.moved", describe(e)))
                        .orElseGet(() -> messages.get("calendar.done.reschedule")));
            } else {
                reload();
                explainRefusal(write);
            }
        }, failure -> {
            reload();
            tasks.reportFailure(failure);
        });
    }

    private void explainRefusal(LocalWrite write) {
        if (write instanceof LocalWrite.Clash clash) {
            String alternatives = new AlternativesText(formats, resourceNames()).describe(clash.alternatives());
            dialogs.showError(messages.get("calendar.clash.title"),
                    messages.get("calendar.clash.text", clash.conflicts().size()) + (alternatives.isEmpty() ? ""
                            : "\n\n" + messages.get("calendar.clash.alternatives") + "\n" + alternatives));
        } else if (write instanceof LocalWrite.Invalid invalid) {
            dialogs.showError(messages.get("calendar.refused.title"), words.rule(invalid.reason()));
        }
    }

    private Map<UUID, String> resourceNames() {
        Map<UUID, String> names = new HashMap<>();
        resources.forEach(column -> names.put(column.resourceId(), column.name()));
        return names;
    }

    // ---- search

    private void search(String text) {
        if (text == null || text.isBlank()) {
            searchHits.clear();
            return;
        }
        tasks.run(() -> findBookings(text.strip()), searchHits::setAll, tasks::reportFailure);
    }

    private List<SearchHit> findBookings(String text) {
        Map<UUID, String> names = new HashMap<>();
        bookings.resources().forEach(r -> names.put(r.id(), r.name()));
        List<SearchHit> hits = new ArrayList<>();
        for (Customer customer : bookings.searchCustomers(text, SEARCH_LIMIT)) {
            for (Booking booking : bookings.bookingsOf(customer.id())) {
                if (hits.size() >= SEARCH_LIMIT) {
                    return hits;
                }
                LocalDate day = LocalDate.ofInstant(booking.range().start(), formats.zone());
                hits.add(new SearchHit(booking.id(), day, customer.name() + " \u2013 "
                        + formats.dateTime(booking.range().start()) + " \u2013 "
                        + names.getOrDefault(booking.resourceId(), "?")));
            }
        }
        return hits;
    }

    /** Shows the day of a found booking. */
    public void show(SearchHit hit) {
        if (mode.get() == CalendarMode.MONTH) {
            mode.set(CalendarMode.DAY);
        }
        date.set(hit.day());
    }

    // ---- properties

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<CalendarMode> modeProperty() {
        return mode;
    }

    public ObservableList<BookingEntry> entries() {
        return entries;
    }

    public ObservableList<ResourceColumn> resources() {
        return resources;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<SearchHit> searchHits() {
        return searchHits;
    }

    public VenueFormats formats() {
        return formats;
    }
}
