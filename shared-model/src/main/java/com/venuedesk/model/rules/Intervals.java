package com.venuedesk.model.rules;

import com.venuedesk.model.domain.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on half-open time ranges, kept as sorted lists of disjoint ranges. */
final class Intervals {

    private Intervals() {
    }

    /** The range [start, end), or null when DST or a closure leaves nothing of it. */
    static TimeRange rangeOrNull(Instant start, Instant end) {
        return end.isAfter(start) ? new TimeRange(start, end) : null;
    }

    /** Sorted, disjoint, with touching ranges joined, so that a range spanning two adjacent windows is seen as inside. */
    static List<TimeRange> merge(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::start).thenComparing(TimeRange::end));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange next : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !next.start().isAfter(merged.get(last).end())) {
                TimeRange current = merged.get(last);
                if (next.end().isAfter(current.end())) {
                    merged.set(last, new TimeRange(current.start(), next.end()));
                }
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** {@code from} minus {@code cut}; both sorted and disjoint, and so is the answer. */
    static List<TimeRange> subtract(List<TimeRange> from, List<TimeRange> cut) {
        List<TimeRange> result = new ArrayList<>();
        for (TimeRange piece : from) {
            Instant cursor = piece.start();
            for (TimeRange hole : cut) {
                if (!hole.end().isAfter(cursor) || !hole.start().isBefore(piece.end())) {
                    continue;
                }
                TimeRange before = rangeOrNull(cursor, hole.start());
                if (before != null) {
                    result.add(before);
                }
                if (hole.end().isAfter(cursor)) {
                    cursor = hole.end();
                }
            }
            TimeRange rest = rangeOrNull(cursor, piece.end());
            if (rest != null) {
                result.add(rest);
            }
        }
        return result;
    }

    /** Index of the last range starting at or before {@code instant}, or -1; {@code ranges} sorted and disjoint. */
    static int lastStartingAtOrBefore(List<TimeRange> ranges, Instant instant) {
        int lo = 0;
        int hi = ranges.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!ranges.get(mid).start().isAfter(instant)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** True when one of the sorted, disjoint {@code ranges} holds all of {@code range}. */
    static boolean anyContains(List<TimeRange> ranges, TimeRange range) {
        int i = lastStartingAtOrBefore(ranges, range.start());
        return i >= 0 && ranges.get(i).contains(range);
    }

    /** True when {@code range} overlaps one of the sorted, disjoint {@code ranges}. */
    static boolean anyOverlaps(List<TimeRange> ranges, TimeRange range) {
        // Only the last range starting before range.end can reach into it: earlier ones end before that one starts.
        int i = lastStartingAtOrBefore(ranges, range.end().minusNanos(1));
        return i >= 0 && ranges.get(i).overlaps(range);
    }
}
