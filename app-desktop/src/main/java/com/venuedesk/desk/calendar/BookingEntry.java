package com.venuedesk.desk.calendar;

import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.sync.BookingAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One booking as the calendar shows it, free of CalendarFX types so that the mapping is testable without a screen.
 *
 * @param provisional a local change waits for the server's confirmation
 * @param refused     the server refused it; it stays visible (marked) until staff resolve the conflict
 * @param awaitingApproval the server holds it as PENDING: a manager has to approve it (a booking only this desk
 *                    knows is PENDING too, but merely provisional until the server says what it needs)
 * @param accessibleText what a screen reader says: guest, resource, time and state
 */
public record BookingEntry(UUID bookingId, UUID resourceId, String title, String customerName, String resourceName,
                           Instant start, Instant end, BookingStatus status, boolean checkedIn, boolean provisional,
                           boolean refused, String priceText, String notes, boolean awaitingApproval,
                           String accessibleText) {

    /** CSS classes of the entry, e.g. {@code booking-provisional}, {@code booking-no_show}. */
    public List<String> styleClasses() {
        List<String> classes = new ArrayList<>();
        classes.add("booking");
        classes.add("booking-" + status.name().toLowerCase());
        if (provisional) {
            classes.add("booking-provisional");
        }
        if (refused) {
            classes.add("booking-refused");
        }
        if (checkedIn) {
            classes.add("booking-checked-in");
        }
        if (awaitingApproval) {
            classes.add("booking-awaiting-approval");
        }
        return classes;
    }

    /** Only bookings that still hold their time, and that the server has not refused, can be dragged. */
    public boolean movable() {
        return status.isActive() && !refused;
    }

    /** The lifecycle steps that make sense now (the store and the server check them again). */
    public Set<BookingAction> possibleActions() {
        Set<BookingAction> actions = EnumSet.noneOf(BookingAction.class);
        if (refused) {
            return actions;
        }
        if (status == BookingStatus.PENDING) {
            if (awaitingApproval) {
                actions.add(BookingAction.APPROVE);
            }
            actions.add(BookingAction.CANCEL);
        } else if (status == BookingStatus.CONFIRMED) {
            if (!checkedIn) {
                actions.add(BookingAction.CHECK_IN);
                actions.add(BookingAction.NO_SHOW);
            }
            actions.add(BookingAction.COMPLETE);
            actions.add(BookingAction.CANCEL);
        }
        return actions;
    }
}
