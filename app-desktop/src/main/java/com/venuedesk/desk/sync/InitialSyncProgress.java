package com.venuedesk.desk.sync;

/**
 * How far a pull has come: records received in the current run, and the estimated total when the server
 * said how many remain (-1 when unknown).
 */
public record InitialSyncProgress(boolean running, long received, long estimatedTotal) {
    public static final InitialSyncProgress IDLE = new InitialSyncProgress(false, 0, -1);

    public boolean totalKnown() {
        return estimatedTotal >= 0;
    }

    /** Between 0 and 1 when the total is known, else -1. */
    public double fraction() {
        if (!totalKnown()) {
            return -1;
        }
        return estimatedTotal == 0 ? 1.0 : Math.min(1.0, (double) received / estimatedTotal);
    }
}
