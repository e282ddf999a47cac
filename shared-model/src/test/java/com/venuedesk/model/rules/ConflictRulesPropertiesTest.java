package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of the conflict rule over random calendars. Each repetition draws its data from {@code new Random(n)} for
 * repetition n, so a failure names the seed that reproduces it.
 */
class ConflictRulesPropertiesTest {
    private static final String SEEDED = "{displayName} [seed {currentRepetition}]";
    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");
    private static final UUID ROOM = Venue.id("Boardroom");
    private static final UUID OTHER_ROOM = Venue.id("Studio");

    @RepeatedTest(value = 300, name = SEEDED)
    void overlapIsSymmetric(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        TimeRange a = randomRange(random);
        TimeRange b = randomRange(random);

        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
        boolean aBlocksB = !ConflictRules.isFree(ROOM, b, null, List.of(booking("a", ROOM, a, BookingStatus.CONFIRMED)));
        boolean bBlocksA = !ConflictRules.isFree(ROOM, a, null, List.of(booking("b", ROOM, b, BookingStatus.CONFIRMED)));
        assertThat(aBlocksB).isEqualTo(bBlocksA).isEqualTo(a.overlaps(b));
    }

    @RepeatedTest(value = 300, name = SEEDED)
    void touchingRangesNeverConflict(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        TimeRange first = randomRange(random);
        TimeRange after = TimeRange.of(first.end(), Duration.ofMinutes(1 + random.nextInt(240)));
        TimeRange before = new TimeRange(first.start().minus(Duration.ofMinutes(1 + random.nextInt(240))), first.start());
        List<Booking> existing = List.of(booking("first", ROOM, first, BookingStatus.CONFIRMED));

        assertThat(ConflictRules.isFree(ROOM, after, null, existing)).isTrue();
        assertThat(ConflictRules.isFree(ROOM, before, null, existing)).isTrue();
    }

    @RepeatedTest(value = 300, name = SEEDED)
    void aRangeConflictsExactlyWithTheActiveBookingsOfItsResourceThatOverlapIt(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        List<Booking> existing = new ArrayList<>();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            BookingStatus status = BookingStatus.values()[random.nextInt(BookingStatus.values().length)];
            existing.add(booking("b" + i, random.nextInt(4) == 0 ? OTHER_ROOM : ROOM, randomRange(random), status));
        }
        TimeRange wanted = randomRange(random);
        UUID ignored = existing.isEmpty() || random.nextBoolean() ? null : existing.get(random.nextInt(existing.size())).id();

        List<Booking> expected = existing.stream()
                .filter(b -> b.resourceId().equals(ROOM) && b.isActive() && !b.id().equals(ignored))
                .filter(b -> b.range().start().isBefore(wanted.end()) && wanted.start().isBefore(b.range().end()))
                .toList();
        List<Booking> conflicts = ConflictRules.conflictsWith(ROOM, wanted, ignored, existing);

        assertThat(conflicts).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(conflicts).isSortedAccordingTo(ConflictRules.BY_START);
        assertThat(ConflictRules.isFree(ROOM, wanted, ignored, existing)).isEqualTo(expected.isEmpty());
    }

    /** Ranges within one day on a 5-minute grid, so that overlaps and touching ends are frequent. */
    private static TimeRange randomRange(Random random) {
        Instant start = DAY.plus(Duration.ofMinutes(5L * random.nextInt(288)));
        return TimeRange.of(start, Duration.ofMinutes(5L * (1 + random.nextInt(36))));
    }
}
