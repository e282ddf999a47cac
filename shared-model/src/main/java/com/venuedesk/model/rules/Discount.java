package com.venuedesk.model.rules;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;

/**
 * A price reduction applied after all surcharges: either a percentage (0..100) or a fixed amount, never both.
 *
 * @param percentOff percentage off the surcharged price; null for a fixed-amount discount
 * @param amountOff  fixed amount off, in the resource's currency; null for a percentage discount
 */
public record Discount(String code, String description, BigDecimal percentOff, Money amountOff) {

    public Discount {
        if (code == null || code.isBlank()) {
            throw new DomainException("discount.code", "a discount needs a code");
        }
        description = description == null ? "" : description;
        if ((percentOff == null) == (amountOff == null)) {
            throw new DomainException("discount.percentOff", "a discount is either a percentage or an amount");
        }
        if (percentOff != null && (percentOff.signum() < 0 || percentOff.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new DomainException("discount.percentOff", "percentOff must be between 0 and 100");
        }
        if (amountOff != null && amountOff.isNegative()) {
            throw new DomainException("discount.amountOff", "amountOff must not be negative");
        }
    }

    /** A percentage discount. */
    public Discount(String code, String description, BigDecimal percentOff) {
        this(code, description, percentOff, null);
    }

    public static Discount percent(String code, String description, BigDecimal percentOff) {
        return new Discount(code, description, percentOff, null);
    }

    public static Discount fixed(String code, String description, Money amountOff) {
        return new Discount(code, description, null, amountOff);
    }

    public boolean isPercentage() {
        return percentOff != null;
    }
}
