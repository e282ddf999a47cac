package com.venuedesk.model.sync;

import com.venuedesk.model.domain.SyncedEntity;
import java.util.UUID;

/**
 * One entry of the server's change log as a desk pulls it.
 *
 * @param cursor   the position of this change; pass the last one seen as {@code since} to continue
 * @param deleted  a tombstone: the desk removes its copy; {@code entity} then holds the last known state or null
 */
public record Change(String cursor, EntityType entityType, UUID entityId, long revision, boolean deleted,
                     SyncedEntity entity) { }
