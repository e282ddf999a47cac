package com.venuedesk.desk.sync;

/** The server wants a sign-in the client cannot give: no session, and the refresh token was refused. */
public final class NotSignedInException extends SyncException {

    public NotSignedInException(String message) {
        super(message, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
