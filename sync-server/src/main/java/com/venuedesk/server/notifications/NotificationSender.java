package com.venuedesk.server.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Each round claims due notifications ({@link NotificationStore#claim}: FOR UPDATE SKIP LOCKED,
 * marked SENDING with a lease, committed before anything is sent), sends each, and marks it SENT, FAILED (retried with
 * exponential backoff) or DEAD (after {@link NotificationSettings#maxAttempts()} attempts, or at once when the
 * failure is final). So no two instances send the same row, and a send cut short by a crash (a kill -9 of this
 * process, a lost database connection) leaves a SENDING row whose lease runs out and which another round takes again.
 *
 * <p>What remains at-least-once, and why: between the mail server's (or SMS provider's) acceptance and the commit of
 * SENT there is a window no protocol closes (SMTP has no idempotency key, and the commit cannot be in the mail
 * server's transaction). A crash exactly there makes the message go out again when the lease has run out. It goes
 * with the same Message-ID ({@code <notification-{id}@domain>}), so mail stores and clients that deduplicate by it
 * show it once. Everything else is exactly once: a crash before acceptance resends a message never accepted; a send
 * cannot outlive its lease (SMTP timeouts are a quarter of it at most), so a slow send is never taken over.
 */
public final class NotificationSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final int BATCH = 20;

    private final NotificationStore store;
    private final ContactPreferences preferences;
    private final MailTransport mail;
    private final SmsGateway sms;
    private final NotificationSettings settings;
    private final Supplier<URI> publicUrl;
    private final UnsubscribeTokens unsubscribe;
    private final Clock clock;
    private final String instance;
    private final ScheduledExecutorService scheduler;

    /** {@code mail} or {@code sms} null: that channel is not sent by this instance. */
    public NotificationSender(NotificationStore store, ContactPreferences preferences, MailTransport mail,
                              SmsGateway sms, NotificationSettings settings, Supplier<URI> publicUrl,
                              UnsubscribeTokens unsubscribe, Clock clock, String instance) {
        this.store = store;
        this.preferences = preferences;
        this.mail = mail;
        this.sms = sms;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.unsubscribe = unsubscribe;
        this.clock = clock;
        this.instance = instance;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "venuedesk-notification-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    public NotificationSender start() {
        if (mail != null || sms != null) {
            scheduler.scheduleWithFixedDelay(this::rounds, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void rounds() {
        try {
            for (int i = 0; i < 50 && runOnce() == BATCH; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (!scheduler.isShutdown()) {
                LOG.warn("notification sender round failed: {}", e.toString());
            }
        }
    }

    /** One round: claims what is due and delivers it; the number of notifications claimed. */
    public int runOnce() {
        List<Channel> channels = new ArrayList<>();
        if (mail != null) {
            channels.add(Channel.EMAIL);
        }
        if (sms != null) {
            channels.add(Channel.SMS);
        }
        Instant now = clock.instant();
        List<NotificationStore.Claimed> claimed = store.claim(channels, now, now.plus(settings.lease()), instance, BATCH);
        for (NotificationStore.Claimed n : claimed) {
            deliver(n);
        }
        return claimed.size();
    }

    private void deliver(NotificationStore.Claimed n) {
        Instant now = clock.instant();
        if (n.expiresAt() != null && !now.isBefore(n.expiresAt())) {
            finish(n, NotificationState.SKIPPED, "not sent: the booking began before it could be", null, null);
            return;
        }
        if (n.customerId() != null && optedOut(n)) {
            finish(n, NotificationState.SKIPPED, "not sent: the guest opted out", null, null);
            return;
        }
        if (n.interrupted()) {
            LOG.warn("notification notificationId={} was SENDING when its lease ran out (a send cut short);"
                    + " sending it again, attempt {}", n.id(), n.attempts());
        }
        try {
            String providerId = n.channel() == Channel.EMAIL ? mail.send(new OutgoingMail(n.id(), n.recipient(),
                    n.subject(), n.text(), n.html(), n.ics(), n.icsMethod(), unsubscribeUrl(n)))
                    : sms.send(n.recipient(), n.text(), publicUrl.get() + "/api/v1/notifications/sms/status");
            finish(n, NotificationState.SENT, "accepted as " + providerId, providerId, null);
            LOG.info("notification sent notificationId={} kind={} channel={} attempt={} providerId={}", n.id(), n.kind(),
                    n.channel(), n.attempts(), providerId);
        } catch (DeliveryException e) {
            failed(n, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            failed(n, e.toString(), false);
        }
    }

    private boolean optedOut(NotificationStore.Claimed n) {
        ContactPreferences.Preference p = preferences.of(n.customerId());
        return n.channel() == Channel.EMAIL ? !p.wantsEmail() : p.smsOptOut();
    }

    private String unsubscribeUrl(NotificationStore.Claimed n) {
        return n.customerId() == null ? null
                : publicUrl.get() + "/api/v1/notifications/unsubscribe?token=" + unsubscribe.tokenFor(n.customerId());
    }

    private void failed(NotificationStore.Claimed n, String error, boolean permanent) {
        if (permanent || n.attempts() >= settings.maxAttempts()) {
            LOG.warn("notification dead notificationId={} kind={} channel={} after {} attempts: {}", n.id(), n.kind(),
                    n.channel(), n.attempts(), error);
            finish(n, NotificationState.DEAD, error, null, null);
            return;
        }
        Instant retryAt = clock.instant().plus(settings.backoffAfter(n.attempts()));
        LOG.info("notification failed notificationId={} attempt={} of {}, retrying at {}: {}", n.id(), n.attempts(),
                settings.maxAttempts(), retryAt, error);
        finish(n, NotificationState.FAILED, error, null, retryAt);
    }

    /** Records the outcome; a database hiccup is retried a few times, since a SENT not recorded means a resend. */
    private void finish(NotificationStore.Claimed n, NotificationState state, String detail, String providerId,
                        Instant retryAt) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                if (!store.finish(n, state, detail, providerId, retryAt, clock.instant())) {
                    LOG.warn("notification notificationId={} was taken over by another instance before it was marked {}",
                            n.id(), state);
                }
                return;
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.error("notification notificationId={} could not be marked {}; its lease will run out and it will be"
                + " taken again", n.id(), state, last);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
