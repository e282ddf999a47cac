package com.venuedesk.model.sync;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * What a lifecycle step does to a booking, the same at the desk (offline) and at the server: the status each action
 * leads to and the check-in rule. Written once so that a step the desk records offline is the step the server applies.
 */
public final class StatusSteps {

    private StatusSteps() {
    }

    /** The outcome of taking a step on a booking. */
    public sealed interface Step {
        /** The booking after the step. */
        record Changed(Booking next) implements Step { }

        /** Nothing to do: the step was already taken (a second check-in); replaying it is harmless. */
        record AlreadyDone(Booking current, String reason) implements Step { }

        /** The step is not allowed from the booking's status. */
        record Refused(Booking current, String reason) implements Step { }
    }

    /**
     * The status {@code action} leads to. A check-in keeps the booking CONFIRMED (it only records the arrival).
     */
    public static BookingStatus targetOf(BookingAction action) {
        return switch (Objects.requireNonNull(action, "action")) {
            case APPROVE, CHECK_IN -> BookingStatus.CONFIRMED;
            case CANCEL -> BookingStatus.CANCELLED;
            case COMPLETE -> BookingStatus.COMPLETED;
            case NO_SHOW -> BookingStatus.NO_SHOW;
        };
    }

    /**
     * Takes {@code action} on {@code current} at {@code at}. A check-in needs a CONFIRMED booking and records the
     * arrival once; other steps follow {@link BookingStatus#transitionTo}. A null reason keeps the booking's reason.
     */
    public static Step take(Booking current, BookingAction action, String reason, Instant at) {
        Objects.requireNonNull(current, "current");
        if (action == BookingAction.CHECK_IN) {
            if (current.status() != BookingStatus.CONFIRMED) {
                return new Step.Refused(current,
                        "only a CONFIRMED booking can be checked in; this one is " + current.status());
            }
            if (current.checkedInAt() != null) {
                return new Step.AlreadyDone(current, "the guest is already checked in");
            }
            return new Step.Changed(current.withCheckedInAt(Objects.requireNonNull(at, "at")));
        }
        BookingStatus wanted = targetOf(action);
        if (current.status().transitionTo(wanted) instanceof BookingStatus.Transition.Refused refused) {
            return new Step.Refused(current, refused.reason());
        }
        return new Step.Changed(current.withStatus(wanted, reason == null ? current.statusReason() : reason));
    }
}
