package com.venuedesk.server.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the server notifies guests and managers.
 *
 * @param smtp          the mail server, or null: e-mails are recorded and shown, not sent (the embedded desk)
 * @param sms           the SMS provider, or null: no SMS is sent
 * @param reminderLead  how long before a booking starts its reminder is due (whole days count in the resource's time
 *                      zone: "1 day" is the same wall-clock time the day before, also across a DST change)
 * @param publicUrl     the server's address as guests reach it (unsubscribe links, calendar feed URLs); null: the
 *                      address it listens on
 * @param venueName     the venue's name in messages
 * @param managerEmails who is told that a booking waits for approval
 * @param pollInterval  how often the sender looks for due notifications
 * @param lease         how long a claimed notification may stay SENDING before another instance takes it as cut short
 * @param maxAttempts   failed deliveries before a notification is DEAD
 * @param firstBackoff  the wait after a first failure, doubled after each further one up to {@code maxBackoff}
 */
public record NotificationSettings(SmtpSettings smtp, SmsSettings sms, Duration reminderLead, URI publicUrl,
                                   String venueName, List<String> managerEmails, Duration pollInterval, Duration lease,
                                   int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public NotificationSettings {
        reminderLead = reminderLead == null ? Duration.ofHours(24) : reminderLead;
        venueName = venueName == null || venueName.isBlank() ? "VenueDesk" : venueName.strip();
        managerEmails = managerEmails == null ? List.of() : List.copyOf(managerEmails);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        if (reminderLead.isNegative() || reminderLead.isZero()) {
            throw new IllegalArgumentException("reminderLead must be positive");
        }
        if (smtp != null && lease.compareTo(smtp.timeout().multipliedBy(4)) < 0) {
            // a send must give up long before its lease ends, or another instance could send it a second time
            throw new IllegalArgumentException("lease must be at least four SMTP timeouts");
        }
    }

    /** No mail server, no SMS provider, default lead and retries. */
    public static NotificationSettings none() {
        return new NotificationSettings(null, null, null, null, null, null, null, null, 0, null, null);
    }

    public NotificationSettings withSmtp(SmtpSettings mail) {
        return new NotificationSettings(mail, sms, reminderLead, publicUrl, venueName, managerEmails, pollInterval, lease,
                maxAttempts, firstBackoff, maxBackoff);
    }

    public NotificationSettings withSms(SmsSettings provider) {
        return new NotificationSettings(smtp, provider, reminderLead, publicUrl, venueName, managerEmails, pollInterval,
                lease, maxAttempts, firstBackoff, maxBackoff);
    }

    public NotificationSettings withManagerEmails(List<String> emails) {
        return new NotificationSettings(smtp, sms, reminderLead, publicUrl, venueName, emails, pollInterval, lease,
                maxAttempts, firstBackoff, maxBackoff);
    }

    public NotificationSettings withReminderLead(Duration lead) {
        return new NotificationSettings(smtp, sms, lead, publicUrl, venueName, managerEmails, pollInterval, lease,
                maxAttempts, firstBackoff, maxBackoff);
    }

    /** The sender's timing: poll, lease, attempts and backoff (tests make them short). */
    public NotificationSettings withRetries(Duration poll, Duration leaseFor, int attempts, Duration first, Duration max) {
        return new NotificationSettings(smtp, sms, reminderLead, publicUrl, venueName, managerEmails, poll, leaseFor,
                attempts, first, max);
    }

    /** The wait before attempt {@code failures + 1}. */
    public Duration backoffAfter(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** How the server talks to its mail server. {@code password} comes from {@code VENUEDESK_SMTP_PASSWORD}. */
    public record SmtpSettings(String host, int port, String user, String password, Tls tls, String from,
                               Duration timeout) {
        public SmtpSettings {
            Objects.requireNonNull(host, "smtp host");
            Objects.requireNonNull(from, "mail-from");
            tls = tls == null ? Tls.STARTTLS : tls;
            port = port > 0 ? port : switch (tls) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case SSL -> 465;
            };
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        /** The bare address of {@code from} ("Venue <bookings@venue.example>" -> bookings@venue.example). */
        public String fromAddress() {
            int open = from.indexOf('<');
            return open < 0 ? from.strip() : from.substring(open + 1, from.indexOf('>', open)).strip();
        }

        /** {@code --smtp-tls}: none (plain), starttls (upgrade, required), ssl (TLS from the first byte). */
        public enum Tls { NONE, STARTTLS, SSL }
    }

    /**
     * A Twilio-style Messages API: {@code POST {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json}, basic auth
     * with the account sid and {@code authToken} (from {@code VENUEDESK_SMS_AUTH_TOKEN}), which also signs the
     * provider's status callbacks.
     */
    public record SmsSettings(URI baseUrl, String accountSid, String authToken, String from) {
        public SmsSettings {
            Objects.requireNonNull(baseUrl, "sms base url");
            Objects.requireNonNull(accountSid, "sms account sid");
            Objects.requireNonNull(authToken, "sms auth token");
            Objects.requireNonNull(from, "sms from");
        }
    }
}
