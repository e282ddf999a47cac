package com.venuedesk.desk.sync;

/**
 * An RFC 9457 problem the server answered with.
 *
 * @param field the offending input field, when the server names one; else null
 */
public record Problem(String type, String title, int status, String detail, String field) {

    /** The most specific human text available. */
    public String message() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return title != null && !title.isBlank() ? title : "HTTP " + status;
    }
}
