package com.venuedesk.desk.booking;

import com.venuedesk.desk.i18n.VenueFormats;
import com.venuedesk.model.domain.Slot;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Free slots as the user reads them: "Room A: Tue 3 Dec 2026, 10:00 – 11:00", one per line, best first. */
public final class AlternativesText {
    private final VenueFormats formats;
    private final Map<UUID, String> resourceNames;

    public AlternativesText(VenueFormats formats, Map<UUID, String> resourceNames) {
        this.formats = formats;
        this.resourceNames = resourceNames;
    }

    public String describe(Slot slot) {
        return resourceNames.getOrDefault(slot.resourceId(), "?") + ": " + formats.dateTime(slot.start())
                + " \u2013 " + formats.time(slot.end());
    }

    public String describe(List<Slot> slots) {
        return slots.stream().map(this::describe).collect(Collectors.joining("\n"));
    }
}
