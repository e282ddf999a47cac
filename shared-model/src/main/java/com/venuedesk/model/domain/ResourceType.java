package com.venuedesk.model.domain;

/** What kind of thing a venue lets out. */
public enum ResourceType {
    MEETING_ROOM, EQUIPMENT, VENUE, SERVICE, ACCOMMODATION
}
