package org.goguides.checks.engine;

/**
 * Configuration parameters of the guides engine. Each can be given as a JUnit configuration
 * parameter or a JVM system property ({@code -Dkey=value}).
 */
public final class Constants {
    /** The engine id: {@value}. */
    public static final String ENGINE_ID = "goguides";

    /** The content folder, overriding the marker class's value; default {@code content}: {@value}. */
    public static final String CONTENT = "goguides.content";

    /** Folder that receives the results file of the run; no file is written when unset: {@value}. */
    public static final String RESULTS_DIR = "goguides.results.dir";

    /** Paths in names and messages are relative to this folder (the repository root); default the working directory: {@value}. */
    public static final String DISPLAY_BASE = "goguides.display.base";

    /** Comma list of guide slugs to run; default all: {@value}. */
    public static final String GUIDES = "goguides.guides";

    /** {@code true} to skip every snippet marked {@code network}: {@value}. */
    public static final String OFFLINE = "goguides.offline";

    /** Prefix for host fact overrides, e.g. {@code goguides.host.os=darwin} (os, arch, kernel, wsl, wslVersion, distroId, distroVersion, go, online, rosetta): {@value}. */
    public static final String HOST_PREFIX = "goguides.host.";

    /** {@code false} to run guides one after another; default {@code true} (guides in parallel, snippets of a guide in order): {@value}. */
    public static final String PARALLEL = "goguides.parallel";

    /** The Go build and module caches shared by snippets; default {@code ~/.cache/goguides}: {@value}. */
    public static final String CACHE_DIR = "goguides.cache.dir";

    /** Where session directories are made; default a new folder under the system temp folder: {@value}. */
    public static final String WORK_DIR = "goguides.work.dir";

    /** Bytes of output kept per command before it is stopped as a failure; default 1 MiB: {@value}. */
    public static final String OUTPUT_CAP = "goguides.output.cap";

    /** {@code auto} (default): run snippets in the sandbox where this host has one; {@code none}: no sandbox, by choice: {@value}. */
    public static final String SANDBOX = "goguides.sandbox";

    /** Memory cap per snippet command, e.g. {@code 512m} or {@code 2g}; {@code 0} for none; default 2g: {@value}. */
    public static final String MEMORY_LIMIT = "goguides.limit.memory";

    /** Process (task) cap per snippet command; {@code 0} for none; default 1024: {@value}. */
    public static final String PROCESS_LIMIT = "goguides.limit.processes";

    /**
     * What one session may keep on disk (its home, Go caches and root layer together), e.g. {@code 512m} or {@code 8g};
     * {@code 0} for no bound; default 4g: {@value}.
     */
    public static final String DISK_LIMIT = "goguides.limit.disk";

    /**
     * {@code true} on a throwaway machine (a CI virtual machine): {@code root} steps run for real, without a root
     * layer; never the default. The environment variable {@code GOGUIDES_DISPOSABLE_HOST=1} does the same: {@value}.
     */
    public static final String DISPOSABLE_HOST = "goguides.disposable.host";

    /** The shell of console transcripts that name none: {@code auto} (default: zsh on macOS, bash elsewhere), {@code bash}, {@code zsh} or {@code sh}: {@value}. */
    public static final String CONSOLE_SHELL = "goguides.console.shell";

    private Constants() {
    }

    /** Run under this Go toolchain instead of the host's ({@code go1.22.12}), fetched through the module proxy; {@code local} or unset for the host's: {@value}. */
    public static final String GO_VERSION = "goguides.go";
}
