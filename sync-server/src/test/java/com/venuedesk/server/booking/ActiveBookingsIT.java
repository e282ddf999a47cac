package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reads of bookings around a time answer exactly what the overlap rule says, on both databases, though each
 * database gets its own statement: a seeded history of bookings of every status (some tombstoned, some touching, some
 * days long, cancelled ones overlapping active ones) against many random windows and sets of resources.
 */
class ActiveBookingsIT {
    private static final Instant DAY_ONE = Instant.parse("2027-03-01T00:00:00Z");

    private record Row(UUID id, UUID resource, TimeRange range, BookingStatus status, boolean deleted) {
        boolean activeIn(Set<UUID> resources, TimeRange window) {
            return !deleted && status.isActive() && resources.contains(resource) && range.overlaps(window);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void theBookingsOfSomeResourcesOrOfTheVenueInAWindowAreExactlyTheLiveActiveOnesThatOverlapIt(
            ServerUnderTest.Db db, @TempDir Path dir) throws SQLException {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            List<UUID> rooms = List.of(UUID.fromString(venue.resource("Room A")), UUID.fromString(venue.resource("Room B")),
                    UUID.fromString(venue.resource("Room C")));
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            Random random = new Random(20271);
            List<Row> rows = history(random, rooms);
            try (Connection c = server.database().dataSource().getConnection()) {
                for (Row row : rows) {
                    insert(c, row, guest);
                }
            }

            for (int i = 0; i < 300; i++) {
                // half the windows on the bookings' quarter-hour grid, so that many touch a booking at either end
                int grid = random.nextBoolean() ? 15 : 1;
                Instant start = DAY_ONE.plus(Duration.ofMinutes(grid * (random.nextInt(60 * 24 * 40 / grid) - 60 * 24 / grid)));
                TimeRange window = new TimeRange(start, start.plus(Duration.ofMinutes(grid * (1 + random.nextInt(60 * 24 * 3 / grid)))));
                Set<UUID> some = rooms.stream().filter(r -> random.nextBoolean()).collect(Collectors.toSet());
                Set<UUID> all = Set.copyOf(rooms);

                List<Booking> ofSome = server.database().inTransaction(session -> ActiveBookings.of(session, some, window));
                List<Booking> ofVenue = server.database().inTransaction(session -> ActiveBookings.ofVenue(session, window));

                assertThat(ids(ofSome)).as("resources %s, window %s", some, window)
                        .containsExactlyInAnyOrderElementsOf(expected(rows, some, window));
                assertThat(ids(ofVenue)).as("venue, window %s", window)
                        .containsExactlyInAnyOrderElementsOf(expected(rows, all, window));
                assertThat(ofSome).isSortedAccordingTo(Comparator.comparing(b -> b.range().start()));
                assertThat(ofVenue).isSortedAccordingTo(Comparator.comparing(b -> b.range().start()));
            }
        }
    }

    /**
     * Per room, bookings laid end to end over about five weeks (lengths from 15 minutes to 3 days, gaps from none to 3
     * hours), of any status, a tenth tombstoned; plus cancelled ones on top of them. No two active ones overlap, which
     * PostgreSQL's exclusion constraint would refuse.
     */
    private static List<Row> history(Random random, List<UUID> rooms) {
        BookingStatus[] statuses = BookingStatus.values();
        List<Row> rows = new ArrayList<>();
        for (UUID room : rooms) {
            Instant at = DAY_ONE;
            while (at.isBefore(DAY_ONE.plus(Duration.ofDays(36)))) {
                at = at.plus(Duration.ofMinutes(15L * random.nextInt(13)));
                long minutes = random.nextInt(10) == 0 ? 15L * (1 + random.nextInt(288)) : 15L * (1 + random.nextInt(16));
                TimeRange range = new TimeRange(at, at.plus(Duration.ofMinutes(minutes)));
                rows.add(new Row(UUID.randomUUID(), room, range, statuses[random.nextInt(statuses.length)],
                        random.nextInt(10) == 0));
                if (random.nextInt(5) == 0) {
                    rows.add(new Row(UUID.randomUUID(), room, range, BookingStatus.CANCELLED, false));
                }
                at = range.end();
            }
        }
        return rows;
    }

    private static List<UUID> expected(List<Row> rows, Set<UUID> resources, TimeRange window) {
        return rows.stream().filter(r -> r.activeIn(resources, window)).map(Row::id).toList();
    }

    private static List<UUID> ids(List<Booking> bookings) {
        return bookings.stream().map(Booking::id).toList();
    }

    private static void insert(Connection c, Row row, UUID guest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO booking (id, resource_id, customer_id, start_at, end_at,"
                + " status, created_at, revision, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
            s.setObject(1, row.id());
            s.setObject(2, row.resource());
            s.setObject(3, guest);
            s.setObject(4, row.range().start().atOffset(ZoneOffset.UTC));
            s.setObject(5, row.range().end().atOffset(ZoneOffset.UTC));
            s.setString(6, row.status().name());
            s.setObject(7, DAY_ONE.atOffset(ZoneOffset.UTC));
            s.setBoolean(8, row.deleted());
            s.executeUpdate();
        }
    }
}
