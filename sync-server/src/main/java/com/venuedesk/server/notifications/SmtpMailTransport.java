package com.venuedesk.server.notifications;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail over SMTP with Angus Mail. An invite is sent as calendar clients expect it (RFC 6047): a
 * {@code multipart/alternative} of the plain text, the HTML and {@code text/calendar; method=REQUEST|CANCEL} (the same
 * method as the VCALENDAR's), inside {@code multipart/mixed} with the same calendar as an {@code invite.ics} file for
 * clients that only look at attachments. Connect, read and write time out after the configured timeout, which is
 * well within the sender's lease.
 */
public final class SmtpMailTransport implements MailTransport {
    private final NotificationSettings.SmtpSettings smtp;
    private final Session session;
    private final String domain;

    public SmtpMailTransport(NotificationSettings.SmtpSettings smtp) {
        this.smtp = smtp;
        Properties p = new Properties();
        String protocol = smtp.tls() == NotificationSettings.SmtpSettings.Tls.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", smtp.host());
        p.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        p.put("mail." + protocol + ".auth", Boolean.toString(smtp.user() != null));
        String millis = Long.toString(smtp.timeout().toMillis());
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        p.put("mail." + protocol + ".writetimeout", millis);
        if (smtp.tls() == NotificationSettings.SmtpSettings.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.tls() != NotificationSettings.SmtpSettings.Tls.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
        String from = smtp.fromAddress();
        this.domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "venuedesk";
    }

    @Override
    public String send(OutgoingMail mail) throws DeliveryException {
        String messageId = mail.messageId(domain);
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setContent(body(mail));
            message.saveChanges();
            try (Transport transport = session.getTransport()) {
                transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return messageId;
        } catch (AddressException e) {
            throw new DeliveryException("not a valid address: " + mail.to(), true, e);
        } catch (SendFailedException e) {
            throw new DeliveryException("the mail server refused it: " + e.getMessage(), permanent(e), e);
        } catch (MessagingException e) {
            throw new DeliveryException("mail server: " + e.getMessage(), false, e);
        }
    }

    /** A 5xx for the address or the message is final; a 4xx (and anything else) is worth another try. */
    private static boolean permanent(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (next instanceof SMTPSendFailedException f && f.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    private static MimeMultipart body(OutgoingMail mail) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        if (mail.ics() == null) {
            return alternative;
        }
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + mail.icsMethod())));
        calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + mail.icsMethod());
        alternative.addBodyPart(calendar);

        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart wrapped = new MimeBodyPart();
        wrapped.setContent(alternative);
        mixed.addBodyPart(wrapped);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8),
                "application/ics; name=invite.ics")));
        file.setFileName("invite.ics");
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(file);
        return mixed;
    }

    /** A message whose Message-ID is the one derived from its notification, not a fresh one per save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
