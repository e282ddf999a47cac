package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.NEW_YORK;
import static com.venuedesk.model.rules.Venue.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Suggestions over random venues drawn from {@code new Random(n)} for repetition n, around the 2026 DST changes too. */
class SlotSuggesterPropertiesTest {
    private static final String SEEDED = "{displayName} [seed {currentRepetition}]";
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));

    @RepeatedTest(value = 150, name = SEEDED)
    void everySuggestionIsFreeBookableOfTheWantedLengthAndRankedAsDocumented(RepetitionInfo seed) {
        SuggestionRequest request = randomRequest(new Random(seed.getCurrentRepetition()));

        List<Slot> slots = SlotSuggester.suggest(request);

        assertThat(slots).hasSizeLessThanOrEqualTo(request.maxResults()).doesNotHaveDuplicates();
        Map<UUID, Resource> byId = new HashMap<>();
        request.allResources().forEach(r -> byId.put(r.id(), r));
        byId.put(request.requested().id(), request.requested());
        for (Slot slot : slots) {
            Resource resource = byId.get(slot.resourceId());
            assertThat(ConflictRules.isFree(slot.resourceId(), slot.range(), null, request.bookings())).as("free %s", slot).isTrue();
            assertThat(Availability.check(resource, slot.range(), request.rulesOf(resource.id()), request.blackouts()))
                    .as("bookable %s", slot).isEqualTo(new Bookability.Bookable());
            assertThat(slot.range().duration()).isEqualTo(request.wanted().duration());
            assertThat(Slot.of(request.requested().id(), request.wanted())).isNotEqualTo(slot);
        }
        assertRankedAsDocumented(request, slots);
    }

    @RepeatedTest(value = 150, name = SEEDED)
    void suggestionsAreTheFirstFitsOfAPlainScanOfEveryCandidate(RepetitionInfo seed) {
        SuggestionRequest request = randomRequest(new Random(seed.getCurrentRepetition()));

        assertThat(SlotSuggester.suggest(request)).isEqualTo(plainScan(request));
    }

    @Test
    void aWeekEitherSideInQuarterHourStepsWithTwoThousandBookingsIsQuick() {
        Resource hall = Venue.room("Main Hall", 50, "120.00", BERLIN);
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // Back-to-back 10-minute bookings fill 2026-11-23 00:00Z to 2026-12-06 21:20Z.
            Instant start = monday.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(10L * i));
            bookings.add(booking("busy " + i, hall.id(), TimeRange.of(start, Duration.ofMinutes(10)), BookingStatus.CONFIRMED));
        }
        TimeRange wanted = TimeRange.of(monday.minus(Duration.ofDays(4)), Duration.ofHours(2));
        SuggestionRequest request = new SuggestionRequest(hall, wanted, List.of(hall), Map.of(), List.of(), bookings, 5,
                Duration.ofDays(7), Duration.ofMinutes(15));

        List<Slot> slots = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SlotSuggester.suggest(request));

        // Everything later is booked beyond the horizon, so the nearest fits end just before the first booking.
        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2026-11-22T22:00:00Z"), Instant.parse("2026-11-22T20:00:00Z"),
                Instant.parse("2026-11-22T18:00:00Z"), Instant.parse("2026-11-22T16:00:00Z"),
                Instant.parse("2026-11-22T14:00:00Z"));
    }

    private static void assertRankedAsDocumented(SuggestionRequest request, List<Slot> slots) {
        UUID requested = request.requested().id();
        int sameResource = (int) slots.stream().takeWhile(s -> s.resourceId().equals(requested)).count();
        List<Slot> same = slots.subList(0, sameResource);
        List<Slot> others = slots.subList(sameResource, slots.size());
        Instant wantedStart = request.wanted().start();
        assertThat(same).isSortedAccordingTo(Comparator
                .comparing((Slot s) -> Duration.between(wantedStart, s.start()).abs())
                .thenComparing(Slot::start));
        same.forEach(s -> assertThat(Duration.between(wantedStart, s.start()).abs())
                .isLessThanOrEqualTo(request.searchHorizon()));
        for (int i = 0; i < same.size(); i++) {
            for (int j = i + 1; j < same.size(); j++) {
                assertThat(same.get(i).range().overlaps(same.get(j).range())).as("%s and %s overlap", same.get(i), same.get(j)).isFalse();
            }
        }
        Map<UUID, Resource> byId = new HashMap<>();
        request.allResources().forEach(r -> byId.put(r.id(), r));
        List<Resource> otherResources = others.stream().map(s -> byId.get(s.resourceId())).toList();
        assertThat(others).allSatisfy(s -> assertThat(s.range()).isEqualTo(request.wanted()));
        assertThat(otherResources).allSatisfy(r -> {
            assertThat(r.active()).isTrue();
            assertThat(r.type()).isEqualTo(request.requested().type());
            assertThat(r.capacity()).isGreaterThanOrEqualTo(request.requested().capacity());
        });
        assertThat(otherResources).isSortedAccordingTo(Comparator
                .comparingInt((Resource r) -> r.capacity() - request.requested().capacity())
                .thenComparing(Resource::name));
        assertThat(new HashSet<>(otherResources)).hasSameSizeAs(otherResources);
    }

    /** The documented ranking computed the slow way: every candidate through Availability.check and ConflictRules. */
    private static List<Slot> plainScan(SuggestionRequest request) {
        int max = request.maxResults();
        List<Slot> elsewhere = new ArrayList<>();
        for (Resource other : SlotSuggester.similarResources(request)) {
            if (fits(request, other, request.wanted())) {
                elsewhere.add(Slot.of(other.id(), request.wanted()));
            }
        }
        int sameLimit = max - Math.min(elsewhere.size(), max / 2);
        List<Slot> found = new ArrayList<>();
        Resource requested = request.requested();
        long steps = request.searchHorizon().toMinutes() / request.step().toMinutes();
        for (long k = 1; k <= steps; k++) {
            for (long sign : new long[] {-1, 1}) {
                TimeRange candidate = request.wanted().shift(request.step().multipliedBy(sign * k));
                if (found.size() < sameLimit && fits(request, requested, candidate)
                        && found.stream().noneMatch(s -> s.range().overlaps(candidate))) {
                    found.add(Slot.of(requested.id(), candidate));
                }
            }
        }
        found.addAll(elsewhere);
        return found.subList(0, Math.min(found.size(), max));
    }

    private static boolean fits(SuggestionRequest request, Resource resource, TimeRange range) {
        return (request.notBefore() == null || !range.start().isBefore(request.notBefore()))
                && Availability.check(resource, range, request.rulesOf(resource.id()), request.blackouts()).isBookable()
                && ConflictRules.isFree(resource.id(), range, null, request.bookings());
    }

    private static SuggestionRequest randomRequest(Random random) {
        ZoneId zone = random.nextBoolean() ? BERLIN : NEW_YORK;
        LocalDate day = random.nextInt(3) == 0
                ? (zone.equals(BERLIN) ? LocalDate.parse("2026-10-25") : LocalDate.parse("2026-03-08"))
                : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        List<Resource> resources = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ResourceType type = random.nextInt(4) == 0 ? ResourceType.EQUIPMENT : ResourceType.MEETING_ROOM;
            resources.add(Venue.resource("Room " + (char) ('A' + random.nextInt(6)) + i, type, 1 + random.nextInt(12),
                    "30.00", zone, random.nextInt(6) != 0));
        }
        Resource requested = resources.get(0);
        Map<UUID, List<AvailabilityRule>> rules = new HashMap<>();
        for (Resource r : resources) {
            if (random.nextBoolean()) {
                rules.put(r.id(), random.nextBoolean() ? Venue.openEveryDay(r, "08:00", "20:00")
                        : AvailabilityPropertiesTest.randomRules(r, random));
            }
        }
        List<Blackout> blackouts = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            LocalDate from = day.plusDays(random.nextInt(5) - 2);
            Resource target = random.nextBoolean() ? null : resources.get(random.nextInt(resources.size()));
            blackouts.add(Venue.blackout(target, from.toString(), from.plusDays(random.nextInt(2)).toString(), "Works"));
        }
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        List<Booking> bookings = new ArrayList<>();
        int bookingCount = random.nextInt(60);
        for (int i = 0; i < bookingCount; i++) {
            Resource r = resources.get(random.nextInt(resources.size()));
            Instant start = dayStart.plus(Duration.ofMinutes(15L * (random.nextInt(4 * 24 * 5) - 4 * 24 * 2)));
            BookingStatus status = BookingStatus.values()[random.nextInt(BookingStatus.values().length)];
            bookings.add(booking("b" + i, r.id(), TimeRange.of(start, Duration.ofMinutes(15L * (1 + random.nextInt(16)))),
                    status));
        }
        TimeRange wanted = TimeRange.of(dayStart.plus(Duration.ofMinutes(15L * random.nextInt(96))),
                Duration.ofMinutes(15L * (1 + random.nextInt(16))));
        Duration step = STEPS.get(random.nextInt(STEPS.size()));
        // A third without a horizon, so that other resources get their turn often.
        Duration horizon = random.nextInt(3) == 0 ? Duration.ZERO : Duration.ofHours(random.nextInt(72));
        Instant notBefore = random.nextInt(4) == 0 ? wanted.start().minus(Duration.ofHours(random.nextInt(24))) : null;
        return new SuggestionRequest(requested, wanted, resources, rules, blackouts, bookings, random.nextInt(9), horizon,
                step, notBefore);
    }
}
