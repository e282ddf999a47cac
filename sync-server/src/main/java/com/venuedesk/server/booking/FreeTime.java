package com.venuedesk.server.booking;

import com.venuedesk.model.domain.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Free time as a list of half-open ranges: open windows clipped to a period, minus busy ranges. */
final class FreeTime {
    private FreeTime() {
    }

    static List<TimeRange> clip(List<TimeRange> ranges, TimeRange within) {
        List<TimeRange> clipped = new ArrayList<>();
        for (TimeRange r : ranges) {
            Instant start = r.start().isAfter(within.start()) ? r.start() : within.start();
            Instant end = r.end().isBefore(within.end()) ? r.end() : within.end();
            if (end.isAfter(start)) {
                clipped.add(new TimeRange(start, end));
            }
        }
        clipped.sort(Comparator.comparing(TimeRange::start));
        return clipped;
    }

    /** {@code open} minus every busy range; busy ranges may overlap each other. */
    static List<TimeRange> subtract(List<TimeRange> open, List<TimeRange> busy) {
        List<TimeRange> sortedBusy = new ArrayList<>(busy);
        sortedBusy.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> free = new ArrayList<>();
        for (TimeRange window : open) {
            Instant cursor = window.start();
            for (TimeRange hole : sortedBusy) {
                if (!hole.end().isAfter(cursor) || !hole.start().isBefore(window.end())) {
                    continue;
                }
                if (hole.start().isAfter(cursor)) {
                    free.add(new TimeRange(cursor, hole.start()));
                }
                cursor = hole.end();
                if (!cursor.isBefore(window.end())) {
                    break;
                }
            }
            if (window.end().isAfter(cursor)) {
                free.add(new TimeRange(cursor, window.end()));
            }
        }
        return free;
    }
}
