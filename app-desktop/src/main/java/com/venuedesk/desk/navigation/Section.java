package com.venuedesk.desk.navigation;

import com.venuedesk.model.domain.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The desk's screens, in the order of the navigation and of their shortcuts (Ctrl+1 ... Ctrl+6). */
public enum Section {
    CALENDAR, CUSTOMERS, HANDOVER, CONFLICTS, ADMIN, DASHBOARD;

    /** The key of the section's title in the message bundle. */
    public String titleKey() {
        return "nav." + name().toLowerCase(Locale.ROOT);
    }

    /** The sections offered to a role: administration and the dashboard only to managers and administrators. */
    public static List<Section> offeredTo(Role role) {
        return Arrays.stream(values()).filter(s -> !s.forManagers() || role.includes(Role.MANAGER)).toList();
    }

    private boolean forManagers() {
        return this == ADMIN || this == DASHBOARD;
    }
}
