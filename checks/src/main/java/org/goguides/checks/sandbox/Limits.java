package org.goguides.checks.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * The resource limits every snippet command runs under, besides its timeout and output cap: how much
 * memory it may use and how many processes (threads count, as the kernel counts tasks) it may have.
 *
 * @param memoryBytes memory cap in bytes; 0 for none
 * @param processes process (task) cap; 0 for none
 * @param fileBytes the largest file a step may write (RLIMIT_FSIZE, set inside the sandbox: the session's disk bound);
 *        0 for none. The kernel stops a write, truncate or fallocate past it with SIGXFSZ, but not blocks that
 *        {@code fallocate --keep-size} allocates past a file's end (Linux 6.18, ext4): those the disk bound counts.
 */
public record Limits(long memoryBytes, int processes, long fileBytes) {
    /** 2 GiB and 1024 tasks: plenty for {@code go build}, far below what hurts a developer machine. */
    public static final Limits DEFAULT = new Limits(2L << 30, 1024);

    public Limits(long memoryBytes, int processes) {
        this(memoryBytes, processes, 0);
    }

    public Limits {
        if (memoryBytes < 0 || processes < 0 || fileBytes < 0) throw new IllegalArgumentException("limits must not be negative");
    }

    /** The memory cap in words for a reason: {@code memory limit (512 MiB)}. */
    public String memoryName() {
        return "memory limit (" + (memoryBytes >> 20) + " MiB)";
    }

    /** The process cap in words for a reason: {@code process limit (64 processes)}. */
    public String processName() {
        return "process limit (" + processes + " processes)";
    }

    /**
     * Parses a size such as {@code 512m}, {@code 2g}, {@code 1048576}; empty when it is not one.
     * Suffixes k, m, g (powers of 1024), optionally followed by {@code b} or {@code ib}.
     */
    public static Optional<Long> parseSize(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long unit = 1;
        if (s.endsWith("k")) unit = 1L << 10;
        else if (s.endsWith("m")) unit = 1L << 20;
        else if (s.endsWith("g")) unit = 1L << 30;
        if (unit > 1) s = s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(s.strip());
            return n < 0 ? Optional.empty() : Optional.of(n * unit);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
