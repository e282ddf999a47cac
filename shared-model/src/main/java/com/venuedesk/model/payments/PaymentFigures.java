package com.venuedesk.model.payments;

import com.venuedesk.model.domain.Money;
import java.util.Objects;

/**
 * One payment's amounts as the summary needs them: what is still held (authorized, not captured),
 * what was captured, and what of that was refunded.
 */
public record PaymentFigures(PaymentStatus status, Money held, Money captured, Money refunded) {
    public PaymentFigures {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
    }
}
