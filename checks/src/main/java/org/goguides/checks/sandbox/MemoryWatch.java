package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.goguides.checks.run.Isolation;

/**
 * The memory bound of a step where no control group counts it (a runner that is not root): prlimit's address-space
 * cap holds per process only, so three processes held 3 GiB under a 2 GiB bound. While the step runs, the runner
 * adds up the memory of every process below the one it started (bubblewrap and the sandbox's PID namespace, found
 * through the host's {@code /proc/PID/task/TID/children}) every {@value #EVERY_MS} ms: anonymous and shared-memory
 * resident pages ({@code RssAnon + RssShmem} of {@code /proc/PID/status}; file pages are the page cache's and
 * shared by all), and stops the step over the bound, named. What a step holds between two counts, and files in its
 * private /tmp (a 512 MiB tmpfs of its own), are not in the count.
 */
final class MemoryWatch implements Isolation.Wrapped {
    static final int EVERY_MS = 100;
    private static final Path PROC = Path.of("/proc");

    private final List<String> command;
    private final long bytes;
    private volatile ProcessHandle root;
    private long next;
    private volatile String hit;
    /** The largest sum seen, for tests and reports. */
    private volatile long peak;

    MemoryWatch(List<String> command, long bytes) {
        this.command = List.copyOf(command);
        this.bytes = bytes;
    }

    /** The bound in words: {@code memory limit (2048 MiB, counted by the runner every 100 ms)}. */
    static String name(long bytes) {
        return "memory limit (" + (bytes >> 20) + " MiB, counted by the runner every " + EVERY_MS + " ms)";
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public void started(ProcessHandle process) {
        root = process;
        next = System.nanoTime() + EVERY_MS * 1_000_000L;
    }

    /** Counts when {@value #EVERY_MS} ms have passed since the last count (polled every 50 ms by the runner). */
    @Override
    public Optional<String> limitHit() {
        ProcessHandle r = root;
        // only while it runs: once it ended, its number may already be another process's
        if (hit == null && r != null && System.nanoTime() - next >= 0 && r.isAlive()) {
            next = System.nanoTime() + EVERY_MS * 1_000_000L;
            long used = resident(r.pid());
            peak = Math.max(peak, used);
            if (used > bytes) hit = name(bytes);
        }
        return Optional.ofNullable(hit);
    }

    long peak() {
        return peak;
    }

    /** Resident anonymous and shared memory of {@code pid} and every process below it, in bytes. */
    static long resident(long pid) {
        long sum = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            long p = todo.pop();
            if (!seen.add(p) || seen.size() > 100_000) continue;
            sum += memory(p);
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(Long.toString(p)).resolve("task"))) {
                for (Path t : tasks) {
                    String children = Files.readString(t.resolve("children"), StandardCharsets.US_ASCII).strip();
                    if (children.isEmpty()) continue;
                    for (String c : children.split("\\s+")) todo.push(Long.parseLong(c));
                }
            } catch (IOException | RuntimeException e) {
                // ended meanwhile
            }
        }
        return sum;
    }

    private static long memory(long pid) {
        long kib = 0;
        try {
            for (String l : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.US_ASCII)) {
                if (l.startsWith("RssAnon:") || l.startsWith("RssShmem:")) kib += Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile
        }
        return kib << 10;
    }
}
