package com.venuedesk.model.rules;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Bookability.Bookable;
import com.venuedesk.model.rules.Bookability.NotBookable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a resource may be booked: its opening hours, recurring closures and blackout days, all read in the venue's time
 * zone ({@link Resource#timeZone()}).
 *
 * <ul>
 *   <li>Only rules and blackouts that apply to the resource count (blackouts with a null resource apply to all).</li>
 *   <li>A resource without opening hours (no {@code available = true} rule of its own) is open around the clock;
 *       its {@code available = false} rules and blackouts still close it.</li>
 *   <li>Otherwise a range is bookable when every instant of it lies in an opening window of its local day and in no
 *       closure window. Windows of consecutive days that touch (e.g. 18:00-24:00 and 00:00-02:00) join, so a range
 *       may span midnight or several days.</li>
 *   <li>No local date the range touches may be blacked out.</li>
 *   <li>An inactive resource is not bookable at all.</li>
 * </ul>
 *
 * <p>Local times become instants on the actual date with {@link ZonedDateTime}, so DST is respected: on a
 * spring-forward day a time in the gap moves forward by the gap (02:30 becomes 03:30 in Europe/Berlin), on a
 * fall-back day an ambiguous time takes the earlier offset, and an 08:00-20:00 window is 12 hours long either way.
 */
public final class Availability {

    private Availability() {
    }

    /** Whether {@code resource} may be booked for {@code range}, with the reason in the venue's words when not. */
    public static Bookability check(Resource resource, TimeRange range, Collection<AvailabilityRule> rules,
                                    Collection<Blackout> blackouts) {
        if (!resource.active()) {
            return new NotBookable("resourceId", resource.name() + " is out of service");
        }
        ZoneId zone = resource.timeZone();
        LocalDate first = localDate(range.start(), zone);
        LocalDate last = localDate(range.end().minusNanos(1), zone);
        List<AvailabilityRule> own = ownRules(resource, rules);
        List<Blackout> ownBlackouts = ownBlackouts(resource, blackouts);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Blackout> blackout = blackoutOn(date, ownBlackouts);
            if (blackout.isPresent()) {
                return new NotBookable(date.equals(first) ? "start" : "end", blackoutReason(blackout.get(), date));
            }
        }
        List<TimeRange> open = windows(zone, first, last, own, ownBlackouts);
        if (Intervals.anyContains(open, range)) {
            return new Bookable();
        }
        Instant firstClosed = firstUncovered(open, range);
        String field = firstClosed.equals(range.start()) ? "start" : "end";
        return new NotBookable(field, whyClosed(firstClosed, zone, own));
    }

    /**
     * The bookable windows of {@code resource} from the start of {@code from} to the end of {@code toInclusive}
     * (venue dates), merged and in order. Bookings are not subtracted: combine with {@link ConflictRules} for that.
     */
    public static List<TimeRange> openWindows(Resource resource, LocalDate from, LocalDate toInclusive,
                                              Collection<AvailabilityRule> rules, Collection<Blackout> blackouts) {
        if (toInclusive.isBefore(from)) {
            throw new DomainException("to", "to must not be before from");
        }
        if (!resource.active()) {
            return List.of();
        }
        return windows(resource.timeZone(), from, toInclusive, ownRules(resource, rules), ownBlackouts(resource, blackouts));
    }

    private static List<TimeRange> windows(ZoneId zone, LocalDate from, LocalDate toInclusive,
                                           List<AvailabilityRule> own, List<Blackout> ownBlackouts) {
        boolean hasOpeningHours = own.stream().anyMatch(AvailabilityRule::available);
        List<TimeRange> all = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(toInclusive); date = date.plusDays(1)) {
            if (blackoutOn(date, ownBlackouts).isEmpty()) {
                all.addAll(windowsOfDay(date, zone, own, hasOpeningHours));
            }
        }
        return Intervals.merge(all);
    }

    private static List<TimeRange> windowsOfDay(LocalDate date, ZoneId zone, List<AvailabilityRule> own,
                                                boolean hasOpeningHours) {
        List<TimeRange> open = new ArrayList<>();
        List<TimeRange> closed = new ArrayList<>();
        if (!hasOpeningHours) {
            open.add(new TimeRange(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        for (AvailabilityRule rule : own) {
            if (rule.appliesOn(date)) {
                TimeRange window = window(rule, date, zone);
                if (window != null) {
                    (rule.available() ? open : closed).add(window);
                }
            }
        }
        return Intervals.subtract(Intervals.merge(open), Intervals.merge(closed));
    }

    /** The rule's window on {@code date} as instants; null when it falls entirely into a DST gap. */
    private static TimeRange window(AvailabilityRule rule, LocalDate date, ZoneId zone) {
        Instant start = ZonedDateTime.of(date, rule.startTime(), zone).toInstant();
        Instant end = rule.endsAtMidnight()
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(date, rule.endTime(), zone).toInstant();
        return Intervals.rangeOrNull(start, end);
    }

    private static Instant firstUncovered(List<TimeRange> open, TimeRange range) {
        int i = Intervals.lastStartingAtOrBefore(open, range.start());
        if (i >= 0 && open.get(i).contains(range.start())) {
            return open.get(i).end();
        }
        return range.start();
    }

    private static String whyClosed(Instant instant, ZoneId zone, List<AvailabilityRule> own) {
        LocalDate date = localDate(instant, zone);
        DayOfWeek day = date.getDayOfWeek();
        for (AvailabilityRule rule : own) {
            if (!rule.available() && rule.appliesOn(date)) {
                TimeRange window = window(rule, date, zone);
                if (window != null && window.contains(instant)) {
                    return "closed on " + plural(day) + " from " + hhmm(rule.startTime()) + " to " + endText(rule);
                }
            }
        }
        List<AvailabilityRule> openThatDay = own.stream()
                .filter(r -> r.available() && r.appliesOn(date))
                .sorted(Comparator.comparing(AvailabilityRule::startTime))
                .toList();
        if (openThatDay.isEmpty()) {
            boolean everOpenThatWeekday = own.stream().anyMatch(r -> r.available() && r.dayOfWeek() == day);
            return everOpenThatWeekday ? "closed on " + name(day) + " " + date : "closed on " + plural(day);
        }
        String hours = openThatDay.stream()
                .map(r -> hhmm(r.startTime()) + "-" + endText(r))
                .collect(Collectors.joining(", "));
        return "outside opening hours (" + plural(day) + " " + hours + ")";
    }

    private static Optional<Blackout> blackoutOn(LocalDate date, List<Blackout> ownBlackouts) {
        return ownBlackouts.stream().filter(b -> b.covers(date)).findFirst();
    }

    private static String blackoutReason(Blackout blackout, LocalDate date) {
        return blackout.reason().isBlank() ? "blackout: closed on " + date : "blackout: " + blackout.reason();
    }

    private static List<AvailabilityRule> ownRules(Resource resource, Collection<AvailabilityRule> rules) {
        return rules == null ? List.of()
                : rules.stream().filter(r -> r.resourceId().equals(resource.id())).toList();
    }

    private static List<Blackout> ownBlackouts(Resource resource, Collection<Blackout> blackouts) {
        return blackouts == null ? List.of()
                : blackouts.stream().filter(b -> b.appliesTo(resource.id())).toList();
    }

    static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String plural(DayOfWeek day) {
        return name(day) + "s";
    }

    private static String hhmm(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    private static String endText(AvailabilityRule rule) {
        return rule.endsAtMidnight() ? "24:00" : hhmm(rule.endTime());
    }
}
