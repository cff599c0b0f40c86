package org.goguides.checks.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs one host-side process (a sandbox's outermost helper) with the fixed {@link HostTools#ENVIRONMENT},
 * a time limit and an output cap, and makes sure that nothing it started outlives it: the process leads
 * its own process group (via {@code setsid --wait} where available) and the whole group and every
 * descendant are killed when it ends or times out. What the command needs of a snippet's environment it
 * carries in its arguments, for the sandboxed process alone.
 */
public final class ProcessRunner {
    private static final java.util.Optional<String> SETSID = HostTools.find("setsid");

    private static final java.util.Optional<String> KILL = HostTools.find("kill");

    private ProcessRunner() {
    }

    public static ProcessResult run(List<String> command, Path cwd, Duration timeout, int outputCap) throws IOException {
        return run(command, cwd, timeout, outputCap, () -> false);
    }

    /**
     * As {@link #run(List, Path, Duration, int)}, and also stops the process as soon as {@code stop}
     * says so (a sandbox limit was hit; polled every 50 ms). A stopped process reports exit 124 and
     * {@code timedOut}; the caller that asked for the stop knows the real reason.
     */
    public static ProcessResult run(List<String> command, Path cwd, Duration timeout, int outputCap,
                                    BooleanSupplier stop) throws IOException {
        return run(command, cwd, timeout, outputCap, stop, false);
    }

    /**
     * As {@link #run(List, Path, Duration, int, BooleanSupplier)}; {@code contained} says the command
     * runs in its own PID namespace, so when it ends by itself nothing of it is left and the process
     * group need not be killed (which costs starting {@code kill}).
     */
    public static ProcessResult run(List<String> command, Path cwd, Duration timeout, int outputCap,
                                    BooleanSupplier stop, boolean contained) throws IOException {
        return run(command, cwd, timeout, outputCap, stop, contained, p -> { });
    }

    /** As above, telling {@code started} the process as soon as it runs (a watcher of its memory counts from there). */
    public static ProcessResult run(List<String> command, Path cwd, Duration timeout, int outputCap,
                                    BooleanSupplier stop, boolean contained, java.util.function.Consumer<ProcessHandle> started) throws IOException {
        List<String> full = new ArrayList<>();
        // its own process group, so that a timeout kills all of it; a contained command needs none (killing
        // it ends its PID namespace), which saves starting setsid for every snippet
        boolean group = SETSID.isPresent() && !contained;
        if (group) {
            full.add(SETSID.get());
            full.add("--wait");
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(HostTools.ENVIRONMENT);
        CommandTrace.record(full, cwd, HostTools.ENVIRONMENT);
        long start = System.nanoTime();
        Process p = pb.start();
        started.accept(p.toHandle());
        CountDownLatch overflow = new CountDownLatch(1);
        BoundedSink sink = new BoundedSink(p.getInputStream(), outputCap, overflow::countDown);
        Thread reader = new Thread(sink, "snippet-output-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = waitFor(p, timeout, overflow, stop);
        } catch (InterruptedException e) {
            killTree(p, group);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (!finished || !contained) killTree(p, group);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
            // what the snippet printed may still sit in the pipe: on a loaded machine the reader can need
            // more than a moment to drain it (a lost tail reads as wrong output). Only an escaped daemon that
            // keeps the pipe open (no sandbox) makes this wait run out; the output read so far is kept.
            reader.join(finished ? 10_000 : 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        boolean overflowed = sink.overflowed();
        int exit = finished && !overflowed ? p.exitValue() : 124;
        String out = OutputText.decode(sink.bytes());
        return new ProcessResult(exit, !finished && !overflowed, overflowed, out, sink.total(), ms);
    }

    /** Waits until the process ends, the time is up, the output overflows or {@code stop} says so; true if it ended by itself. */
    private static boolean waitFor(Process p, Duration timeout, CountDownLatch overflow, BooleanSupplier stop)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            if (p.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS)) return true;
            if (overflow.getCount() == 0 || stop.getAsBoolean()) return false;
        }
    }

    /**
     * Kills the process group led by {@code p} (when it leads one), then every descendant found before, then {@code p}.
     * Through its {@link ProcessHandle}: {@link Process#destroyForcibly()} also closes the output stream, and what a
     * snippet printed just before it exited, not yet read by a reader thread that a loaded machine had not scheduled,
     * was lost (a passing step then failed with "output differs": nothing printed).
     */
    static void killTree(Process p, boolean group) {
        List<ProcessHandle> desc = p.descendants().toList();
        if (group && KILL.isPresent()) {
            try {
                ProcessBuilder pb = new ProcessBuilder(KILL.get(), "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().clear();
                pb.environment().putAll(HostTools.ENVIRONMENT);
                Process k = pb.start();
                k.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall through to per-process kills
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        desc.forEach(ProcessHandle::destroyForcibly);
        p.toHandle().destroyForcibly();
    }

}
