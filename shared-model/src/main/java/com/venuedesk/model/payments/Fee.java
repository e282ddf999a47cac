package com.venuedesk.model.payments;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** A no-show fee: none, a fixed amount, or a percentage of the quoted price; never above the price. */
public sealed interface Fee {

    Money of(Money quotedPrice);

    record None() implements Fee {
        @Override
        public Money of(Money quotedPrice) {
            return Money.zero(quotedPrice.currency());
        }
    }

    record Fixed(Money amount) implements Fee {
        public Fixed {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new DomainException("noShowFee.amount", "a fee must not be negative");
            }
        }

        @Override
        public Money of(Money quotedPrice) {
            return MoneyMath.min(amount, quotedPrice);
        }
    }

    record Percent(BigDecimal percent) implements Fee {
        public Percent {
            MoneyMath.requirePercent("noShowFee.percent", percent);
        }

        @Override
        public Money of(Money quotedPrice) {
            return MoneyMath.percentOf(quotedPrice, percent);
        }
    }
}
