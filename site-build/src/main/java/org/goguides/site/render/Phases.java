package org.goguides.site.render;

/**
 * Wall time per build stage, printed to stderr when the system property {@code goguides.phases} is
 * set (for the benchmarks: {@code -Dgoguides.phases}); silent and free otherwise.
 */
public final class Phases {
    private static final boolean ON = System.getProperty("goguides.phases") != null;
    private static long last = System.nanoTime();

    private Phases() {
    }

    /** Prints the time since the previous mark (or since start) under {@code name}. */
    public static synchronized void mark(String name) {
        if (!ON) return;
        long now = System.nanoTime();
        System.err.printf("phase %-24s %6d ms%n", name, (now - last) / 1_000_000);
        last = now;
    }
}
