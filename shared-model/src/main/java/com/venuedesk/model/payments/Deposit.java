package com.venuedesk.model.payments;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** What a booking must pay up front: nothing, a fixed amount, or a percentage of the quoted price. */
public sealed interface Deposit {

    /** The deposit for a quoted price, never above the price and never negative. */
    Money of(Money quotedPrice);

    record None() implements Deposit {
        @Override
        public Money of(Money quotedPrice) {
            return Money.zero(quotedPrice.currency());
        }
    }

    record Fixed(Money amount) implements Deposit {
        public Fixed {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new DomainException("deposit.amount", "a deposit must not be negative");
            }
        }

        @Override
        public Money of(Money quotedPrice) {
            return MoneyMath.min(amount, quotedPrice);
        }
    }

    record Percent(BigDecimal percent) implements Deposit {
        public Percent {
            MoneyMath.requirePercent("deposit.percent", percent);
        }

        @Override
        public Money of(Money quotedPrice) {
            return MoneyMath.percentOf(quotedPrice, percent);
        }
    }
}
