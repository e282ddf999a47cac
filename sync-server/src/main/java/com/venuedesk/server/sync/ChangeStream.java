package com.venuedesk.server.sync;

/**
 * One desk's open change stream, as {@link ChangeEvents} sees it: the few things it does with a connection, without
 * knowing how the connection is carried (server-sent events over Javalin today, adapted in {@link SyncApi}).
 */
public interface ChangeStream {
    /** Keeps the connection open after the handler that took it returns. */
    void keepAlive();

    /** Runs {@code action} once the desk or the server has ended the stream. */
    void onClose(Runnable action);

    /** Sends a comment line (a heartbeat or the greeting), which desks ignore. */
    void sendComment(String comment);

    /** Sends one named event with its data. */
    void sendEvent(String event, String data);

    /** Whether the stream has ended, so that nothing more can be sent. */
    boolean terminated();

    /** Ends the stream from the server's side. */
    void close();
}
