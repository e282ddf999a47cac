package com.venuedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.BookingStatus;
import org.junit.jupiter.api.Test;

class BookingStatusTest {
    @Test
    void pendingBookingMayBeConfirmedButNotCompletedDirectly() {
        assertThat(BookingStatus.PENDING.transitionTo(BookingStatus.CONFIRMED))
                .isInstanceOf(BookingStatus.Transition.Allowed.class);
        assertThat(BookingStatus.PENDING.transitionTo(BookingStatus.COMPLETED))
                .isInstanceOf(BookingStatus.Transition.Refused.class);
    }
}
