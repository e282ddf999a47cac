package com.venuedesk.model.payments;

public enum PaymentStatus {
    PENDING, AUTHORIZED, PROCESSING, COMPLETED, FAILED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED
}
