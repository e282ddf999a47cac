package com.venuedesk.model.rules;

import com.venuedesk.model.domain.Money;

/** One line of a price breakdown, e.g. "2.0 h x 40.00 EUR" or "discount SUMMER -10%" (negative amount). */
public record PriceLine(String label, Money amount) { }
