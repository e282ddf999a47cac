package com.venuedesk.model.payments;

import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A resource's money rules, set by managers and synced to desks, so that a desk quotes offline exactly
 * what the server will charge. All amounts derive from the booking's quoted price.
 */
public record PaymentTerms(PartOfPrice deposit, BalanceDue balanceDue, CancellationPolicy cancellation,
                           PartOfPrice noShowFee) {

    public PaymentTerms {
        Objects.requireNonNull(deposit, "deposit");
        Objects.requireNonNull(balanceDue, "balanceDue");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(noShowFee, "noShowFee");
    }

    /** Pay everything at booking, full refund until the start, no no-show fee. */
    public static PaymentTerms payAtBooking() {
        return new PaymentTerms(new PartOfPrice.None(), BalanceDue.AT_BOOKING,
                new CancellationPolicy(Duration.ZERO, BigDecimal.ZERO), new PartOfPrice.None());
    }

    public Money deposit(Money quotedPrice) {
        return deposit.of(quotedPrice);
    }

    public Money balance(Money quotedPrice) {
        return MoneyMath.atLeastZero(quotedPrice.minus(deposit(quotedPrice)));
    }

    /** What must have been paid by the given stage (cumulative): deposit at booking, the balance at its point. */
    public Money requiredBy(Money quotedPrice, BookingStage stage) {
        boolean balanceReached = switch (balanceDue) {
            case AT_BOOKING -> true;
            case AT_CHECK_IN -> stage != BookingStage.BOOKED;
            case AT_COMPLETION -> stage == BookingStage.COMPLETED;
        };
        return balanceReached ? quotedPrice : deposit(quotedPrice);
    }

    /** What is due now at the given stage, given what has already been paid (captured minus refunded). */
    public Money dueNow(Money quotedPrice, BookingStage stage, Money paid) {
        return MoneyMath.atLeastZero(requiredBy(quotedPrice, stage).minus(paid));
    }

    /** The refund for a cancellation at {@code cancelledAt} of a booking starting at {@code start}. */
    public Money refundOnCancellation(Money paid, Instant start, Instant cancelledAt) {
        Money positivePaid = MoneyMath.atLeastZero(paid);
        boolean early = !cancelledAt.isAfter(start.minus(cancellation.cutoff()));
        return early ? positivePaid : MoneyMath.percentOf(positivePaid, cancellation.latePercent());
    }

    public Money noShowFee(Money quotedPrice) {
        return noShowFee.of(quotedPrice);
    }
}
