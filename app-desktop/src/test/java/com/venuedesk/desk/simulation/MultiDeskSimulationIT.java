package com.venuedesk.desk.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.ConflictItem;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.desk.sync.SyncException;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.auth.AuthPolicy;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.testing.SharedPostgres;
import com.venuedesk.server.wire.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many desks, one server on real PostgreSQL, a few hundred random steps driven by a seeded {@link Random}: desks book
 * (mostly the same few popular slots, so bookings collide), move and cancel bookings, drop off the network for a
 * while, are restarted from their data directory, and sync alone or several at once. At the end all desks come back
 * online and sync until quiet, and the offline-first invariants are checked on the desks' stores and in the server's
 * tables. Run another scenario with {@code -Dsim.seed=<n>}; a failure names the seed that reproduces it.
 */
class MultiDeskSimulationIT {
    private static final Logger log = LoggerFactory.getLogger(MultiDeskSimulationIT.class);
    private static final long DEFAULT_SEED = 20261125L;
    private static final int DESKS = 10;
    private static final int STEPS = 300;
    private static final int RESOURCES = 4;
    private static final int POPULAR_RESOURCES = 2;

    private final ObjectMapper wire = Json.newMapper();

    /** Counts of what happened, for the log and the failure message. */
    private static final class Tally {
        final Map<String, Integer> actions = new TreeMap<>();
        final Map<String, Integer> recordedPerDesk = new HashMap<>();
        final List<String> onlineSyncFailures = Collections.synchronizedList(new ArrayList<>());

        void count(String what) {
            actions.merge(what, 1, Integer::sum);
        }

        @Override
        public String toString() {
            return "actions=" + actions + ", online sync failures=" + onlineSyncFailures.size();
        }
    }

    @Test
    void tenDesksBookingTheSameSlotsOnAndOfflineConvergeOnTheServersStateAndLoseNothing(@TempDir Path dir)
            throws Exception {
        long seed = Long.getLong("sim.seed", DEFAULT_SEED);
        log.info("Multi-desk simulation with sim.seed={}", seed);
        Random random = new Random(seed);
        Tally tally = new Tally();
        SharedPostgres.PgDatabase pg = SharedPostgres.freshDatabase();
        ServerConfig config = ServerConfig.embedded(dir.resolve("server")).withAdminPassword(ServerUnderTest.ADMIN_PASSWORD)
                .withDatabase(pg.url(), pg.user(), pg.password())
                .withAuthPolicy(AuthPolicy.defaults().withLoginRateLimit(10_000, Duration.ofMinutes(1)));
        ServerLedger server = new ServerLedger(pg.url(), pg.user(), pg.password());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<SimulatedDesk> desks = new ArrayList<>();
        try (VenueDeskServer running = VenueDeskServer.start(config)) {
            Venue venue = new Venue(running);
            List<UUID> resources = new ArrayList<>();
            for (int i = 0; i < RESOURCES; i++) {
                resources.add(UUID.fromString(venue.resource("Hall " + (char) ('A' + i))));
            }
            List<UUID> guests = List.of(UUID.fromString(venue.customer("Ada Lovelace")),
                    UUID.fromString(venue.customer("Grace Hopper")), UUID.fromString(venue.customer("Alan Turing")));
            String unreachable = "http://127.0.0.1:" + closedPort() + "/";
            for (int i = 0; i < DESKS; i++) {
                String user = "desk" + i;
                venue.staff(user, Role.FRONT_DESK);
                SimulatedDesk desk = SimulatedDesk.open(user, dir.resolve(user), running.baseUri().toString(), unreachable,
                        user, user + "-password");
                desk.engine().syncNow();
                desks.add(desk);
            }
            Slots slots = new Slots(resources, LocalDate.now(ZoneOffset.UTC).plusDays(20));

            for (int step = 0; step < STEPS; step++) {
                SimulatedDesk desk = desks.get(random.nextInt(DESKS));
                int roll = random.nextInt(100);
                if (roll < 35) {
                    Slots.Slot slot = slots.pick(random);
                    record(desk, tally, "book", desk.bookings().createBooking(slot.resourceId(),
                            guests.get(random.nextInt(guests.size())), slot.range(), "step " + step));
                } else if (roll < 50) {
                    pickActive(desk, random).ifPresent(b -> {
                        Slots.Slot slot = slots.pick(random);
                        record(desk, tally, "reschedule", desk.bookings().reschedule(b.id(), slot.resourceId(), slot.range()));
                    });
                } else if (roll < 60) {
                    pickActive(desk, random).ifPresent(b ->
                            record(desk, tally, "cancel", desk.bookings().changeStatus(b.id(), BookingAction.CANCEL, "guest called")));
                } else if (roll < 72) {
                    tally.count("sync one");
                    sync(desk, tally);
                } else if (roll < 80) {
                    tally.count("sync several at once");
                    List<SimulatedDesk> some = new ArrayList<>(desks);
                    Collections.shuffle(some, random);
                    syncTogether(some.subList(0, 3 + random.nextInt(4)), pool, tally);
                } else if (roll < 88) {
                    tally.count("go offline");
                    desk.setOnline(false);
                } else if (roll < 94) {
                    tally.count("come online");
                    desk.setOnline(true);
                } else {
                    tally.count("restart");
                    desk.restart();
                }
            }

            // everyone back on line, sync until every outbox is empty, then once more so that all pull the last changes
            desks.forEach(d -> d.setOnline(true));
            for (int round = 0; round < 10 && desks.stream().anyMatch(d -> d.store().pendingOutboxCount() > 0); round++) {
                syncTogether(desks, pool, tally);
            }
            for (SimulatedDesk desk : desks) {
                desk.engine().syncNow();
            }
            log.info("Simulation sim.seed={} done: {}", seed, tally);

            try {
                checkInvariants(desks, server, tally);
            } catch (AssertionError e) {
                throw new AssertionError("Multi-desk simulation failed; reproduce with -Dsim.seed=" + seed + " (" + tally
                        + ")\n" + e.getMessage(), e);
            }
        } finally {
            pool.shutdown();
            for (SimulatedDesk desk : desks) {
                try {
                    desk.close();
                } catch (RuntimeException e) {
                    log.warn("Closing {} failed", desk, e);
                }
            }
        }
    }

