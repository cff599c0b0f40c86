package org.goguides.checks.run;

import java.nio.file.Path;

/**
 * How the runner works on this machine.
 *
 * @param workRoot where session directories are created (removed after each guide)
 * @param cacheDir the runner's own cache (toolchains it fetched); snippets see it read-only at most
 * @param outputCap bytes of output kept per command; more is a failure
 * @param storedOutput characters of output kept in the results file per snippet
 * @param isolation the sandbox, or {@link Isolation#NONE}
 * @param goBin the {@code bin} folder of another Go toolchain to put first on PATH (the Go version
 *              matrix), or null for the host's own Go
 * @param consoleShell the shell console transcripts run in when a step names none: the reader's login shell
 *              on the host ({@code zsh} on macOS, {@code bash} elsewhere, see {@link #readerShell(String)})
 * @param diskBytes what one session may keep on disk (home, Go caches, root layer; see {@link DiskBound}), 0 for no bound
 */
public record RunnerSettings(Path workRoot, Path cacheDir, int outputCap, int storedOutput, Isolation isolation, Path goBin,
                             String consoleShell, long diskBytes) {

    public RunnerSettings {
        if (consoleShell == null) consoleShell = "bash";
        if (diskBytes < 0) throw new IllegalArgumentException("the disk bound must not be negative");
    }

    /** With the default disk bound ({@link #DEFAULT_DISK_BYTES}). */
    public RunnerSettings(Path workRoot, Path cacheDir, int outputCap, int storedOutput, Isolation isolation, Path goBin, String consoleShell) {
        this(workRoot, cacheDir, outputCap, storedOutput, isolation, goBin, consoleShell, DEFAULT_DISK_BYTES);
    }

    /** 4 GiB per session (see {@link DiskBound}). */
    public static final long DEFAULT_DISK_BYTES = DiskBound.DEFAULT_BYTES;

    /** With the host's own Go. */
    public RunnerSettings(Path workRoot, Path cacheDir, int outputCap, int storedOutput, Isolation isolation) {
        this(workRoot, cacheDir, outputCap, storedOutput, isolation, null, "bash", DEFAULT_DISK_BYTES);
    }

    /** Console transcripts in bash. */
    public RunnerSettings(Path workRoot, Path cacheDir, int outputCap, int storedOutput, Isolation isolation, Path goBin) {
        this(workRoot, cacheDir, outputCap, storedOutput, isolation, goBin, "bash", DEFAULT_DISK_BYTES);
    }

    /**
     * The shell a reader types into on a host of Go's {@code os}: zsh on macOS (its default login shell since
     * macOS 10.15 Catalina), bash elsewhere (Linux distributions and WSL).
     */
    public static String readerShell(String os) {
        return "darwin".equals(os) ? "zsh" : "bash";
    }

    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;
    public static final int DEFAULT_STORED_OUTPUT = 16 * 1024;

    /**
     * The runner's own cache (the toolchains of {@code --go} and the guides' Go caches):
     * {@code $GOGUIDES_CACHE_DIR} when set (absolute; {@code .ci/fresh-run} sets it so that every cache starts
     * empty, for root too), else {@code $XDG_CACHE_HOME/goguides}; for root {@code /var/cache/goguides}, which
     * the sandbox user (nobody) can reach to see a toolchain read-only, where root's home is closed to it;
     * else {@code $HOME/.cache/goguides}. {@code $HOME} comes before the JVM's {@code user.home} (which JDK 17
     * takes from the password database), so that {@code HOME=$(mktemp -d)} really starts from empty caches.
     * Snippets never write here except in their own guide's cache.
     */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), System.getProperty("user.home"), "root".equals(System.getProperty("user.name")));
    }

    static Path defaultCacheDir(java.util.Map<String, String> env, String userHome, boolean root) {
        String own = env.get("GOGUIDES_CACHE_DIR");
        if (own != null && !own.isBlank() && Path.of(own).isAbsolute()) return Path.of(own);
        // the XDG spec ignores a relative path
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "goguides");
        if (root) return Path.of("/var/cache/goguides");
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".cache", "goguides");
    }
}
