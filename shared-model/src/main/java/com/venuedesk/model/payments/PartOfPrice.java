package com.venuedesk.model.payments;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A share of a booking's quoted price, as a deposit or a no-show fee is set: nothing, a fixed amount, or a
 * percentage; never above the price and never negative. {@code part} names what it is (e.g. {@code deposit},
 * {@code noShowFee}) so that a refused value names its field ({@code deposit.percent}).
 */
public sealed interface PartOfPrice {

    /** This share of the quoted price. */
    Money of(Money quotedPrice);

    record None() implements PartOfPrice {
        @Override
        public Money of(Money quotedPrice) {
            return Money.zero(quotedPrice.currency());
        }
    }

    record Fixed(String part, Money amount) implements PartOfPrice {
        public Fixed {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new DomainException(part + ".amount", part + " must not be negative");
            }
        }

        @Override
        public Money of(Money quotedPrice) {
            return MoneyMath.min(amount, quotedPrice);
        }
    }

    record Percent(String part, BigDecimal percent) implements PartOfPrice {
        public Percent {
            Objects.requireNonNull(part, "part");
            MoneyMath.requirePercent(part + ".percent", percent);
        }

        @Override
        public Money of(Money quotedPrice) {
            return MoneyMath.percentOf(quotedPrice, percent);
        }
    }
}
