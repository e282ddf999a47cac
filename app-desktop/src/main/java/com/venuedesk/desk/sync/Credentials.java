package com.venuedesk.desk.sync;

/** A username and password as typed at sign-in. Never logged. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
