package com.venuedesk.server.notifications;

import java.util.UUID;

/**
 * One e-mail as the sender hands it to the transport. Its Message-ID is derived from the notification id, so a
 * message sent again after a crash (the one at-least-once window, see docs/ARCHITECTURE.md) is recognisably the same.
 *
 * @param icsMethod REQUEST or CANCEL when {@code ics} is an invite, else null
 */
public record OutgoingMail(UUID notificationId, String to, String subject, String text, String html, String ics,
                           String icsMethod, String unsubscribeUrl) {
    public String messageId(String domain) {
        return "<notification-" + notificationId + "@" + domain + ">";
    }
}
