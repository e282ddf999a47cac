package com.venuedesk.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The booking writer reads the resources it locks with plain SQL ({@link ResourceStore#lockAllForBooking}); what it
 * reads must be the resource the entity maps, field for field, on both databases.
 */
class LockedResourceIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aResourceLockedForBookingIsTheResourceTheEntityMapsWithEveryFieldAndItsScheduleVersion(
            ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            ApiClient admin = new ApiClient(server.baseUri()).login("admin", ServerUnderTest.ADMIN_PASSWORD);
            Map<String, Object> full = new LinkedHashMap<>();
            full.put("name", "Hopper Studio");
            full.put("description", "Top floor, north side");
            full.put("type", "MEETING_ROOM");
            full.put("capacity", 12);
            full.put("pricePerHour", Map.of("amount", "55.50", "currency", "EUR"));
            full.put("timeZone", "Europe/Berlin");
            full.put("amenities", List.of("screen", "whiteboard"));
            full.put("location", Map.of("address", "Invalidenstr. 1", "city", "Berlin", "country", "DE",
                    "latitude", 52.52, "longitude", 13.4));
            full.put("requiresApproval", true);
            UUID studio = UUID.fromString(admin.post("/api/v1/resources", full).json().get("id").asText());
            UUID desk = UUID.fromString(admin.post("/api/v1/resources", Map.of("name", "Desk 7", "type", "MEETING_ROOM",
                    "capacity", 1, "pricePerHour", Map.of("amount", "5.00", "currency", "EUR"), "timeZone", "UTC"))
                    .json().get("id").asText());
            assertThat(admin.post("/api/v1/resources/" + desk + "/availability-rules", Map.of("dayOfWeek", "MONDAY",
                    "startTime", "08:00", "endTime", "18:00")).status()).isEqualTo(201);

            server.database().inTransaction(session -> {
                Map<UUID, ResourceStore.LockedResource> locked = ResourceStore.lockAllForBooking(session,
                        Set.of(studio, desk, UUID.randomUUID()));
                assertThat(locked).containsOnlyKeys(studio, desk);
                for (UUID id : List.of(studio, desk)) {
                    ResourceEntity entity = session.find(ResourceEntity.class, id);
                    assertThat(locked.get(id).details()).isEqualTo(entity.toDetails());
                    assertThat(locked.get(id).scheduleVersion()).isEqualTo(entity.scheduleVersion());
                }
                assertThat(locked.get(studio).details().requiresApproval()).isTrue();
                assertThat(locked.get(desk).scheduleVersion()).isPositive();
                return null;
            });
        }
    }
}
