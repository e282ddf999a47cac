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
 * arrived while the previous one ran. A few writers work side by side, each with its own queue; a create goes to the
 * writer its partition key (the resource) names. So creates for one resource, the ones that race for the same time,
 * are decided together in one transaction by one writer instead of queueing for the resource's row lock in several,
 * and creates for different resources do not wait for each other.
 *
 * @param <R> a create request
 * @param <O> its outcome
 */
final class CreateQueue<R, O> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CreateQueue.class);
    private static final String STOPPED = "the server stopped before the booking was written";

    private final List<BlockingQueue<Pending<R, O>>> queues = new ArrayList<>();
    private final Function<List<R>, List<O>> writeBatch;
    private final Function<R, ?> partitionKey;
    private final int maxBatch;
    private final Object lifecycle = new Object();
    private final List<Thread> running = new ArrayList<>();
    private boolean closed;

    private record Pending<R, O>(R request, CompletableFuture<O> outcome) {
        static <R, O> Pending<R, O> stop() {
            return new Pending<>(null, new CompletableFuture<>());
        }

        boolean isStop() {
            return request == null;
        }
    }

    /**
     * @param writeBatch   writes the requests in order, answering one outcome each, in the same order
     * @param partitionKey which writer takes a request: requests with equal keys always go to the same one
     * @param writers      how many batches may be written at the same time
     */
    CreateQueue(Function<List<R>, List<O>> writeBatch, Function<R, ?> partitionKey, int maxBatch, int writers) {
        this.writeBatch = writeBatch;
        this.partitionKey = partitionKey;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /** Queues the request and waits for its outcome; a failure of its batch is thrown here as it was thrown there. */
    O submit(R request) {
        Pending<R, O> pending = new Pending<>(request, new CompletableFuture<>());
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
            queues.get(Math.floorMod(partitionKey.apply(request).hashCode(), queues.size())).add(pending);
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
        } catch (RuntimeException | Error e) {
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
