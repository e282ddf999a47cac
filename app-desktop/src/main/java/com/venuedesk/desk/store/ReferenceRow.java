package com.venuedesk.desk.store;

import jakarta.persistence.MappedSuperclass;

/**
 * The sync bookkeeping of reference data the desk only ever receives from the server (resources, opening hours,
 * blackouts): the server revision of the local copy and its tombstone flag.
 */
@MappedSuperclass
abstract class ReferenceRow {
    long revision;
    boolean deleted;
}
