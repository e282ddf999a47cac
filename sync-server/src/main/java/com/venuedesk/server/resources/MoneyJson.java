package com.venuedesk.server.resources;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;

/**
 * Money on the wire: {@code {"amount": "40.00", "currency": "EUR"}}, the amount a decimal string so that no client
 * reads it as a binary floating-point number. A JSON number is accepted on input too.
 */
public record MoneyJson(String amount, String currency) {
    /** Digits before the decimal point that the amount columns hold ({@code NUMERIC(12, 2)}, V2 and V4). */
    public static final int MAX_INTEGER_DIGITS = 10;
    private static final int MAX_INPUT_LENGTH = 100;

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.amount().toPlainString(), money.currency());
    }

    /** The value as Money; a missing or malformed part is a {@link DomainException} naming {@code field}. */
    public Money toMoney(String field) {
        if (amount == null || amount.isBlank()) {
            throw new DomainException(field + ".amount", field + ".amount is required");
        }
        if (currency == null || currency.isBlank()) {
            throw new DomainException(field + ".currency", field + ".currency is required");
        }
        if (amount.length() > MAX_INPUT_LENGTH) {
            throw new DomainException(field + ".amount", field + ".amount is too long to be an amount of money");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(field + ".amount", "not a decimal amount: " + amount);
        }
        // checked before Money rounds it: rounding 1e-999999999 or widening 1e999999999 would take minutes
        if (!storable(value)) {
            throw new DomainException(field + ".amount", field + ".amount must be less than 10,000,000,000");
        }
        if (value.stripTrailingZeros().scale() > MAX_INPUT_LENGTH) {
            throw new DomainException(field + ".amount", field + ".amount has more decimals than money has");
        }
        Money money;
        try {
            money = new Money(value, currency.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DomainException e) {
            throw new DomainException(field + "." + e.field(), e.getMessage());
        }
        if (value.stripTrailingZeros().scale() > money.amount().scale()) {
            throw new DomainException(field + ".amount", field + ".amount has more decimals than "
                    + money.currency() + " has (" + money.amount().scale() + ")");
        }
        return money;
    }

    /** Whether the amount fits the database's money columns: at most {@value #MAX_INTEGER_DIGITS} whole digits. */
    public static boolean storable(BigDecimal amount) {
        return amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS;
    }
}
