package com.venuedesk.model.payments;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;

/** Small money helpers for the payment rules; amounts round half-even at the currency's scale (Money does). */
final class MoneyMath {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MoneyMath() {
    }

    static void requirePercent(String field, BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new DomainException(field, "a percentage must be between 0 and 100");
        }
    }

    static Money percentOf(Money amount, BigDecimal percent) {
        Money result = new Money(amount.amount().multiply(percent).divide(HUNDRED), amount.currency());
        return min(result, amount);
    }

    static Money min(Money a, Money b) {
        return a.minus(b).isNegative() ? a : b;
    }

    static Money max(Money a, Money b) {
        return a.minus(b).isNegative() ? b : a;
    }

    static Money atLeastZero(Money amount) {
        return amount.isNegative() ? Money.zero(amount.currency()) : amount;
    }
}
