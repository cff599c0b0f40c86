package org.goguides.checks.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much one session may keep on the runner's disk: its home, saved state, Go caches and root layer
 * together. Neither the kernel nor bubblewrap bounds a folder on the host's file system for an unprivileged
 * runner (no quota, no mount), so the runner measures: after every second of the session's run time it adds
 * up what the session's folders hold (the larger of their plain sizes, a sparse file counted in full, and their
 * allocated blocks, which {@code fallocate --keep-size} adds past a file's end; never following a link),
 * while a step runs and when it ends, and stops the step that crossed the bound. A snippet that writes without
 * end therefore fails with the bound named, having written at most about a second's worth beyond it (more when
 * the session holds so many files that a walk takes over 50 ms: walks then come at most once per twenty times
 * their own length); short steps cost nothing, since no walk runs before a second of run time has gathered. Too many entries (a
 * snippet making millions of empty files) cross the bound too, and so does a folder the runner cannot read
 * (its owner's own {@code chmod 000}), since what it holds cannot be counted. Besides, a step does not start (and a
 * running one is stopped at its next walk) while the file system holding the session has less free space than
 * {@link #belowFloor its floor}, whoever filled it.
 */
final class DiskBound {
    /** 4 GiB per session: a Go toolchain, a module cache and build cache of a guide's programs, many times over. */
    static final long DEFAULT_BYTES = 4L << 30;
    /** Entries (files, folders, links) per session; a guide's module cache holds a few thousand. */
    static final int MAX_ENTRIES = 200_000;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final long bytes;
    private final List<Path> roots;
    private long ran;
    private long checkedAt;
    private long stepStart = -1;
    /** Run time between two walks: a second, or twenty times the last walk, so that walking costs at most 5 %. */
    private long every = EVERY_NANOS;
    private volatile String hit;
    /** The free-space floor, when the file system holding the session fell below it during this step. */
    private volatile String low;
    /** The most the floor asks for: 2 GiB (or 10 % of a smaller file system). */
    static final long FLOOR_BYTES = 2L << 30;
    /** A fixed floor instead of {@link #FLOOR_BYTES} (tests), 0 for the default. */
    private final long floorBytes;

    /** @param bytes the bound, 0 for none; @param roots the session's folders, walked without following links */
    DiskBound(long bytes, List<Path> roots) {
        this(bytes, roots, 0);
    }

    /** @param floorBytes the free space below which steps stop, 0 for the smaller of 10 % and 2 GiB */
    DiskBound(long bytes, List<Path> roots, long floorBytes) {
        this.bytes = bytes;
        this.roots = List.copyOf(roots);
        this.floorBytes = floorBytes;
    }

    /** The bound in words, for a reason: {@code disk bound (4096 MiB in the session: home, Go caches, root layer)}. */
    String name() {
        String size = bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
        return "disk bound (" + size + " in the session: home, Go caches, root layer)";
    }

    /** A step starts: refused (stopped at once, the floor named) when the session's file system is below its free-space floor. */
    void started() {
        stepStart = System.nanoTime();
        low = bytes > 0 ? belowFloor() : null;
    }

    /**
     * The free-space floor of the file system holding the session, in words, when it has less free than the smaller of
     * 10 % and 2 GiB: one step (or many sessions together) must not fill the host's disk. Checked by a statfs when a
     * step starts and at every walk; null when above.
     */
    String belowFloor() {
        File fs = roots.isEmpty() ? null : roots.get(0).toFile();
        if (fs == null || !fs.isDirectory()) return null;
        long total = fs.getTotalSpace();
        long free = fs.getUsableSpace();
        long floor = floorBytes > 0 ? floorBytes : Math.min(total / 10, FLOOR_BYTES);
        if (total <= 0 || free >= floor) return null;
        return "free-space floor (" + (floor >> 20) + " MiB free on the file system holding the session; " + (free >> 20) + " MiB left)";
    }

    /** Polled while a step runs: whether the session crossed the bound (measured once per second of run time). */
    boolean crossed() {
        if (low != null) return true;
        if (bytes <= 0 || hit != null) return hit != null;
        long now = ran + (stepStart < 0 ? 0 : System.nanoTime() - stepStart);
        if (now - checkedAt >= every) {
            checkedAt = now;
            long t0 = System.nanoTime();
            measure();
            low = belowFloor();
            every = Math.max(EVERY_NANOS, 20 * (System.nanoTime() - t0));
        }
        return hit != null;
    }

    /** The step ended: its time counts, and the session is measured if a second of run time has gathered. */
    void ended() {
        if (stepStart >= 0) ran += System.nanoTime() - stepStart;
        stepStart = -1;
        crossed();
    }

    /** The bound crossed, named for a reason, or empty; once crossed, it stays crossed for the session (the floor, for the step). */
    Optional<String> hit() {
        return Optional.ofNullable(hit != null ? hit : low);
    }

    /**
     * The disk the session's folders take, in allocated blocks, by the host's {@code du -sxB1 -P} (absolute path, fixed
     * environment; Java has no st_blocks): a file's size does not show blocks allocated past its end
     * ({@code fallocate --keep-size}), which the kernel's RLIMIT_FSIZE does not stop either. 0 when there is no du.
     */
    private long allocated() {
        Optional<String> du = HostTools.find("du");
        if (du.isEmpty()) return 0;
        List<String> cmd = new ArrayList<>(List.of(du.get(), "-sxB1", "-P", "--"));
        for (Path r : roots) if (Files.isDirectory(r, LinkOption.NOFOLLOW_LINKS)) cmd.add(r.toString());
        if (cmd.size() == 4) return 0;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(HostTools.ENVIRONMENT);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            long sum = 0;
            for (String line : out.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) sum += Long.parseLong(line.substring(0, tab).strip());
            }
            return sum;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void measure() {
        long[] total = new long[2];
        String[] why = new String[1];
        for (Path root : roots) {
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                        return count(a);
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                        return count(a);
                    }

                    private FileVisitResult count(BasicFileAttributes a) {
                        if (a.isRegularFile()) total[0] += a.size();
                        total[1]++;
                        return total[0] > bytes || total[1] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof AccessDeniedException) {
                            why[0] = root.relativize(file) + " cannot be read, so what it holds cannot be counted";
                            return FileVisitResult.TERMINATE;
                        }
                        return FileVisitResult.CONTINUE; // removed while the walk passed
                    }
                });
            } catch (IOException e) {
                // a root removed meanwhile: nothing to count
            }
            if (why[0] != null || total[0] > bytes || total[1] > MAX_ENTRIES) break;
        }
        if (why[0] == null && total[0] <= bytes && total[1] <= MAX_ENTRIES) total[0] = Math.max(total[0], allocated());
        if (total[0] > bytes) hit = name();
        else if (total[1] > MAX_ENTRIES) hit = "disk bound (" + MAX_ENTRIES + " files and folders in the session)";
        else if (why[0] != null) hit = name() + ": " + why[0];
    }
}
