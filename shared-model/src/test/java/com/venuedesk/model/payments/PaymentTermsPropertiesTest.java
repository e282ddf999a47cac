package com.venuedesk.model.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Payment rules over random terms, prices, stages, cancellation times and payments drawn from
 * {@code new Random(n)} for repetition n (the module's property style; jqwik is not on the build path).
 */
class PaymentTermsPropertiesTest {
    private static final String SEEDED = "{displayName} [seed {currentRepetition}]";
    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    @RepeatedTest(value = 500, name = SEEDED)
    void amountsAreNeverNegativeAndRefundsNeverExceedWhatWasPaid(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        Money price = eur(random.nextInt(100_000));
        PaymentTerms terms = terms(random);
        Money paid = eur(random.nextInt(120_000));
        Instant cancelledAt = START.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60) - 10 * 24 * 60));

        Money deposit = terms.deposit(price);
        assertThat(deposit.isNegative()).isFalse();
        assertThat(deposit.amount()).isLessThanOrEqualTo(price.amount());
        assertThat(terms.deposit(price).plus(terms.balance(price))).isEqualTo(price);
        for (BookingStage stage : BookingStage.values()) {
            Money due = terms.dueNow(price, stage, paid);
            assertThat(due.isNegative()).isFalse();
            assertThat(due.amount()).isLessThanOrEqualTo(price.amount());
        }
        Money refund = terms.refundOnCancellation(paid, START, cancelledAt);
        assertThat(refund.isNegative()).isFalse();
        assertThat(refund.amount()).isLessThanOrEqualTo(paid.amount());
        if (!cancelledAt.isAfter(START.minus(terms.cancellation().cutoff()))) {
            assertThat(refund).isEqualTo(paid);
        }
        Money fee = terms.noShowFee(price);
        assertThat(fee.isNegative()).isFalse();
        assertThat(fee.amount()).isLessThanOrEqualTo(price.amount());
    }

    @RepeatedTest(value = 300, name = SEEDED)
    void everyCombinationOfDepositAndCapturePointRequiresTheDepositFirstAndThePriceByCompletion(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        Money price = eur(random.nextInt(100_000));
        for (BalanceDue balanceDue : BalanceDue.values()) {
            PaymentTerms terms = new PaymentTerms(deposit(random), balanceDue, cancellation(random), fee(random));
            Money atBooking = terms.requiredBy(price, BookingStage.BOOKED);
            Money atCheckIn = terms.requiredBy(price, BookingStage.CHECKED_IN);
            Money atCompletion = terms.requiredBy(price, BookingStage.COMPLETED);
            assertThat(atBooking.amount()).isGreaterThanOrEqualTo(terms.deposit(price).amount());
            assertThat(atCheckIn.amount()).isGreaterThanOrEqualTo(atBooking.amount());
            assertThat(atCompletion).isEqualTo(price);
            assertThat(terms.dueNow(price, BookingStage.COMPLETED, price).amount().signum()).isZero();
        }
    }

    @RepeatedTest(value = 300, name = SEEDED)
    void theSummaryNeverGoesNegativeAndPaidPlusOutstandingCoverTheDue(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        Money due = eur(random.nextInt(100_000));
        List<PaymentFigures> payments = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            PaymentStatus status = PaymentStatus.values()[random.nextInt(PaymentStatus.values().length)];
            Money captured = eur(random.nextInt(50_000));
            Money refunded = eur(random.nextInt(50_000));
            payments.add(new PaymentFigures(status, eur(random.nextInt(50_000)), captured, refunded));
        }
        PaymentSummary summary = PaymentSummary.of(due, payments);
        for (Money m : List.of(summary.due(), summary.paid(), summary.authorized(), summary.refunded(),
                summary.outstanding())) {
            assertThat(m.isNegative()).isFalse();
        }
        assertThat(summary.paid().plus(summary.authorized()).plus(summary.outstanding()).amount())
                .isGreaterThanOrEqualTo(due.amount());
    }

    static PaymentTerms terms(Random random) {
        return new PaymentTerms(deposit(random), BalanceDue.values()[random.nextInt(3)], cancellation(random),
                fee(random));
    }

    static PartOfPrice deposit(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new PartOfPrice.None();
            case 1 -> new PartOfPrice.Fixed("deposit", eur(random.nextInt(150_000)));
            default -> new PartOfPrice.Percent("deposit", BigDecimal.valueOf(random.nextInt(10_001), 2));
        };
    }

    static PartOfPrice fee(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new PartOfPrice.None();
            case 1 -> new PartOfPrice.Fixed("noShowFee", eur(random.nextInt(150_000)));
            default -> new PartOfPrice.Percent("noShowFee", BigDecimal.valueOf(random.nextInt(10_001), 2));
        };
    }

    static CancellationPolicy cancellation(Random random) {
        return new CancellationPolicy(Duration.ofHours(random.nextInt(96)), BigDecimal.valueOf(random.nextInt(101)));
    }

    static Money eur(int cents) {
        return new Money(BigDecimal.valueOf(cents, 2), "EUR");
    }
}
