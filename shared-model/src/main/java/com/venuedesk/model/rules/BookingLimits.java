package com.venuedesk.model.rules;

import com.venuedesk.model.domain.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How long one booking may be and where on the calendar a venue's times may lie: the one rule that the desk's forms
 * and the server's validation of every booking, quote, availability and list query share (and of the days of
 * blackouts and opening hours). Without it, one request
 * for a slot ending in the year 99999 kept the booking writer computing opening hours for a minute.
 *
 * @param maxBookingLength the longest booking (and quote) a venue takes, e.g. four weeks
 * @param earliest         no time before this instant is accepted (inclusive)
 * @param latest           no time after this instant is accepted (inclusive)
 * @param maxQuerySpan     the longest range a read of free time or of bookings may ask for at once
 */
public record BookingLimits(Duration maxBookingLength, Instant earliest, Instant latest, Duration maxQuerySpan) {
    /** Four weeks: a long hotel stay or an equipment rental, far from a typo's decades. */
    public static final Duration DEFAULT_MAX_BOOKING_LENGTH = Duration.ofDays(28);
    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant DEFAULT_LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** A quarter and a bit: what a manager's calendar or an availability search looks at, at most. */
    public static final Duration DEFAULT_MAX_QUERY_SPAN = Duration.ofDays(93);

    public BookingLimits {
        Objects.requireNonNull(maxBookingLength, "maxBookingLength");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(maxQuerySpan, "maxQuerySpan");
        if (maxBookingLength.isNegative() || maxBookingLength.isZero()) {
            throw new IllegalArgumentException("maxBookingLength must be positive");
        }
        if (maxQuerySpan.isNegative() || maxQuerySpan.isZero()) {
            throw new IllegalArgumentException("maxQuerySpan must be positive");
        }
        if (!latest.isAfter(earliest)) {
            throw new IllegalArgumentException("latest must be after earliest");
        }
    }

    /** The defaults: bookings of at most 28 days, times in [2000-01-01, 2100-01-01], reads of at most 93 days. */
    public static BookingLimits standard() {
        return new BookingLimits(DEFAULT_MAX_BOOKING_LENGTH, DEFAULT_EARLIEST, DEFAULT_LATEST, DEFAULT_MAX_QUERY_SPAN);
    }

    /** The same limits with another longest booking (configured per installation). */
    public BookingLimits withMaxBookingLength(Duration length) {
        return new BookingLimits(length, earliest, latest, maxQuerySpan);
    }

    /**
     * Refuses a booking's (or a quote's) time: either end outside the calendar window, the end not after the start,
     * or longer than {@link #maxBookingLength}.
     *
     * @throws DomainException naming {@code startField} or {@code endField}
     */
    public void checkBooking(String startField, Instant start, String endField, Instant end) {
        checkRange(startField, start, endField, end, maxBookingLength, "a booking");
    }

    /** Refuses a range to read (free time, bookings): outside the calendar window, or longer than the query span. */
    public void checkQuery(String fromField, Instant from, String toField, Instant to) {
        checkRange(fromField, from, toField, to, maxQuerySpan, "a query");
    }

    /** Refuses one instant outside the calendar window; null passes (the caller decides whether it is required). */
    public void checkInstant(String field, Instant instant) {
        if (instant != null && (instant.isBefore(earliest) || instant.isAfter(latest))) {
            throw new DomainException(field, field + " must lie between " + earliest + " and " + latest);
        }
    }

    /** Refuses a venue-local day (blackouts, validity of opening hours) outside the calendar window; null passes. */
    public void checkDay(String field, LocalDate day) {
        if (day != null && (day.isBefore(earliest.atOffset(ZoneOffset.UTC).toLocalDate())
                || day.isAfter(latest.atOffset(ZoneOffset.UTC).toLocalDate()))) {
            throw new DomainException(field, field + " must lie between " + earliest.atOffset(ZoneOffset.UTC).toLocalDate()
                    + " and " + latest.atOffset(ZoneOffset.UTC).toLocalDate());
        }
    }

    private void checkRange(String startField, Instant start, String endField, Instant end, Duration longest,
                            String what) {
        if (start == null) {
            throw new DomainException(startField, startField + " is required");
        }
        if (end == null) {
            throw new DomainException(endField, endField + " is required");
        }
        checkInstant(startField, start);
        checkInstant(endField, end);
        if (!end.isAfter(start)) {
            throw new DomainException(endField, endField + " must be after " + startField);
        }
        if (Duration.between(start, end).compareTo(longest) > 0) {
            throw new DomainException(endField, what + " may last at most " + describe(longest));
        }
    }

    private static String describe(Duration d) {
        return d.toHours() % 24 == 0 && d.toDays() > 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
