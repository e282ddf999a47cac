package com.venuedesk.server.notifications;

/** A delivery that did not happen: {@code permanent} when trying again cannot help (a refused address, a 4xx). */
public final class DeliveryException extends Exception {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
