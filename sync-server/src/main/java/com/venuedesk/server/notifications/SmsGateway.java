package com.venuedesk.server.notifications;

/** Sends one SMS through a provider; returns the provider's message id. */
public interface SmsGateway {
    String send(String to, String body, String statusCallbackUrl) throws DeliveryException;
}
