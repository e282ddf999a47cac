package com.venuedesk.server.notifications;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each kind of message says, in English and German (the desk's languages), with times in the resource's time
 * zone. The templates lay it out; this class only chooses the words.
 */
final class Wording {
    static final List<String> LANGUAGES = List.of("en", "de");

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("CONFIRMATION.subject", "Booking confirmed: %s"),
                    Map.entry("CONFIRMATION.heading", "Your booking is confirmed"),
                    Map.entry("CONFIRMATION.body", "Hello %s, we look forward to seeing you. The invitation attached adds the booking to your calendar."),
                    Map.entry("UPDATE.subject", "Booking changed: %s"),
                    Map.entry("UPDATE.heading", "Your booking has changed"),
                    Map.entry("UPDATE.body", "Hello %s, your booking has moved. Your calendar entry is updated with the new details below."),
                    Map.entry("CANCELLATION.subject", "Booking cancelled: %s"),
                    Map.entry("CANCELLATION.heading", "Your booking is cancelled"),
                    Map.entry("CANCELLATION.body", "Hello %s, your booking below has been cancelled and is removed from your calendar."),
                    Map.entry("REMINDER.subject", "Reminder: %s"),
                    Map.entry("REMINDER.heading", "See you soon"),
                    Map.entry("REMINDER.body", "Hello %s, this is a reminder of your booking below."),
                    Map.entry("APPROVAL_NEEDED.subject", "Approval needed: %s"),
                    Map.entry("APPROVAL_NEEDED.heading", "A booking waits for your approval"),
                    Map.entry("APPROVAL_NEEDED.body", "A booking for %s needs a manager's approval. Approve or cancel it in VenueDesk."),
                    Map.entry("what", "What"), Map.entry("when", "When"), Map.entry("where", "Where"),
                    Map.entry("guest", "Guest"), Map.entry("reference", "Reference"),
                    Map.entry("unsubscribe", "Stop e-mails like this one"),
                    Map.entry("sms.CONFIRMATION", "%s: booking confirmed, %s, %s. Reply STOP to opt out."),
                    Map.entry("sms.REMINDER", "%s: reminder of your booking %s, %s. Reply STOP to opt out.")),
            "de", Map.ofEntries(
                    Map.entry("CONFIRMATION.subject", "Buchung bestätigt: %s"),
                    Map.entry("CONFIRMATION.heading", "Ihre Buchung ist bestätigt"),
                    Map.entry("CONFIRMATION.body", "Hallo %s, wir freuen uns auf Ihren Besuch. Mit der beigefügten Einladung tragen Sie die Buchung in Ihren Kalender ein."),
                    Map.entry("UPDATE.subject", "Buchung geändert: %s"),
                    Map.entry("UPDATE.heading", "Ihre Buchung wurde geändert"),
                    Map.entry("UPDATE.body", "Hallo %s, Ihre Buchung wurde verschoben. Ihr Kalendereintrag wird mit den neuen Angaben unten aktualisiert."),
                    Map.entry("CANCELLATION.subject", "Buchung storniert: %s"),
                    Map.entry("CANCELLATION.heading", "Ihre Buchung ist storniert"),
                    Map.entry("CANCELLATION.body", "Hallo %s, Ihre Buchung unten wurde storniert und aus Ihrem Kalender entfernt."),
                    Map.entry("REMINDER.subject", "Erinnerung: %s"),
                    Map.entry("REMINDER.heading", "Bis bald"),
                    Map.entry("REMINDER.body", "Hallo %s, wir erinnern Sie an Ihre Buchung unten."),
                    Map.entry("APPROVAL_NEEDED.subject", "Freigabe nötig: %s"),
                    Map.entry("APPROVAL_NEEDED.heading", "Eine Buchung wartet auf Ihre Freigabe"),
                    Map.entry("APPROVAL_NEEDED.body", "Eine Buchung von %s muss von einer Leitung freigegeben werden. Geben Sie sie in VenueDesk frei oder stornieren Sie sie."),
                    Map.entry("what", "Was"), Map.entry("when", "Wann"), Map.entry("where", "Wo"),
                    Map.entry("guest", "Gast"), Map.entry("reference", "Buchungsnummer"),
                    Map.entry("unsubscribe", "Keine solchen E-Mails mehr erhalten"),
                    Map.entry("sms.CONFIRMATION", "%s: Buchung bestätigt, %s, %s. Antworten Sie STOP zum Abbestellen."),
                    Map.entry("sms.REMINDER", "%s: Erinnerung an Ihre Buchung %s, %s. Antworten Sie STOP zum Abbestellen.")));

    private Wording() {
    }

    static String language(String wanted) {
        return wanted != null && LANGUAGES.contains(wanted.toLowerCase(Locale.ROOT)) ? wanted.toLowerCase(Locale.ROOT) : "en";
    }

    static MailContent mail(NotificationKind kind, String language, BookingFacts booking, String venueName,
                            String unsubscribeUrl) {
        String lang = language(language);
        Map<String, String> t = TEXT.get(lang);
        String addressee = kind == NotificationKind.APPROVAL_NEEDED ? booking.customerName() : firstName(booking.customerName());
        List<MailContent.Fact> facts = new ArrayList<>();
        facts.add(new MailContent.Fact(t.get("what"), booking.resourceName()));
        facts.add(new MailContent.Fact(t.get("when"), when(booking, lang)));
        if (booking.address() != null) {
            facts.add(new MailContent.Fact(t.get("where"), booking.address()));
        }
        if (kind == NotificationKind.APPROVAL_NEEDED) {
            facts.add(new MailContent.Fact(t.get("guest"), booking.customerName()));
        }
        facts.add(new MailContent.Fact(t.get("reference"), booking.bookingId().toString().substring(0, 8)));
        return new MailContent(lang, String.format(t.get(kind + ".subject"), booking.resourceName() + ", "
                + shortDate(booking, lang)), t.get(kind + ".heading"),
                List.of(String.format(t.get(kind + ".body"), addressee)), facts, venueName, booking.address(),
                unsubscribeUrl, t.get("unsubscribe"));
    }

    static String sms(NotificationKind kind, String language, BookingFacts booking, String venueName) {
        Map<String, String> t = TEXT.get(language(language));
        return String.format(t.get("sms." + kind), venueName, booking.resourceName(), when(booking, language(language)));
    }

    /** "Monday, 30 March 2026, 10:00-11:00 (Europe/Berlin)", in the resource's zone. */
    static String when(BookingFacts booking, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        ZonedDateTime start = booking.start().atZone(booking.zone());
        ZonedDateTime end = booking.end().atZone(booking.zone());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? end.format(time)
                : end.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)) + " " + end.format(time);
        return start.format(date) + ", " + start.format(time) + "-" + endText + " (" + booking.zone().getId() + ")";
    }

    private static String shortDate(BookingFacts booking, String lang) {
        return booking.start().atZone(booking.zone()).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(lang)));
    }

    private static String firstName(String name) {
        return name == null || name.isBlank() ? "" : name.strip().split("\\s+")[0];
    }
}
