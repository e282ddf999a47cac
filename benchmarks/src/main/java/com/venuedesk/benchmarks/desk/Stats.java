package com.venuedesk.benchmarks.desk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and p90 of a few timings (nearest rank). */
record Stats(double median, double p90, double min, double max) {
    static Stats of(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Stats(rank(sorted, 0.5), rank(sorted, 0.9), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    String describe() {
        return String.format(Locale.ROOT, "median %7.0f ms, p90 %7.0f ms (min %.0f, max %.0f)", median, p90, min, max);
    }
}
