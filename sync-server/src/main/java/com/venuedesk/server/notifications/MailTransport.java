package com.venuedesk.server.notifications;

/** Hands an e-mail to a mail server; returns the Message-ID it went with. */
public interface MailTransport {
    String send(OutgoingMail mail) throws DeliveryException;
}
