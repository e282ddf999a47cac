package com.venuedesk.benchmarks.desk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a main class in a fresh JVM (a true cold start: class loading, JIT, JavaFX toolkit, everything) with this
 * JVM's class path, and times it from {@code ProcessBuilder.start()} until a marker line appears on its output.
 */
public final class ChildJvm {
    /** What one start took: measured from outside, and as the child reports it from its own JVM start. */
    public record Start(double wallMillis, long reportedMillis) { }

    private final Path javaHome;
    private final List<String> jvmOptions;
    private final String classPath;

    /** A child on this JVM's own Java runtime. */
    public ChildJvm(List<String> jvmOptions) {
        this(Path.of(System.getProperty("java.home")), jvmOptions, classPath());
    }

    private ChildJvm(Path javaHome, List<String> jvmOptions, String classPath) {
        this.javaHome = javaHome;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classPath = classPath;
    }

    /** The same child with more JVM options after these. */
    public ChildJvm withOptions(String... more) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of(more));
        return new ChildJvm(javaHome, options, classPath);
    }

    /** The same child on the Java runtime in {@code home} (a JDK, or a runtime image with {@code bin/java}). */
    public ChildJvm onJava(Path home) {
        return new ChildJvm(home, jvmOptions, classPath);
    }

    /** The feature release of the Java runtime in {@code home}, from its {@code release} file; 0 if unknown. */
    public static int featureRelease(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * The same child with every directory of its class path (this build's {@code target/classes}) packed into a jar
     * in {@code dir}, as an installation has them: class-data sharing archives classes from jars only.
     */
    public ChildJvm asJars(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? ClassesJar.pack(path, dir).toString() : entry);
        }
        return new ChildJvm(javaHome, jvmOptions, String.join(File.pathSeparator, entries));
    }

    /** Runs {@code mainClass} to its end; fails with its exit code and last lines unless it ends with 0. */
    public void runToEnd(String mainClass, List<String> args, Map<String, String> properties, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(mainClass, args, properties)).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            watchdog(process, timeoutSeconds);
            String line;
            while ((line = out.readLine()) != null) {
                keep(tail, line);
            }
        } finally {
            stop(process);
        }
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException(mainClass + " ended with " + code + "; its last lines:\n" + String.join("\n", tail));
        }
    }

    /** The JavaFX options for a child: Monocle headless unless {@code -Dbench.headless=false} (then a real display, e.g. xvfb-run). */
    public static List<String> javafxOptions() {
        List<String> options = new ArrayList<>(List.of("-Dprism.order=sw"));
        if (Headless.enabled()) {
            options.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Djava.awt.headless=true"));
        }
        return options;
    }

    /**
     * Runs {@code mainClass} until a line matches {@code marker} (its first group: the child's own figure in ms),
     * then ends the child.
     */
    public Start runUntil(String mainClass, List<String> args, Map<String, String> properties, Pattern marker, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = command(mainClass, args, properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            watchdog(process, timeoutSeconds);
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = marker.matcher(line);
                if (m.find()) {
                    double wall = (System.nanoTime() - started) / 1e6;
                    stop(process);
                    return new Start(wall, Long.parseLong(m.group(1)));
                }
                keep(tail, line);
            }
        } finally {
            stop(process);
        }
        throw new IllegalStateException(mainClass + " ended without printing " + marker + "; its last lines:\n"
                + String.join("\n", tail));
    }

    private List<String> command(String mainClass, List<String> args, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private static void watchdog(Process process, long timeoutSeconds) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "child-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void keep(Deque<String> tail, String line) {
        tail.addLast(line);
        if (tail.size() > 40) {
            tail.removeFirst();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** exec:java runs us in its own class loader; {@code java.class.path} is Maven's then, not ours. */
    private static String classPath() {
        ClassLoader loader = ChildJvm.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("odd class path entry " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
