package com.venuedesk.desk.dialog;

import com.venuedesk.desk.i18n.Messages;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stop for failures nobody handled: logs the stack trace once with a short reference and tells the user
 * in words, never with the trace. Installed as the default uncaught-exception handler and as the executor fallback.
 */
public final class FailureReporter implements Thread.UncaughtExceptionHandler, Consumer<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(FailureReporter.class);

    private final Messages messages;
    private final Consumer<Runnable> uiThread;
    private final Supplier<DialogService> dialogs;

    /** @param dialogs the dialog service once the window exists, else null */
    public FailureReporter(Messages messages, Consumer<Runnable> uiThread, Supplier<DialogService> dialogs) {
        this.messages = messages;
        this.uiThread = uiThread;
        this.dialogs = dialogs;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        report(failure);
    }

    @Override
    public void accept(Exception failure) {
        report(failure);
    }

    /** Logs and tells the user; returns the reference shown to them. */
    public String report(Throwable failure) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected failure, reference {}", reference, failure);
        String text = messages.get("error.unexpected", reference);
        uiThread.accept(() -> {
            DialogService service = dialogs.get();
            if (service != null) {
                service.warn(text);
            }
        });
        return reference;
    }
}
