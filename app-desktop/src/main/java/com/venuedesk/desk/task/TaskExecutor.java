package com.venuedesk.desk.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the desk runs I/O (store, sync, HTTP). Work runs off the UI thread; its result or failure comes
 * back on the UI thread, so callbacks may touch controls and bound properties directly.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code work} in the background; a failure goes to the executor's fallback (log + tell the user). */
    default <T> void run(Callable<T> work, Consumer<? super T> onSuccess) {
        run(work, onSuccess, this::reportFailure);
    }

    /** Hands {@code action} to the UI thread, e.g. for events that listeners receive on a background thread. */
    void onUiThread(Runnable action);

    /** What happens to a background failure that no caller handles. */
    void reportFailure(Exception failure);

    /** Stops accepting work and waits briefly for running work to end. */
    @Override
    void close();
}
