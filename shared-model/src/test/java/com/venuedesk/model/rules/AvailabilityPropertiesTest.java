package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.NEW_YORK;
import static com.venuedesk.model.rules.Venue.openEveryDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Bookability.Bookable;
import com.venuedesk.model.rules.Bookability.NotBookable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Availability across the 2026 DST changes of Europe/Berlin and America/New_York. The first repetitions are the change
 * days themselves; the rest draw a random date of 2026 from {@code new Random(n)}.
 */
class AvailabilityPropertiesTest {
    private static final String SEEDED = "{displayName} [seed {currentRepetition}]";
    private static final List<ZoneId> ZONES = List.of(BERLIN, NEW_YORK);
    private static final Map<ZoneId, LocalDate> SPRING_FORWARD = Map.of(
            BERLIN, LocalDate.parse("2026-03-29"), NEW_YORK, LocalDate.parse("2026-03-08"));
    private static final Map<ZoneId, LocalDate> FALL_BACK = Map.of(
            BERLIN, LocalDate.parse("2026-10-25"), NEW_YORK, LocalDate.parse("2026-11-01"));

    @RepeatedTest(value = 400, name = SEEDED)
    void aRangeInsideEightToEightIsBookableAndOneStartingAtSevenIsNot(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        ZoneId zone = zone(seed);
        LocalDate date = date(seed, random);
        Resource room = Venue.room("Room " + zone, 8, "30.00", zone);
        List<AvailabilityRule> rules = openEveryDay(room, "08:00", "20:00");

        int startMinute = 8 * 60 + random.nextInt(11 * 60 + 1);
        int length = 1 + random.nextInt(20 * 60 - startMinute);
        TimeRange inside = TimeRange.of(instant(date, startMinute, zone), Duration.ofMinutes(length));
        TimeRange early = TimeRange.of(instant(date, 7 * 60, zone), Duration.ofMinutes(30L + random.nextInt(180)));

        assertThat(Availability.check(room, inside, rules, List.of())).as("%s on %s in %s", inside, date, zone)
                .isEqualTo(new Bookable());
        assertThat(Availability.check(room, early, rules, List.of())).as("%s on %s in %s", early, date, zone)
                .isInstanceOfSatisfying(NotBookable.class, no -> assertThat(no.field()).isEqualTo("start"));
    }

    @RepeatedTest(value = 400, name = SEEDED)
    void openingHoursKeepTheirLengthExceptWhereTheClockChangesInsideThem(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        ZoneId zone = zone(seed);
        LocalDate date = date(seed, random);
        Resource room = Venue.room("Room " + zone, 8, "30.00", zone);
        int shift = date.equals(FALL_BACK.get(zone)) ? 1 : date.equals(SPRING_FORWARD.get(zone)) ? -1 : 0;

        assertThat(onlyWindow(room, date, openEveryDay(room, "08:00", "20:00")).duration()).isEqualTo(Duration.ofHours(12));
        assertThat(onlyWindow(room, date, openEveryDay(room, "01:00", "05:00")).duration())
                .isEqualTo(Duration.ofHours(4 + shift));
        assertThat(onlyWindow(room, date, openEveryDay(room, "00:00", "00:00")).duration())
                .isEqualTo(Duration.ofHours(24 + shift));
    }

    @RepeatedTest(value = 300, name = SEEDED)
    void checkSaysBookableExactlyWhenOneOpenWindowHoldsTheWholeRange(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        ZoneId zone = zone(seed);
        LocalDate date = date(seed, random);
        Resource room = Venue.room("Room " + zone, 8, "30.00", zone);
        List<AvailabilityRule> rules = randomRules(room, random);
        List<Blackout> blackouts = random.nextInt(4) == 0
                ? List.of(Venue.blackout(null, date.plusDays(random.nextInt(3) - 1).toString(),
                        date.plusDays(1).toString(), "Works"))
                : List.of();
        TimeRange range = TimeRange.of(instant(date, 15 * random.nextInt(96), zone),
                Duration.ofMinutes(15L * (1 + random.nextInt(4 * 30))));

        List<TimeRange> windows = Availability.openWindows(room, date.minusDays(1), date.plusDays(3), rules, blackouts);
        boolean inOneWindow = windows.stream().anyMatch(w -> w.contains(range));

        assertThat(Availability.check(room, range, rules, blackouts).isBookable())
                .as("%s with %s and %s", range, rules, blackouts).isEqualTo(inOneWindow);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start()).isAfter(windows.get(i - 1).end());
        }
    }

    /** A few opening and closing rules on random weekdays, including ones across the DST hours and to midnight. */
    static List<AvailabilityRule> randomRules(Resource room, Random random) {
        List<AvailabilityRule> rules = new ArrayList<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            int from = random.nextInt(24 * 4);
            int to = from + 1 + random.nextInt(24 * 4 - from);
            boolean available = random.nextInt(4) != 0;
            rules.add(Venue.rule(room, day, quarter(from), to == 96 ? "00:00" : quarter(to), available, null, null));
        }
        return rules;
    }

    private static String quarter(int quarterOfDay) {
        return LocalTime.MIDNIGHT.plusMinutes(15L * quarterOfDay).toString();
    }

    private static TimeRange onlyWindow(Resource room, LocalDate date, List<AvailabilityRule> rules) {
        List<TimeRange> windows = Availability.openWindows(room, date, date, rules, List.of());
        assertThat(windows).hasSize(1);
        return windows.get(0);
    }

    /** The local wall-clock time {@code minuteOfDay} on {@code date}, as ZonedDateTime resolves it. */
    private static Instant instant(LocalDate date, int minuteOfDay, ZoneId zone) {
        return date.atStartOfDay().plusMinutes(minuteOfDay).atZone(zone).toInstant();
    }

    private static ZoneId zone(RepetitionInfo seed) {
        return ZONES.get(seed.getCurrentRepetition() % 2);
    }

    /** Repetitions 1-4 are the DST change days (spring and autumn, both zones); the rest are random days of 2026. */
    private static LocalDate date(RepetitionInfo seed, Random random) {
        ZoneId zone = zone(seed);
        switch (seed.getCurrentRepetition()) {
            case 1, 2:
                return SPRING_FORWARD.get(zone);
            case 3, 4:
                return FALL_BACK.get(zone);
            default:
                return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        }
    }
}
