package com.venuedesk.model.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentTermsTest {
    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    private static final Money PRICE = Money.of("200.00", "EUR");
    private static final PaymentTerms TERMS = new PaymentTerms(new PartOfPrice.Percent("deposit", new BigDecimal("15")),
            BalanceDue.AT_CHECK_IN, new CancellationPolicy(Duration.ofHours(48), new BigDecimal("50")),
            new PartOfPrice.Fixed("noShowFee", Money.of("40.00", "EUR")));

    @Test
    void aPercentDepositIsDueAtBookingAndTheBalanceAtCheckIn() {
        assertThat(TERMS.deposit(PRICE)).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(TERMS.dueNow(PRICE, BookingStage.BOOKED, Money.zero("EUR"))).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(TERMS.dueNow(PRICE, BookingStage.CHECKED_IN, Money.of("30.00", "EUR")))
                .isEqualTo(Money.of("170.00", "EUR"));
    }

    @Test
    void cancellingBeforeTheCutoffRefundsInFullAndAfterItRefundsTheLatePercent() {
        Money paid = Money.of("30.00", "EUR");
        assertThat(TERMS.refundOnCancellation(paid, START, START.minus(Duration.ofHours(48)))).isEqualTo(paid);
        assertThat(TERMS.refundOnCancellation(paid, START, START.minus(Duration.ofHours(47))))
                .isEqualTo(Money.of("15.00", "EUR"));
    }

    @Test
    void aFixedDepositOrFeeNeverExceedsThePrice() {
        Money small = Money.of("25.00", "EUR");
        assertThat(TERMS.noShowFee(small)).isEqualTo(small);
        assertThat(new PartOfPrice.Fixed("deposit", Money.of("50.00", "EUR")).of(small)).isEqualTo(small);
    }

    @Test
    void aPercentageAbove100IsRefusedNamingTheField() {
        assertThatThrownBy(() -> new PartOfPrice.Percent("deposit", new BigDecimal("100.01")))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("deposit.percent"));
    }

    @Test
    void theSummaryCountsHeldCapturedAndRefundedAndSkipsFailedPayments() {
        PaymentSummary summary = PaymentSummary.of(PRICE, List.of(
                new PaymentFigures(PaymentStatus.PARTIALLY_REFUNDED, Money.zero("EUR"), Money.of("100.00", "EUR"),
                        Money.of("20.00", "EUR")),
                new PaymentFigures(PaymentStatus.AUTHORIZED, Money.of("50.00", "EUR"), Money.zero("EUR"),
                        Money.zero("EUR")),
                new PaymentFigures(PaymentStatus.FAILED, Money.zero("EUR"), Money.of("999.00", "EUR"),
                        Money.zero("EUR"))));
        assertThat(summary.paid()).isEqualTo(Money.of("80.00", "EUR"));
        assertThat(summary.authorized()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(summary.refunded()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(summary.outstanding()).isEqualTo(Money.of("70.00", "EUR"));
    }
}
