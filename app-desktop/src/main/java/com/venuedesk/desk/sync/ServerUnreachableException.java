package com.venuedesk.desk.sync;

import java.io.IOException;

/** The server could not be reached or the connection broke: the desk is offline. */
public final class ServerUnreachableException extends SyncException {

    public ServerUnreachableException(String message, IOException cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
