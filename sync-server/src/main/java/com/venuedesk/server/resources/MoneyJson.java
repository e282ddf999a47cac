package com.venuedesk.server.resources;

import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import java.math.BigDecimal;

/**
 * Money on the wire: {@code {"amount": "40.00", "currency": "EUR"}}, the amount a decimal string so that no client
 * reads it as a binary floating-point number. A JSON number is accepted on input too.
 */
public record MoneyJson(String amount, String currency) {

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
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(field + ".amount", "not a decimal amount: " + amount);
        }
        try {
            return new Money(value, currency.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DomainException e) {
            throw new DomainException(field + "." + e.field(), e.getMessage());
        }
    }
}
