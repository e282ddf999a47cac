package com.venuedesk.desk.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and callbacks at once on the calling thread, so that ViewModel tests are deterministic.
 * Failures that no caller handles are kept in {@link #unhandledFailures()} for the test to inspect.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final List<Exception> unhandled = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void reportFailure(Exception failure) {
        unhandled.add(failure);
    }

    public List<Exception> unhandledFailures() {
        return List.copyOf(unhandled);
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
