package com.venuedesk.desk.setup;

/** Sends a venue's first-run setup to its server ({@code POST /api/v1/setup}). */
@FunctionalInterface
public interface VenueSetupClient {

    /** What the form asks for. */
    record SetupRequest(String venueName, String timeZone, String username, String password) { }

    /** The server's answer: set up, or refused (with the field it names, if any; already set up: no field). */
    sealed interface Outcome permits Outcome.SetUp, Outcome.Refused {
        record SetUp(String username) implements Outcome { }

        record Refused(String field, String reason) implements Outcome { }
    }

    Outcome setUp(SetupRequest request) throws Exception;
}
