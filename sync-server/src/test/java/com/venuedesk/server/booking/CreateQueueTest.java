package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CreateQueueTest {

    @Test
    void createsThatArriveWhileABatchIsWrittenGoTogetherInTheNextOneAndEachGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        try (CreateQueue<Integer, String> queue = new CreateQueue<>(batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
            }
            return batch.stream().map(n -> "booked " + n).toList();
        }, n -> "alone " + n, n -> "Room A", 64, 1, Duration.ofSeconds(30))) {
            ExecutorService callers = Executors.newFixedThreadPool(6);
            Future<String> first = callers.submit(() -> queue.submit(0));
            assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> rest = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                int request = n;
                rest.add(callers.submit(() -> queue.submit(request)));
            }
            waitUntilQueued(queue, rest);
            releaseFirstBatch.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("booked 0");
            for (int n = 1; n <= 5; n++) {
                assertThat(rest.get(n - 1).get(10, TimeUnit.SECONDS)).isEqualTo("booked " + n);
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(0)).containsExactly(0);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            callers.shutdown();
        }
    }

    @Test
    void createsWithTheSamePartitionKeyAreAlwaysWrittenByTheSameWriter() throws Exception {
        java.util.Map<String, java.util.Set<String>> writersByRoom = new java.util.concurrent.ConcurrentHashMap<>();
        try (CreateQueue<String, String> queue = new CreateQueue<>(batch -> {
            batch.forEach(room -> writersByRoom.computeIfAbsent(room, r -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().getName()));
            return batch;
        }, room -> room, room -> room, 64, 4, Duration.ofSeconds(30))) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String room = "Room " + (i % 10);
                answers.add(callers.submit(() -> queue.submit(room)));
            }
            for (Future<String> answer : answers) {
                answer.get(10, TimeUnit.SECONDS);
            }
            callers.shutdown();
        }
        assertThat(writersByRoom).hasSize(10);
        assertThat(writersByRoom.values()).allSatisfy(writers -> assertThat(writers).hasSize(1));
    }

    @Test
    void aBatchThatFailsFailsOnlyItsOwnCreatesAndTheWriterGoesOn() {
        try (CreateQueue<Integer, String> queue = new CreateQueue<>(batch -> {
            if (batch.contains(13)) {
                throw new IllegalStateException("database refused the batch");
            }
            return batch.stream().map(n -> "booked " + n).toList();
        }, n -> {
            if (n == 13) {
                throw new IllegalStateException("database refused the create");
            }
            return "alone " + n;
        }, n -> n, 64, 2, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> queue.submit(13)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("database refused the create");
            assertThat(queue.submit(14)).isEqualTo("booked 14");
        }
    }

    @Test
    void aCreateThatFailsInABatchFailsAloneAndTheOthersOfItsBatchAreWrittenByTheirCallers() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        try (CreateQueue<Integer, String> queue = new CreateQueue<>(batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
            }
            if (batch.contains(13)) {
                throw new IllegalStateException("database refused the batch");
            }
            return batch.stream().map(n -> "booked " + n).toList();
        }, n -> {
            if (n == 13) {
                throw new IllegalStateException("database refused 13");
            }
            return "alone " + n + " on " + Thread.currentThread().getName();
        }, n -> "Room A", 64, 1, Duration.ofSeconds(30))) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            Future<String> first = callers.submit(() -> queue.submit(0));
            assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> rest = List.of(callers.submit(() -> queue.submit(12)),
                    callers.submit(() -> queue.submit(13)), callers.submit(() -> queue.submit(14)));
            waitUntilQueued(queue, rest);
            releaseFirstBatch.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("booked 0");
            assertThat(rest.get(0).get(10, TimeUnit.SECONDS)).startsWith("alone 12 on pool-");
            assertThatThrownBy(() -> rest.get(1).get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database refused 13");
            assertThat(rest.get(2).get(10, TimeUnit.SECONDS)).startsWith("alone 14 on pool-");
            assertThat(batches).hasSize(2);
            assertThat(queue.submit(15)).as("the writer goes on").isEqualTo("booked 15");
            callers.shutdown();
        }
    }

    @Test
    void aCreateQueuedBehindASlowBatchIsWrittenByItsOwnCallerWithinTheBound() throws Exception {
        CountDownLatch slowBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseSlowBatch = new CountDownLatch(1);
        try (CreateQueue<Integer, String> queue = new CreateQueue<>(batch -> {
            if (batch.contains(0)) {
                slowBatchStarted.countDown();
                await(releaseSlowBatch);
            }
            return batch.stream().map(n -> "booked " + n).toList();
        }, n -> "alone " + n, n -> "Room A", 64, 1, Duration.ofMillis(300))) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            Future<String> slow = callers.submit(() -> queue.submit(0));
            assertThat(slowBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            Future<String> behind = callers.submit(() -> queue.submit(1));
            assertThat(behind.get(5, TimeUnit.SECONDS)).isEqualTo("alone 1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the bound: hand back after 300 ms")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(slow.isDone()).as("the slow create is still being written").isFalse();
            assertThat(queue.waitingCount()).isZero();
            releaseSlowBatch.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("booked 0");
            callers.shutdown();
        }
    }

    @Test
    void afterCloseNoCreateIsTakenAndTheWritersHaveEnded() {
        CreateQueue<Integer, String> queue = new CreateQueue<>(batch -> batch.stream().map(n -> "booked " + n).toList(),
                n -> "alone " + n, n -> n, 64, 3, Duration.ofSeconds(30));
        assertThat(queue.submit(1)).isEqualTo("booked 1");
        queue.close();
        assertThatThrownBy(() -> queue.submit(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopping");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("venuedesk-booking-writer") && t.isAlive());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The callers have reached submit() and wait: their futures are not done while the writer is held. */
    private static void waitUntilQueued(CreateQueue<Integer, String> queue, List<Future<String>> callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.waitingCount() < callers.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queue.waitingCount()).isEqualTo(callers.size());
    }
}
