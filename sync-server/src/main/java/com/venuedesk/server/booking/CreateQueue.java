package com.venuedesk.server.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where concurrent booking creates meet, so that a writer thread takes all that are waiting in one transaction
 * ("smart batching"): a lone create is written at once, alone; under a rush, each transaction carries as many as
 * arrived while the previous one ran. A few writers work side by side, so that a batch waiting for the database does
 * not hold up the next one; their resource locks are taken in one order, so they never wait for each other in a cycle. Each create still gets exactly the outcome it would get on its own after those
 * ahead of it (see {@link BookingService}), but a batch costs one lock query, one read, one insert batch and one
 * commit instead of that many per booking.
 *
 * @param <R> a create request
 * @param <O> its outcome
 */
final class CreateQueue<R, O> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CreateQueue.class);

    private final BlockingQueue<Pending<R, O>> waiting = new LinkedBlockingQueue<>();
    private final Function<List<R>, List<O>> writeBatch;
    private final int maxBatch;
    private final int writers;
    private final Object lifecycle = new Object();
    private final List<Thread> running = new ArrayList<>();
    private boolean closed;

    private record Pending<R, O>(R request, CompletableFuture<O> outcome) {
        boolean isStop() {
            return request == null;
        }
    }

    /** @param writeBatch writes the requests in order, answering one outcome each, in the same order */
    CreateQueue(Function<List<R>, List<O>> writeBatch, int maxBatch, int writers) {
        this.writeBatch = writeBatch;
        this.maxBatch = maxBatch;
        this.writers = writers;
    }

    /** Queues the request and waits for its outcome; a failure of its batch is thrown here as it was thrown there. */
    O submit(R request) {
        Pending<R, O> pending = new Pending<>(request, new CompletableFuture<>());
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the server is stopping and takes no more bookings");
            }
            if (running.isEmpty()) {
                for (int i = 1; i <= writers; i++) {
                    Thread writer = new Thread(this::writeUntilClosed, "venuedesk-booking-writer-" + i);
                    writer.setDaemon(true);
                    writer.start();
                    running.add(writer);
                }
            }
            waiting.add(pending);
        }
        try {
            return pending.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the booking to be written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Creates queued and not yet taken by a writer. */
    int waitingCount() {
        return waiting.size();
    }

    private void writeUntilClosed() {
        List<Pending<R, O>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(waiting, "the server stopped before the booking was written");
                return;
            }
            waiting.drainTo(batch, maxBatch - 1);
            // the stop mark is queued after every create accepted before close(): those ahead of it are written
            int stop = indexOfStop(batch);
            if (stop >= 0) {
                write(batch.subList(0, stop));
                List<Pending<R, O>> after = new ArrayList<>(batch.subList(stop + 1, batch.size()));
                after.forEach(p -> {
                    if (!p.isStop()) {
                        p.outcome().completeExceptionally(new IllegalStateException("the server stopped before the booking was written"));
                    }
                });
                // the other writers each need a stop mark of their own
                waiting.add(new Pending<>(null, new CompletableFuture<>()));
                return;
            }
            write(batch);
            batch.clear();
        }
    }

    private static <R, O> int indexOfStop(List<Pending<R, O>> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).isStop()) {
                return i;
            }
        }
        return -1;
    }

    private void write(List<Pending<R, O>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<O> outcomes = writeBatch.apply(batch.stream().map(Pending::request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("a batch of {} booking creates failed: {}", batch.size(), e.toString());
            batch.forEach(p -> p.outcome().completeExceptionally(e));
        }
    }

    private static <R, O> void failAll(BlockingQueue<Pending<R, O>> queue, String reason) {
        List<Pending<R, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.outcome().completeExceptionally(new IllegalStateException(reason)));
    }

    /** Stops taking creates; those already queued are written first, then the writer thread ends. */
    @Override
    public void close() {
        List<Thread> threads;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            threads = List.copyOf(running);
            // not an interrupt: a writer may be inside a JDBC call, which an interrupt could leave half done
            waiting.add(new Pending<>(null, new CompletableFuture<>()));
        }
        try {
            for (Thread writer : threads) {
                writer.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending<R, O>> left = new ArrayList<>();
        waiting.drainTo(left);
        left.stream().filter(p -> !p.isStop()).forEach(p -> p.outcome().completeExceptionally(
                new IllegalStateException("the server stopped before the booking was written")));
    }
}
