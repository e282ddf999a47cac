package com.venuedesk.model.payments;

import com.venuedesk.model.domain.Money;
import java.util.List;

/**
 * A booking's money at a glance. {@code paid} is captured minus refunded; {@code outstanding} is what is
 * still owed of {@code due} once paid and held money are counted (held money is expected to be captured).
 */
public record PaymentSummary(Money due, Money paid, Money authorized, Money refunded, Money outstanding) {

    public static PaymentSummary of(Money due, List<PaymentFigures> payments) {
        String currency = due.currency();
        Money captured = Money.zero(currency);
        Money held = Money.zero(currency);
        Money refunded = Money.zero(currency);
        for (PaymentFigures p : payments) {
            if (p.status() == PaymentStatus.FAILED || p.status() == PaymentStatus.CANCELLED) {
                continue;
            }
            captured = captured.plus(p.captured());
            held = held.plus(p.held());
            refunded = refunded.plus(MoneyMath.min(p.refunded(), p.captured()));
        }
        Money paid = MoneyMath.atLeastZero(captured.minus(refunded));
        Money outstanding = MoneyMath.atLeastZero(due.minus(paid).minus(held));
        return new PaymentSummary(due, paid, held, refunded, outstanding);
    }
}
