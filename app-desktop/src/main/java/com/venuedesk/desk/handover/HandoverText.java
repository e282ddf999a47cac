package com.venuedesk.desk.handover;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;

/** How a sheet line reads, shared by the screen and the HTML page so both say the same. */
final class HandoverText {
    private HandoverText() {
    }

    /** Times only for the sheet's own day; date and time for a booking on another day. */
    static String when(HandoverSheet.Line line, java.time.LocalDate day, VenueFormats formats) {
        boolean sameDay = line.start().atZone(formats.zone()).toLocalDate().equals(day);
        String start = sameDay ? formats.time(line.start()) : formats.dateTime(line.start());
        return start + "\u2013" + formats.time(line.end());
    }

    static String status(HandoverSheet.Line line, Messages messages) {
        String status = messages.get("status." + line.status().name());
        return line.provisional() ? status + " (" + messages.get("handover.provisional") + ")" : status;
    }

    static String arrival(HandoverSheet.Line line, Messages messages, VenueFormats formats) {
        return line.checkedIn() ? messages.get("handover.checkedInAt", formats.time(line.checkedInAt())) : messages.get("handover.notYet");
    }
}
