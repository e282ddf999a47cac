package com.venuedesk.model.domain;

/** What a staff member may do. Each role includes the ones before it. */
public enum Role {
    FRONT_DESK, MANAGER, ADMIN;

    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }
}
