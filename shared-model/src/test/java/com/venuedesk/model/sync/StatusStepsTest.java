package com.venuedesk.model.sync;


import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.TimeRange;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusStepsTest {
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-06T10:00:00Z");

    private static Booking in(BookingStatus status) {
        return new Booking(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), new TimeRange(NINE, TEN), status, null, "", 1,
                null, null, null, "");
    }

    @Test
    void everyActionLeadsToOneStatusAndACheckInKeepsTheBookingConfirmed() {
        assertThat(StatusSteps.targetOf(BookingAction.APPROVE)).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(StatusSteps.targetOf(BookingAction.CHECK_IN)).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(StatusSteps.targetOf(BookingAction.CANCEL)).isEqualTo(BookingStatus.CANCELLED);
        assertThat(StatusSteps.targetOf(BookingAction.COMPLETE)).isEqualTo(BookingStatus.COMPLETED);
        assertThat(StatusSteps.targetOf(BookingAction.NO_SHOW)).isEqualTo(BookingStatus.NO_SHOW);
    }

    @Test
    void aConfirmedBookingIsCheckedInOnceAndASecondCheckInChangesNothing() {
        StatusSteps.Step first = StatusSteps.take(in(BookingStatus.CONFIRMED), BookingAction.CHECK_IN, null, NINE);
        assertThat(first).isInstanceOf(StatusSteps.Step.Changed.class);
        Booking arrived = ((StatusSteps.Step.Changed) first).next();
        assertThat(arrived.checkedInAt()).isEqualTo(NINE);
        assertThat(arrived.status()).isEqualTo(BookingStatus.CONFIRMED);

        assertThat(StatusSteps.take(arrived, BookingAction.CHECK_IN, null, TEN))
                .isInstanceOfSatisfying(StatusSteps.Step.AlreadyDone.class, d -> assertThat(d.current()).isEqualTo(arrived));
    }

    @Test
    void onlyAConfirmedBookingCanBeCheckedIn() {
        for (BookingStatus status : BookingStatus.values()) {
            if (status != BookingStatus.CONFIRMED) {
                assertThat(StatusSteps.take(in(status), BookingAction.CHECK_IN, null, NINE))
                        .isInstanceOfSatisfying(StatusSteps.Step.Refused.class,
                                r -> assertThat(r.reason()).contains("only a CONFIRMED booking can be checked in"));
            }
        }
    }

    @Test
    void everyOtherStepFromEveryStatusFollowsTheLifecycle() {
        for (BookingStatus from : BookingStatus.values()) {
            for (BookingAction action : BookingAction.values()) {
                if (action == BookingAction.CHECK_IN) {
                    continue;
                }
                BookingStatus target = StatusSteps.targetOf(action);
                StatusSteps.Step step = StatusSteps.take(in(from), action, "why", NINE);
                if (from.allowedNext().contains(target)) {
                    assertThat(step).isInstanceOfSatisfying(StatusSteps.Step.Changed.class, c -> {
                        assertThat(c.next().status()).isEqualTo(target);
                        assertThat(c.next().statusReason()).isEqualTo("why");
                    });
                } else {
                    assertThat(step).as(from + " " + action).isInstanceOf(StatusSteps.Step.Refused.class);
                }
            }
        }
    }

    @Test
    void aStepWithoutAReasonKeepsTheBookingsReason() {
        Booking confirmed = in(BookingStatus.CONFIRMED).withStatus(BookingStatus.CONFIRMED, "phoned ahead");
        assertThat(StatusSteps.take(confirmed, BookingAction.COMPLETE, null, NINE))
                .isInstanceOfSatisfying(StatusSteps.Step.Changed.class,
                        c -> assertThat(c.next().statusReason()).isEqualTo("phoned ahead"));
    }
}
