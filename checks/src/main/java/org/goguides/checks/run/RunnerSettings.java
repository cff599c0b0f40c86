package org.goguides.checks.run;

import java.nio.file.Path;

/**
 * How the runner works on this machine.
 *
 * @param workRoot where session directories are created (removed after each guide)
 * @param cacheDir the Go build and module caches shared by all snippets, owned by the runner
 * @param outputCap bytes of output kept per command; more is a failure
 * @param storedOutput characters of output kept in the results file per snippet
 * @param isolation the sandbox, or {@link Isolation#NONE}
 * @param goBin the {@code bin} folder of another Go toolchain to put first on PATH (the Go version
 *              matrix), or null for the host's own Go
 */
public record RunnerSettings(Path workRoot, Path cacheDir, int outputCap, int storedOutput, Isolation isolation, Path goBin) {

    /** With the host's own Go. */
    public RunnerSettings(Path workRoot, Path cacheDir, int outputCap, int storedOutput, Isolation isolation) {
        this(workRoot, cacheDir, outputCap, storedOutput, isolation, null);
    }

    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;
    public static final int DEFAULT_STORED_OUTPUT = 16 * 1024;

    /** The default cache: {@code $XDG_CACHE_HOME/goguides} or {@code ~/.cache/goguides}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("goguides");
    }
}
