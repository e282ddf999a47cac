package com.venuedesk.desk.sync;

/** A call to the sync server failed. The subclasses say whether trying again later can help. */
public abstract class SyncException extends RuntimeException {

    protected SyncException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same request may succeed later without anyone changing anything (network, 5xx). */
    public abstract boolean isTransient();
}
