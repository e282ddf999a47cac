package com.venuedesk.benchmarks.desk;

/**
 * JavaFX without a display: Monocle's headless glass platform and the software renderer, unless
 * {@code -Dbench.headless=false} asks for the real display (run under {@code xvfb-run -a} on a server).
 */
final class Headless {
    private Headless() {
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("bench.headless"));
    }

    /** Call before the JavaFX toolkit starts: it reads these properties once. */
    static void configure() {
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        if (enabled()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("java.awt.headless", "true");
        }
    }
}
