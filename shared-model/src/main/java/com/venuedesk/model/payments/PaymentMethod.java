package com.venuedesk.model.payments;

public enum PaymentMethod {
    CARD, CASH, BANK_TRANSFER, WALLET
}
