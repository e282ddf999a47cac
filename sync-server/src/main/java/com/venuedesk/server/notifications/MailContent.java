package com.venuedesk.server.notifications;

import java.util.List;

/**
 * What the templates ({@code src/main/jte}) render, already in the recipient's language: the HTML and the plain-text
 * body come from the same content.
 */
public record MailContent(String language, String subject, String heading, List<String> paragraphs, List<Fact> facts,
                          String venueName, String venueAddress, String unsubscribeUrl, String unsubscribeLabel) {
    public MailContent {
        paragraphs = List.copyOf(paragraphs);
        facts = List.copyOf(facts);
    }

    /** One line of the booking's details: "When: Mon 30 Mar 2026, 10:00-11:00 (Europe/Berlin)". */
    public record Fact(String label, String value) { }
}
