package com.venuedesk.model.payments;

import com.venuedesk.model.domain.DomainException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Full refund when cancelled at least {@code cutoff} before the start; after that, {@code latePercent}
 * (0 = none, 100 = full) of what was paid.
 */
public record CancellationPolicy(Duration cutoff, BigDecimal latePercent) {
    public CancellationPolicy {
        Objects.requireNonNull(cutoff, "cutoff");
        if (cutoff.isNegative()) {
            throw new DomainException("cancellation.cutoff", "the cutoff must not be negative");
        }
        MoneyMath.requirePercent("cancellation.latePercent", latePercent);
    }

    public static CancellationPolicy fullRefundBefore(Duration cutoff, BigDecimal latePercent) {
        return new CancellationPolicy(cutoff, latePercent);
    }
}
