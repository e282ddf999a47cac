package com.venuedesk.model.payments;

/** When the rest of the price (after the deposit) is due. */
public enum BalanceDue {
    AT_BOOKING, AT_CHECK_IN, AT_COMPLETION
}
