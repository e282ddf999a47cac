package com.venuedesk.desk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A main class of the test class path run in its own JVM, so that it can be killed with SIGKILL
 * ({@link Process#destroyForcibly()}) like a crashing app. Its output is read line by line (and logged) so that a test
 * can wait for a line and kill at that moment.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);
    private static final String END = "\u0000end";

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Every line the child printed so far. */
    private final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::pump, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with the test JVM's class path and the given environment additions. */
    public static ChildJvm start(String name, Class<?> mainClass, Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dvenuedesk.log=WARN");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        log.info("Started {} (pid {})", name, process.pid());
        return new ChildJvm(name, process);
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.info("[{}] {}", name, line);
                output.add(line);
                lines.add(line);
            }
        } catch (IOException e) {
            log.debug("{} output closed: {}", name, e.toString());
        } finally {
            lines.add(END);
        }
    }

    /** Every line the child has printed so far (all of it once {@link #waitForExit} returned). */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** The first line from now on that matches, or an AssertionError naming what was awaited. */
    public String await(Predicate<String> wanted, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError(name + " did not print " + what + " within " + within);
            }
            if (END.equals(line)) {
                throw new AssertionError(name + " ended (exit " + exitCode() + ") before printing " + what);
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** SIGKILL: no shutdown hooks, no finally blocks, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived kill -9");
        }
        log.info("Killed {} (exit {})", name, process.exitValue());
    }

    public int waitForExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + within);
        }
        return process.exitValue();
    }

    private String exitCode() {
        return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
