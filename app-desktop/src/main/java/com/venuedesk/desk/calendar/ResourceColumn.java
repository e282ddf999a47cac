package com.venuedesk.desk.calendar;

import java.util.UUID;

/** A resource as a calendar (colour {@code styleIndex} 0..6) and as a column of the per-resource view. */
public record ResourceColumn(UUID resourceId, String name, int styleIndex) {

    /** The per-resource view shows this in the column header. */
    @Override
    public String toString() {
        return name;
    }
}
