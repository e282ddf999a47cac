package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.NEW_YORK;
import static com.venuedesk.model.rules.Venue.at;
import static com.venuedesk.model.rules.Venue.blackout;
import static com.venuedesk.model.rules.Venue.closed;
import static com.venuedesk.model.rules.Venue.local;
import static com.venuedesk.model.rules.Venue.open;
import static com.venuedesk.model.rules.Venue.openEveryDay;
import static com.venuedesk.model.rules.Venue.openOn;
import static com.venuedesk.model.rules.Venue.room;
import static com.venuedesk.model.rules.Venue.rule;
import static com.venuedesk.model.rules.Venue.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Bookability.Bookable;
import com.venuedesk.model.rules.Bookability.NotBookable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {
    private final Resource boardroom = room("Boardroom", 12, "40.00", BERLIN);
    private final List<AvailabilityRule> weekdays8to20 =
            openOn(boardroom, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "20:00");

    @Test
    void aRoomWithoutOpeningHoursCanBeBookedAtThreeOnASundayMorning() {
        var sunday = local(BERLIN, "2026-12-06T03:00", "2026-12-06T05:00");

        assertThat(Availability.check(boardroom, sunday, List.of(), List.of())).isEqualTo(new Bookable());
    }

    @Test
    void rulesOfAnotherRoomDoNotCloseThisOne() {
        Resource studio = room("Studio", 4, "20.00", BERLIN);
        var sunday = local(BERLIN, "2026-12-06T10:00", "2026-12-06T11:00");

        assertThat(Availability.check(studio, sunday, weekdays8to20, List.of())).isEqualTo(new Bookable());
    }

    @Test
    void aRoomOpenOnWeekdaysIsClosedOnSundays() {
        var sunday = local(BERLIN, "2026-12-06T10:00", "2026-12-06T11:00");

        assertThat(Availability.check(boardroom, sunday, weekdays8to20, List.of()))
                .isEqualTo(new NotBookable("start", "closed on Sundays"));
    }

    @Test
    void aMeetingStartingBeforeOpeningBlamesTheStartAndOneRunningPastClosingBlamesTheEnd() {
        var early = local(BERLIN, "2026-12-07T07:00", "2026-12-07T09:00");
        var late = local(BERLIN, "2026-12-07T19:00", "2026-12-07T21:00");

        assertThat(Availability.check(boardroom, early, weekdays8to20, List.of()))
                .isEqualTo(new NotBookable("start", "outside opening hours (Mondays 08:00-20:00)"));
        assertThat(Availability.check(boardroom, late, weekdays8to20, List.of()))
                .isEqualTo(new NotBookable("end", "outside opening hours (Mondays 08:00-20:00)"));
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-07T08:00", "2026-12-07T20:00"), weekdays8to20,
                List.of())).isEqualTo(new Bookable());
    }

    @Test
    void aLunchClosureOnMondaysCutsTheDayInTwo() {
        List<AvailabilityRule> rules = new ArrayList<>(weekdays8to20);
        rules.add(closed(boardroom, DayOfWeek.MONDAY, "12:00", "13:00"));

        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-07T11:00", "2026-12-07T14:00"), rules, List.of()))
                .isEqualTo(new NotBookable("end", "closed on Mondays from 12:00 to 13:00"));
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-07T13:00", "2026-12-07T14:00"), rules, List.of()))
                .isEqualTo(new Bookable());
        assertThat(Availability.openWindows(boardroom, LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-07"),
                rules, List.of())).containsExactly(
                local(BERLIN, "2026-12-07T08:00", "2026-12-07T12:00"),
                local(BERLIN, "2026-12-07T13:00", "2026-12-07T20:00"));
    }

    @Test
    void aClosureWithoutOpeningHoursLeavesTheRestOfTheDayOpen() {
        List<AvailabilityRule> onlyCleaning = List.of(closed(boardroom, DayOfWeek.MONDAY, "06:00", "07:00"));

        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-07T02:00", "2026-12-07T05:00"), onlyCleaning,
                List.of())).isEqualTo(new Bookable());
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-07T06:30", "2026-12-07T08:00"), onlyCleaning,
                List.of())).isEqualTo(new NotBookable("start", "closed on Mondays from 06:00 to 07:00"));
    }

    @Test
    void christmasBlackoutClosesTheRoomWithItsReason() {
        var christmas = blackout(boardroom, "2026-12-24", "2026-12-26", "Christmas");

        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-24T09:00", "2026-12-24T10:00"), weekdays8to20,
                List.of(christmas))).isEqualTo(new NotBookable("start", "blackout: Christmas"));
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-23T09:00", "2026-12-23T10:00"), weekdays8to20,
                List.of(christmas))).isEqualTo(new Bookable());
    }

    @Test
    void aVenueWideBlackoutClosesEveryRoomButAnotherRoomsBlackoutDoesNot() {
        Resource studio = room("Studio", 4, "20.00", BERLIN);
        var inventory = blackout(null, "2026-12-30", "2026-12-30", "Inventory");
        var studioPaint = blackout(studio, "2026-12-29", "2026-12-29", "Painting");

        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-30T09:00", "2026-12-30T10:00"), List.of(),
                List.of(inventory, studioPaint))).isEqualTo(new NotBookable("start", "blackout: Inventory"));
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-29T09:00", "2026-12-29T10:00"), List.of(),
                List.of(inventory, studioPaint))).isEqualTo(new Bookable());
    }

    @Test
    void aBookingRunningIntoABlackedOutNextDayIsRefused() {
        var newYear = blackout(boardroom, "2027-01-01", "2027-01-01", "New Year");

        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-31T22:00", "2027-01-01T01:00"), List.of(),
                List.of(newYear))).isEqualTo(new NotBookable("end", "blackout: New Year"));
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-12-31T22:00", "2027-01-01T00:00"), List.of(),
                List.of(newYear))).isEqualTo(new Bookable());
    }

    @Test
    void aLateNightEventMaySpanMidnightWhenFridayAndSaturdayHoursTouch() {
        Resource club = room("Cellar", 80, "150.00", BERLIN);
        List<AvailabilityRule> rules = List.of(
                open(club, DayOfWeek.FRIDAY, "18:00", "00:00"),
                open(club, DayOfWeek.SATURDAY, "00:00", "04:00"));

        assertThat(Availability.check(club, local(BERLIN, "2026-12-04T22:00", "2026-12-05T03:00"), rules, List.of()))
                .isEqualTo(new Bookable());
        assertThat(Availability.check(club, local(BERLIN, "2026-12-04T22:00", "2026-12-05T05:00"), rules, List.of()))
                .isEqualTo(new NotBookable("end", "outside opening hours (Saturdays 00:00-04:00)"));
    }

    @Test
    void summerHoursApplyOnlyBetweenTheirValidDates() {
        List<AvailabilityRule> rules = List.of(
                rule(boardroom, DayOfWeek.SATURDAY, "10:00", "14:00", true,
                        LocalDate.parse("2026-06-01"), LocalDate.parse("2026-08-31")),
                open(boardroom, DayOfWeek.MONDAY, "08:00", "20:00"));

        assertThat(Availability.check(boardroom, local(BERLIN, "2026-07-04T10:00", "2026-07-04T12:00"), rules, List.of()))
                .isEqualTo(new Bookable());
        assertThat(Availability.check(boardroom, local(BERLIN, "2026-09-05T10:00", "2026-09-05T12:00"), rules, List.of()))
                .isEqualTo(new NotBookable("start", "closed on Saturday 2026-09-05"));
    }

    @Test
    void aRoomTakenOutOfServiceCannotBeBooked() {
        Resource broken = Venue.resource("Old Projector", ResourceType.EQUIPMENT, 1, "5.00", BERLIN, false);

        assertThat(Availability.check(broken, local(BERLIN, "2026-12-07T09:00", "2026-12-07T10:00"), List.of(), List.of()))
                .isEqualTo(new NotBookable("resourceId", "Old Projector is out of service"));
        assertThat(Availability.openWindows(broken, LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08"),
                List.of(), List.of())).isEmpty();
    }

    @Test
    void eightToEightIsTwelveHoursOnTheBerlinSpringForwardSunday() {
        List<TimeRange> windows = Availability.openWindows(boardroom, LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-29"), openEveryDay(boardroom, "08:00", "20:00"), List.of());

        assertThat(windows).containsExactly(utc("2026-03-29T06:00:00Z", "2026-03-29T18:00:00Z"));
    }

    @Test
    void aWholeDayIsTwentyThreeHoursInSpringAndTwentyFiveInAutumnInBerlin() {
        List<AvailabilityRule> allDay = openEveryDay(boardroom, "00:00", "00:00");

        assertThat(Availability.openWindows(boardroom, LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"),
                allDay, List.of()).get(0).duration()).isEqualTo(Duration.ofHours(23));
        assertThat(Availability.openWindows(boardroom, LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25"),
                allDay, List.of()).get(0).duration()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void anOpeningAtHalfPastTwoThatDoesNotExistMovesForwardByTheSkippedHour() {
        List<AvailabilityRule> rules = List.of(open(boardroom, DayOfWeek.SUNDAY, "02:30", "06:00"));

        List<TimeRange> windows = Availability.openWindows(boardroom, LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-29"), rules, List.of());

        assertThat(windows).containsExactly(new TimeRange(at(BERLIN, "2026-03-29T03:30"), at(BERLIN, "2026-03-29T06:00")));
        assertThat(Availability.check(boardroom, utc("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"), rules, List.of()))
                .isInstanceOf(NotBookable.class);
        assertThat(Availability.check(boardroom, utc("2026-03-29T01:30:00Z", "2026-03-29T04:00:00Z"), rules, List.of()))
                .isEqualTo(new Bookable());
    }

    @Test
    void anOpeningAtHalfPastTwoThatHappensTwiceOpensAtTheFirstOne() {
        List<AvailabilityRule> rules = List.of(open(boardroom, DayOfWeek.SUNDAY, "02:30", "06:00"));

        List<TimeRange> windows = Availability.openWindows(boardroom, LocalDate.parse("2026-10-25"),
                LocalDate.parse("2026-10-25"), rules, List.of());

        // 02:30 CEST is 00:30Z; 06:00 CET is 05:00Z: the repeated hour makes the window 4.5 hours long.
        assertThat(windows).containsExactly(utc("2026-10-25T00:30:00Z", "2026-10-25T05:00:00Z"));
        assertThat(Availability.check(boardroom, utc("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"), rules, List.of()))
                .isEqualTo(new Bookable());
    }

    @Test
    void aNewYorkRoomReadsItsHoursInNewYorkTimeAcrossTheNovemberChange() {
        Resource manhattan = room("Hudson", 10, "60.00", NEW_YORK);
        List<AvailabilityRule> rules = openEveryDay(manhattan, "08:00", "20:00");

        assertThat(Availability.openWindows(manhattan, LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01"),
                rules, List.of())).containsExactly(
                utc("2026-10-31T12:00:00Z", "2026-11-01T00:00:00Z"),
                utc("2026-11-01T13:00:00Z", "2026-11-02T01:00:00Z"));
    }

    @Test
    void withoutRulesOpenWindowsAreWholeDaysJoinedTogether() {
        List<TimeRange> windows = Availability.openWindows(boardroom, LocalDate.parse("2026-03-28"),
                LocalDate.parse("2026-03-30"), List.of(), List.of());

        assertThat(windows).containsExactly(new TimeRange(at(BERLIN, "2026-03-28T00:00"), at(BERLIN, "2026-03-31T00:00")));
        assertThat(windows.get(0).duration()).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void askingForWindowsBackwardsIsRefused() {
        assertThatThrownBy(() -> Availability.openWindows(boardroom, LocalDate.parse("2026-03-30"),
                LocalDate.parse("2026-03-28"), List.of(), List.of()))
                .isInstanceOf(DomainException.class);
    }
}
