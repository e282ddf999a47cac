package com.venuedesk.server.notifications;

import static com.venuedesk.server.notifications.Mailbox.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing is sent twice: not while the mail server is down and then back, not with two server instances sending from
 * one database, not when a sender dies in the middle of a send. And the one window that stays at-least-once (the mail
 * server accepted, the sender died before recording it) resends with the same Message-ID.
 */
class DeliveryExactlyOnceIT {
    private static final Instant NOW = NotificationsIT.NOW;

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void whileTheMailServerIsDownNotificationsFailAndRetryAndOnceItIsBackEachIsDeliveredExactlyOnce(
            ServerUnderTest.Db db, @TempDir Path dir) throws Exception {
        GreenMail probe = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        probe.start();
        int port = probe.getSmtp().getPort();
        probe.stop();
        MutableClock clock = new MutableClock(NOW);
        try (VenueDeskServer server = NotificationsIT.start(db, dir, clock,
                Mailbox.FAST.withSmtp(Mailbox.smtp(port)))) {
            Venue venue = new Venue(server);
            String room = NotificationsIT.room(venue, false);
            List<String> bookings = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bookings.add(NotificationsIT.book(venue, room, venue.customer("Guest " + i),
                        "2026-04-0" + (i + 2) + "T08:00:00Z", "2026-04-0" + (i + 2) + "T09:00:00Z"));
            }
            await("five failed confirmations", () -> count(venue.admin, "FAILED") == 5);

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                clock.advance(Duration.ofSeconds(11));
                await("five mails", () -> smtp.getReceivedMessages().length >= 5);
                clock.advance(Duration.ofMinutes(5));
                Thread.sleep(500);
                MimeMessage[] received = smtp.getReceivedMessages();
                assertThat(received).hasSize(5);
                assertThat(messageIds(received)).doesNotHaveDuplicates();
                assertThat(count(venue.admin, "SENT")).isEqualTo(5);
                for (String booking : bookings) {
                    var confirmation = NotificationsIT.only(Mailbox.notifications(venue.admin, booking), "CONFIRMATION");
                    assertThat(confirmation.get("attempts").asInt()).isEqualTo(2);
                    assertThat(confirmation.get("steps")).extracting(s -> s.get("step").asText())
                            .containsExactly("QUEUED", "SENDING", "FAILED", "SENDING", "SENT");
                }
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void twoInstancesOnOnePostgresqlSendEachNotificationOnceBetweenThem(@TempDir Path dir) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
        MutableClock clock = new MutableClock(NOW);
        NotificationSettings settings = Mailbox.FAST.withSmtp(Mailbox.smtp(smtp.getSmtp().getPort()));
        ServerConfig a = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("a"))
                .withDatabase(pg.url(), pg.user(), pg.password()).withClock(clock).withNotifications(settings);
        ServerConfig b = ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("b"))
                .withDatabase(pg.url(), pg.user(), pg.password()).withClock(clock).withNotifications(settings);
        try (VenueDeskServer serverA = VenueDeskServer.start(a, List.of(), NotificationsIT.FAST_CONSUMERS);
             VenueDeskServer serverB = VenueDeskServer.start(b, List.of(), NotificationsIT.FAST_CONSUMERS)) {
            Venue viaA = new Venue(serverA);
            Venue viaB = new Venue(serverB);
            String room = NotificationsIT.room(viaA, false);
            for (int i = 0; i < 20; i++) {
                Venue via = i % 2 == 0 ? viaA : viaB;
                String day = String.format("2026-04-%02d", 2 + i);
                NotificationsIT.book(via, room, via.customer("Guest " + i), day + "T08:00:00Z", day + "T09:00:00Z");
            }
            await("twenty mails", () -> smtp.getReceivedMessages().length >= 20);
            Thread.sleep(1000);
            assertThat(smtp.getReceivedMessages()).hasSize(20);
            assertThat(messageIds(smtp.getReceivedMessages())).doesNotHaveDuplicates();
            assertThat(count(viaA.admin, "SENT")).isEqualTo(20);
        } finally {
            smtp.stop();
        }
    }

    /**
     * A sender claims a notification and dies inside the send, before the mail server accepted anything (here: it
     * hangs and is abandoned, as a killed process leaves its row). Its SENDING row is taken by another sender once the
     * lease has run out and sent once; when the first sender wakes up it cannot overwrite what the second recorded.
     */
    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aSendCutShortIsTakenOverAfterItsLeaseAndSentOnceAndTheDeadHolderCannotMarkIt(ServerUnderTest.Db db,
                                                                                    @TempDir Path dir) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        MutableClock clock = new MutableClock(NOW);
        // the server itself has no mail server: only the two senders below send
        try (VenueDeskServer server = NotificationsIT.start(db, dir, clock, Mailbox.FAST)) {
            NotificationSettings settings = Mailbox.FAST.withSmtp(Mailbox.smtp(smtp.getSmtp().getPort()));
            UUID id = queue(server, clock);

            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch wake = new CountDownLatch(1);
            MailTransport dying = mail -> {
                inside.countDown();
                try {
                    wake.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new DeliveryException("connection reset", false, null);
            };
            NotificationSender first = sender(server, dying, settings, clock, "instance-a");
            Thread a = new Thread(first::runOnce, "instance-a-sender");
            a.start();
            assertThat(inside.await(10, TimeUnit.SECONDS)).as("the first sender is inside the send").isTrue();

            NotificationSender second = sender(server, new SmtpMailTransport(settings.smtp()), settings, clock,
                    "instance-b");
            assertThat(second.runOnce()).as("the row is leased to the first sender").isZero();
            clock.advance(settings.lease().plusSeconds(1));
            assertThat(second.runOnce()).as("the lease ran out: the second sender takes it").isEqualTo(1);
            await("one mail", () -> smtp.getReceivedMessages().length == 1);

            wake.countDown();
            a.join(10_000);
            assertThat(second.runOnce()).isZero();
            clock.advance(Duration.ofHours(1));
            assertThat(second.runOnce()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            var stored = server.notifications().list(null, null, 10).get(0);
            assertThat(stored.id()).isEqualTo(id);
            assertThat(stored.state()).as("the first sender's late failure changed nothing")
                    .isEqualTo(NotificationState.SENT);
            assertThat(stored.attempts()).isEqualTo(2);
            assertThat(stored.steps()).extracting(NotificationStore.Step::detail)
                    .anyMatch(d -> d != null && d.startsWith("again after an interrupted send"));
        } finally {
            smtp.stop();
        }
    }

    /**
     * The window no protocol closes: the mail server accepted the message and the sender died before it recorded
     * SENT. After the lease the message goes out again, with the same Message-ID, which is what lets mail stores and
     * clients show it once. (docs/ARCHITECTURE.md, "Notifications".)
     */
    @Test
    void aSenderThatDiesAfterTheMailServerAcceptedResendsTheSameMessageIdAfterTheLease(@TempDir Path dir)
            throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        MutableClock clock = new MutableClock(NOW);
        try (VenueDeskServer server = NotificationsIT.start(ServerUnderTest.Db.H2, dir, clock, Mailbox.FAST)) {
            NotificationSettings settings = Mailbox.FAST.withSmtp(Mailbox.smtp(smtp.getSmtp().getPort()));
            queue(server, clock);
            SmtpMailTransport real = new SmtpMailTransport(settings.smtp());
            AtomicInteger sends = new AtomicInteger();
            MailTransport diesAfterAcceptance = mail -> {
                real.send(mail);
                sends.incrementAndGet();
                throw new ProcessDied();
            };
            try {
                sender(server, diesAfterAcceptance, settings, clock, "instance-a").runOnce();
            } catch (ProcessDied expected) {
                // the process is gone; its row stays SENDING
            }
            assertThat(sends.get()).isEqualTo(1);
            clock.advance(settings.lease().plusSeconds(1));
            assertThat(sender(server, real, settings, clock, "instance-b").runOnce()).isEqualTo(1);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
        } finally {
            smtp.stop();
        }
    }

    /** What a kill -9 looks like from inside the send: nothing after it runs. */
    private static final class ProcessDied extends Error {
    }

    private static UUID queue(VenueDeskServer server, MutableClock clock) {
        UUID id = UUID.randomUUID();
        server.database().inTransaction(session -> session.doReturningWork(c -> NotificationStore.insertIfAbsent(c,
                new NotificationStore.NewNotification(id, "test:" + id, UUID.randomUUID(), null,
                        NotificationKind.CONFIRMATION, Channel.EMAIL, "ada@example.com", "en", 1L,
                        NotificationState.QUEUED, clock.instant(), null, "Booking confirmed", "Hello", "<p>Hello</p>",
                        null, null, null), clock.instant())));
        return id;
    }

    private static NotificationSender sender(VenueDeskServer server, MailTransport mail, NotificationSettings settings,
                                             MutableClock clock, String instance) {
        return new NotificationSender(server.notifications(),
                new ContactPreferences(server.database(), clock), mail, null, settings,
                () -> URI.create("http://127.0.0.1:" + server.port()), new UnsubscribeTokens(new byte[32]), clock,
                instance);
    }

    private static long count(ApiClient admin, String state) {
        ApiClient.Reply r = admin.get("/api/v1/notifications?state=" + state);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().size();
    }

    private static List<String> messageIds(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

}
