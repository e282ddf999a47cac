package com.venuedesk.server.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where concurrent booking creates meet, so that a writer thread takes all that are waiting in one transaction
 * ("smart batching"): a lone create is written at once, alone; under a rush, each transaction carries as many as
 * arrived while the previous one ran. A few writers work side by side, each with its own queue; a create goes to the
 * writer its partition key (the resource) names. So creates for one resource, the ones that race for the same time,
 * are decided together in one transaction by one writer instead of queueing for the resource's row lock in several,
 * and creates for different resources do not wait for each other.
 *
 * <p>No single create can hold a writer, and so every other create, for long: a batch that fails (one create the
 * database refuses, a lock it waited for too long) hands each of its creates back to its caller, who writes it alone
 * on its own request thread; and a create that has waited {@code handBackAfter} in the queue without being taken
 * (the writer is busy with a slow batch) is taken back by its caller and written alone too. Writing alone is as safe
 * as writing in a batch: the database's row lock on the resource decides between them.
 *
 * @param <R> a create request
 * @param <O> its outcome
 */
final class CreateQueue<R, O> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CreateQueue.class);
    private static final String STOPPED = "the server stopped before the booking was written";

    private final List<BlockingQueue<Pending<R, O>>> queues = new ArrayList<>();
    private final Function<List<R>, List<O>> writeBatch;
    private final Function<R, O> writeAlone;
    private final long handBackAfterNanos;
    private final Function<R, ?> partitionKey;
    private final int maxBatch;
    private final Object lifecycle = new Object();
    private final List<Thread> running = new ArrayList<>();
    private boolean closed;

    /** The writer's answer to a create it hands back: its caller writes it alone. Carries no stack. */
    private static final class WriteAlone extends RuntimeException {
        WriteAlone() {
            super("written alone by its caller", null, false, false);
        }
    }

    private static final WriteAlone WRITE_ALONE = new WriteAlone();

    private record Pending<R, O>(R request, CompletableFuture<O> outcome) {
        static <R, O> Pending<R, O> stop() {
            return new Pending<>(null, new CompletableFuture<>());
        }

        boolean isStop() {
            return request == null;
        }
    }

    /**
     * @param writeBatch    writes the requests in order, answering one outcome each, in the same order; throws when
     *                      the batch as a whole failed (nothing of it written)
     * @param writeAlone    writes one request on its caller's thread, after its batch failed or it waited too long
     * @param partitionKey  which writer takes a request: requests with equal keys always go to the same one
     * @param writers       how many batches may be written at the same time
     * @param handBackAfter how long a create waits in the queue, not yet taken, before its caller writes it alone
     */
    CreateQueue(Function<List<R>, List<O>> writeBatch, Function<R, O> writeAlone, Function<R, ?> partitionKey,
                int maxBatch, int writers, java.time.Duration handBackAfter) {
        this.writeBatch = writeBatch;
        this.writeAlone = writeAlone;
        this.handBackAfterNanos = handBackAfter.toNanos();
        this.partitionKey = partitionKey;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /**
     * Queues the request and waits for its outcome. Should its batch fail, or should it wait in the queue longer than
     * {@code handBackAfter}, it is written alone here; a failure of that is thrown here, to this caller only.
     */
    O submit(R request) {
        Pending<R, O> pending = new Pending<>(request, new CompletableFuture<>());
        BlockingQueue<Pending<R, O>> queue;
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the server is stopping and takes no more bookings");
            }
            if (running.isEmpty()) {
                for (int i = 0; i < queues.size(); i++) {
                    BlockingQueue<Pending<R, O>> own = queues.get(i);
                    Thread writer = new Thread(() -> writeUntilStopped(own), "venuedesk-booking-writer-" + (i + 1));
                    writer.setDaemon(true);
                    writer.start();
                    running.add(writer);
                }
            }
            queue = queues.get(Math.floorMod(partitionKey.apply(request).hashCode(), queues.size()));
            queue.add(pending);
        }
        try {
            try {
                return pending.outcome().get(handBackAfterNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (queue.remove(pending)) {
                    // the writer is held by a slow batch and has not taken this one: write it here
                    LOG.info("a booking create waited {} ms for the writer; written by its own request",
                            TimeUnit.NANOSECONDS.toMillis(handBackAfterNanos));
                    return writeAlone.apply(request);
                }
                return pending.outcome().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the booking to be written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WriteAlone) {
                return writeAlone.apply(request);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Creates queued and not yet taken by a writer. */
    int waitingCount() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    private void writeUntilStopped(BlockingQueue<Pending<R, O>> queue) {
        List<Pending<R, O>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(queue);
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            // the stop mark is queued after every create accepted before close(): those ahead of it are written
            int stop = indexOfStop(batch);
            if (stop >= 0) {
                write(batch.subList(0, stop));
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
        } catch (RuntimeException e) {
            // one create the database refused, or a lock waited for too long: each create is written again alone,
            // by its own caller, so that only the one at fault fails or waits and this writer goes on at once
            LOG.info("a batch of {} booking creates failed ({}); each is written alone by its caller", batch.size(),
                    e.toString());
            batch.forEach(p -> p.outcome().completeExceptionally(WRITE_ALONE));
        } catch (Error e) {
            LOG.warn("a batch of {} booking creates failed: {}", batch.size(), e.toString());
            batch.forEach(p -> p.outcome().completeExceptionally(e));
        }
    }

    private static <R, O> void failAll(BlockingQueue<Pending<R, O>> queue) {
        List<Pending<R, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.outcome().completeExceptionally(new IllegalStateException(STOPPED)));
    }

    /** Stops taking creates; those already queued are written first, then the writer threads end. */
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
            queues.forEach(q -> q.add(Pending.stop()));
        }
        try {
            for (Thread writer : threads) {
                writer.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queues.forEach(CreateQueue::failAll);
    }
}