    private void checkInvariants(List<SimulatedDesk> desks, ServerLedger server, Tally tally) {
        assertThat(tally.onlineSyncFailures).as("syncs of online desks that failed").isEmpty();
        Map<UUID, ServerLedger.ServerBooking> onServer = server.bookings();
        List<String> expected = onServer.values().stream().map(MultiDeskSimulationIT::describe).sorted().toList();

        // invariant 4: every desk shows exactly the server's bookings, none still provisional
        for (SimulatedDesk desk : desks) {
            assertThat(desk.store().pendingOutboxCount()).as(desk + " outbox").isZero();
            List<LocalBooking> shown = desk.allBookings();
            assertThat(shown.stream().filter(b -> !b.refused()).map(b -> describe(b.booking())).sorted().toList())
                    .as(desk + " bookings against the server's").isEqualTo(expected);
            assertThat(shown).as(desk + " provisional bookings").noneMatch(LocalBooking::provisional);
            Set<UUID> inInbox = desk.bookings().openConflicts().stream().map(ConflictItem::bookingId).collect(Collectors.toSet());
            assertThat(shown.stream().filter(LocalBooking::refused).map(b -> b.booking().id()))
                    .as(desk + ": refused bookings are the server's refusals, in the inbox, and not on the server")
                    .allMatch(inInbox::contains).noneMatch(onServer::containsKey);
        }
        desks.forEach(SimulatedDesk::close);

        // invariant 1: no overlap among active bookings, asked of PostgreSQL itself
        assertThat(server.overlappingActivePairs()).as("overlapping active bookings on the server").isEmpty();

        // invariants 2 and 3: every recorded mutation was applied once or is in its desk's conflict inbox
        Map<UUID, ServerLedger.JournalEntry> journal = server.journal();
        long[] rowsAndDistinct = server.journalRowsAndDistinctIds();
        assertThat(rowsAndDistinct[0]).as("journal rows vs distinct mutation ids").isEqualTo(rowsAndDistinct[1]);
        Set<UUID> recordedEverywhere = new HashSet<>();
        Map<String, Integer> conflictKinds = new TreeMap<>();
        int applied = 0;
        for (SimulatedDesk desk : desks) {
            DeskLedger ledger = DeskLedger.read(desk.dir());
            assertThat(ledger.outbox()).as(desk + ": outbox rows vs writes the desk recorded")
                    .hasSize(tally.recordedPerDesk.getOrDefault(desk.name(), 0));
            for (DeskLedger.OutboxEntry entry : ledger.outbox().values()) {
                recordedEverywhere.add(entry.mutationId());
                ServerLedger.JournalEntry journaled = journal.get(entry.mutationId());
                assertThat(journaled).as(desk + ": mutation " + entry.mutationId() + " reached the server").isNotNull();
                MutationOutcome outcome = outcome(journaled);
                if (entry.state().equals("APPLIED")) {
                    applied++;
                    assertThat(outcome).as(desk + ": applied on the desk, applied on the server").isInstanceOf(MutationOutcome.Applied.class);
                } else {
                    assertThat(entry.state()).as(desk + ": " + entry.mutationId()).isEqualTo("CONFLICTED");
                    assertThat(outcome).as("refused on the desk, refused on the server").isNotInstanceOf(MutationOutcome.Applied.class);
                    String kind = ledger.conflictKinds().get(entry.mutationId());
                    assertThat(kind).as(desk + ": refused mutation " + entry.mutationId() + " is in the conflict inbox").isNotNull();
                    conflictKinds.merge(kind, 1, Integer::sum);
                }
            }
        }
        assertThat(journal.keySet()).as("the server's journal holds exactly the desks' mutations").isEqualTo(recordedEverywhere);

        // applied exactly once: each applied mutation raised the booking's revision by one and wrote one change
        Map<UUID, Long> appliedPerBooking = journal.values().stream().filter(j -> outcome(j) instanceof MutationOutcome.Applied)
                .collect(Collectors.groupingBy(ServerLedger.JournalEntry::entityId, Collectors.counting()));
        Map<UUID, Long> changesPerBooking = server.changeLogRowsPerBooking();
        for (ServerLedger.ServerBooking booking : onServer.values()) {
            assertThat(booking.revision()).as("revision of " + booking.id() + " vs mutations applied to it")
                    .isEqualTo(appliedPerBooking.getOrDefault(booking.id(), 0L));
            assertThat(changesPerBooking.get(booking.id())).as("change log rows of " + booking.id()).isEqualTo(booking.revision());
        }
        assertThat(applied + conflictKinds.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(recordedEverywhere.size());
        assertThat(conflictKinds.getOrDefault("OVERLAP", 0)).as("the scenario made desks collide").isPositive();
        log.info("Checked: {} desks, {} mutations recorded, {} applied, conflicts {}, {} bookings on the server",
                desks.size(), recordedEverywhere.size(), applied, conflictKinds, onServer.size());
    }

    private MutationOutcome outcome(ServerLedger.JournalEntry entry) {
        try {
            MutationOutcome outcome = wire.readValue(entry.outcome(), MutationOutcome.class);
            return outcome;
        } catch (IOException e) {
            throw new AssertionError("unreadable outcome of " + entry.mutationId() + ": " + entry.outcome(), e);
        }
    }

    private static void record(SimulatedDesk desk, Tally tally, String action, LocalWrite write) {
        if (write instanceof LocalWrite.Recorded) {
            tally.count(action);
            tally.recordedPerDesk.merge(desk.name(), 1, Integer::sum);
        } else {
            tally.count(action + " refused locally (" + write.getClass().getSimpleName() + ")");
        }
    }

    private static java.util.Optional<Booking> pickActive(SimulatedDesk desk, Random random) {
        List<Booking> active = desk.allBookings().stream().filter(b -> !b.refused()).map(LocalBooking::booking)
                .filter(Booking::isActive).toList();
        return active.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(active.get(random.nextInt(active.size())));
    }

    private static void sync(SimulatedDesk desk, Tally tally) {
        try {
            desk.engine().syncNow();
            assertThat(desk.online()).as(desk + " synced though offline").isTrue();
        } catch (ServerUnreachableException e) {
            if (desk.online()) {
                tally.onlineSyncFailures.add(desk + ": " + e);
            }
        } catch (SyncException e) {
            tally.onlineSyncFailures.add(desk + ": " + e);
        }
    }

    /** Several desks sync at the same moment, so their pushes race on the server. */
    private static void syncTogether(List<SimulatedDesk> desks, ExecutorService pool, Tally tally) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (SimulatedDesk desk : desks) {
            running.add(pool.submit(() -> sync(desk, tally)));
        }
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    private static String describe(Booking b) {
        return b.id() + " " + b.resourceId() + " " + b.status() + " " + b.range().start() + ".." + b.range().end()
                + " rev " + b.revision();
    }

    private static String describe(ServerLedger.ServerBooking b) {
        return b.id() + " " + b.resourceId() + " " + b.status() + " " + b.start() + ".." + b.end() + " rev " + b.revision();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Where desks book: mostly a handful of popular, partly overlapping hours on two halls; sometimes anywhere. */
    private static final class Slots {
        record Slot(UUID resourceId, TimeRange range) { }

        private final List<UUID> resources;
        private final Instant day;

        Slots(List<UUID> resources, LocalDate day) {
            this.resources = resources;
            this.day = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        Slot pick(Random random) {
            if (random.nextInt(100) < 70) {
                UUID resource = resources.get(random.nextInt(POPULAR_RESOURCES));
                // 09:00, 09:30, 10:00 or 11:00 for an hour: neighbours overlap
                int[] startMinutes = {540, 570, 600, 660};
                Instant start = day.plus(startMinutes[random.nextInt(startMinutes.length)], ChronoUnit.MINUTES);
                return new Slot(resource, new TimeRange(start, start.plus(1, ChronoUnit.HOURS)));
            }
            UUID resource = resources.get(random.nextInt(resources.size()));
            Instant start = day.plus(random.nextInt(5), ChronoUnit.DAYS).plus(7 + random.nextInt(12), ChronoUnit.HOURS);
            return new Slot(resource, new TimeRange(start, start.plus(1 + random.nextInt(2), ChronoUnit.HOURS)));
        }
    }
}
