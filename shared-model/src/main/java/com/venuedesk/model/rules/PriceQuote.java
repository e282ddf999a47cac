package com.venuedesk.model.rules;

import com.venuedesk.model.domain.Money;
import java.util.List;
import java.util.Objects;

/** A price with the breakdown staff can read out to a guest; the lines add up exactly to the total. */
public record PriceQuote(Money total, List<PriceLine> lines) {
    public PriceQuote {
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }
}
