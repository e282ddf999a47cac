package com.venuedesk.desk.i18n;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refusals in the desk's language. The server answers with a stable problem {@code type} (problem+json) or, for a
 * pushed mutation, a field and status; the shared rules give English sentences of a few known shapes ("closed on
 * Sundays"). Each is said in the desk's own words; the server's or rule's English text is only the fallback for
 * what the desk does not know yet.
 */
public final class RefusalWords {
    private static final String TYPE_BASE = "https://venuedesk.dev/problems/";
    private static final Pattern OUT_OF_SERVICE = Pattern.compile("(.+) is out of service");
    private static final Pattern BLACKOUT_DATE = Pattern.compile("blackout: closed on (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern BLACKOUT = Pattern.compile("blackout: (.+)");
    private static final Pattern CLOSED_FROM_TO = Pattern.compile("closed on (\\w+)days from (\\d\\d:\\d\\d) to (\\d\\d:\\d\\d)");
    private static final Pattern CLOSED_ON_DATE = Pattern.compile("closed on (\\w+)day (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern CLOSED_ON_DAYS = Pattern.compile("closed on (\\w+)days");
    private static final Pattern OUTSIDE_HOURS = Pattern.compile("outside opening hours \\((\\w+)days (.+)\\)");
    private static final Pattern FIELD_PREFIX = Pattern.compile("([a-zA-Z]+(?:\\.[a-zA-Z]+)?): (.+)");
    private static final Pattern STATUS = Pattern.compile("a (\\w+) booking (?:can become|is final and cannot become|cannot be).*");

    private final Messages messages;
    private final VenueFormats formats;

    public RefusalWords(Messages messages, VenueFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** A problem+json answer: the desk's words for its {@code type}, else the server's detail (or title). */
    public String problem(String type, String detail, String title) {
        String slug = type == null ? "" : type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
        if (slug.equals("validation") && detail != null && !detail.isBlank()) {
            // which input and why is in the detail: the desk's words for a rule it knows, else the generic sentence
            // with the server's detail after it
            String rule = rule(detail);
            return rule.equals(detail.strip()) ? messages.get("problem.validation.detail", detail.strip()) : rule;
        }
        String key = "problem." + slug;
        String words = messages.get(key);
        if (!slug.isEmpty() && !words.equals(key)) {
            return words;
        }
        if (detail != null && !detail.isBlank()) {
            return rule(detail);
        }
        return title == null ? "" : title;
    }

    /** A pushed mutation the server rejected: by the field it names and its HTTP status; the reason as fallback. */
    public String rejected(String field, int status, String reason) {
        if (status == 403) {
            return messages.get("problem.forbidden");
        }
        if ("status".equals(field)) {
            return messages.get("refusal.status");
        }
        if (field != null && (field.equals("start") || field.equals("end") || field.equals("resourceId"))) {
            String rule = rule(reason);
            if (!rule.equals(reason)) {
                return rule;
            }
        }
        return rule(reason);
    }

    /** One of the shared rules' sentences (opening hours, blackouts, lifecycle) in the desk's language. */
    public String rule(String reason) {
        if (reason == null) {
            return "";
        }
        String text = reason.strip();
        Matcher m;

        if ((m = OUT_OF_SERVICE.matcher(text)).matches()) {
            return messages.get("refusal.outOfService", m.group(1));
        }
        if ((m = BLACKOUT_DATE.matcher(text)).matches()) {
            return messages.get("refusal.blackoutDate", formats.date(LocalDate.parse(m.group(1))));
        }
        if ((m = BLACKOUT.matcher(text)).matches()) {
            return messages.get("refusal.blackout", m.group(1));
        }
        if ((m = CLOSED_FROM_TO.matcher(text)).matches() && day(m.group(1)) != null) {
            return messages.get("refusal.closedFromTo", days(m.group(1)), m.group(2), m.group(3));
        }
        if ((m = CLOSED_ON_DATE.matcher(text)).matches() && day(m.group(1)) != null) {
            return messages.get("refusal.closedOnDate", formats.date(LocalDate.parse(m.group(2))));
        }
        if ((m = CLOSED_ON_DAYS.matcher(text)).matches() && day(m.group(1)) != null) {
            return messages.get("refusal.closedOnDays", days(m.group(1)));
        }
        if ((m = OUTSIDE_HOURS.matcher(text)).matches() && day(m.group(1)) != null) {
            return messages.get("refusal.outsideHours", days(m.group(1)), m.group(2));
        }
        if (STATUS.matcher(text).matches() || text.startsWith("only a CONFIRMED booking")) {
            return messages.get("refusal.status");
        }
        if (text.equals("the guest is already checked in")) {
            return messages.get("refusal.alreadyCheckedIn");
        }
        if (text.startsWith("the server refused this booking")) {
            return messages.get("refusal.resolveFirst");
        }
        if (text.startsWith("unknown booking")) {
            return messages.get("conflict.reason.booking");
        }
        if (text.startsWith("unknown resource")) {
            return messages.get("conflict.reason.resource");
        }
        if (text.startsWith("unknown customer")) {
            return messages.get("conflict.reason.customer");
        }
        if (text.startsWith("overlaps") || text.contains("already booked") || text.contains("overlap")) {
            return messages.get("problem.overlap");
        }
        // the desk keeps a pushed refusal as "field: reason"
        if ((m = FIELD_PREFIX.matcher(text)).matches()) {
            String inner = rule(m.group(2));
            return inner.equals(m.group(2).strip()) ? text : inner;
        }
        return text;
    }

    private static DayOfWeek day(String englishStem) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equals(englishStem + "day")) {
                return day;
            }
        }
        return null;
    }

    private String days(String englishStem) {
        return messages.get("refusal.day." + day(englishStem).name());
    }
}
