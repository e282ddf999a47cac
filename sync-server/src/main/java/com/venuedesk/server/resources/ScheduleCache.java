package com.venuedesk.server.resources;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Resource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Session;

/**
 * Opening hours and blackouts change rarely and are read by every booking write, so the server keeps what it read,
 * keyed by versions the database itself maintains. Nothing here can go stale, whatever number of server processes
 * share the database:
 * <ul>
 *   <li>{@link #ofLocked}: every change to a resource's rules or blackouts (or the venue's) bumps the resource row's
 *       {@code schedule_version} in the same transaction, which needs that row's lock. A booking write reads the version
 *       while holding the lock, so no such change can commit between reading the version and reading the schedule:
 *       the schedule loaded at version v is exactly the schedule of version v.</li>
 *   <li>{@link #catalog}: for alternative-slot suggestions, which read the whole venue without a lock. Its key is the
 *       sum of every resource row's revision and schedule version: each change to a resource, its rules or a blackout
 *       raises one of them and none ever falls (deletes are tombstones), so a different venue has a different sum.</li>
 * </ul>
 */
public final class ScheduleCache {
    private final Cache<Key, Schedule> schedules = Caffeine.newBuilder().maximumSize(10_000).build();
    private final AtomicReference<VersionedCatalog> catalog = new AtomicReference<>();

    /** What decides whether a resource can be booked: its live opening hours and the blackouts that apply to it. */
    public record Schedule(List<AvailabilityRule> rules, List<Blackout> blackouts) {
        public Schedule {
            rules = List.copyOf(rules);
            blackouts = List.copyOf(blackouts);
        }
    }

    /** Every live resource with its opening hours, and every live blackout: the input of a venue-wide slot search. */
    public record Catalog(List<ResourceDetails> resources, Map<UUID, List<AvailabilityRule>> rules, List<Blackout> blackouts) {
        public Catalog {
            resources = List.copyOf(resources);
            rules = Map.copyOf(rules);
            blackouts = List.copyOf(blackouts);
        }

        public List<Resource> liveResources() {
            return ResourceStore.resources(resources);
        }
    }

    private record Key(UUID resourceId, long scheduleVersion) { }

    private record VersionedCatalog(long version, Catalog catalog) { }

    /**
     * The schedule of a resource whose row this session has locked with {@link ResourceStore#lockAllForBooking}; read
     * from the database only when its schedule changed since the server last read it.
     */
    public Schedule ofLocked(Session session, ResourceStore.LockedResource locked) {
        UUID resourceId = locked.resource().id();
        return schedules.get(new Key(resourceId, locked.scheduleVersion()), key -> new Schedule(
                ResourceStore.rulesOf(session, resourceId), ResourceStore.blackoutsFor(session, resourceId)));
    }

    /** The venue's resources, opening hours and blackouts as of now; one small query when nothing changed. */
    public Catalog catalog(Session session) {
        long version = session.createSelectionQuery(
                "select coalesce(sum(r.revision + r.scheduleVersion), 0) from ResourceEntity r", Long.class).getSingleResult();
        VersionedCatalog known = catalog.get();
        if (known != null && known.version() == version) {
            return known.catalog();
        }
        Catalog fresh = new Catalog(ResourceStore.all(session), ResourceStore.rulesByResource(session),
                ResourceStore.allBlackouts(session));
        catalog.set(new VersionedCatalog(version, fresh));
        return fresh;
    }
}
