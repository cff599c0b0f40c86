package org.goguides.checks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The programs the runner starts outside the sandbox (setsid, kill, prlimit, unshare, setpriv, bwrap,
 * the shell that joins a control group) and the environment they get. A snippet's {@code export PATH=…}
 * or {@code LD_PRELOAD=…} must never decide which binary runs on the host, nor what it loads: each
 * helper is looked up once, by absolute path, in a fixed system PATH that names only root-owned system
 * folders, and every host-side process starts with {@link #ENVIRONMENT} and nothing else. A snippet's
 * environment reaches only the process inside the sandbox (see {@link Isolation.Binds#env()}).
 */
public final class HostTools {
    /** The system folders helpers are looked up in: root-owned, never anything a snippet can write. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * A JVM option (never an environment variable, so nothing a shell or a snippet exports can set it) that
     * replaces {@link #DEFAULT_PATH}: {@code HostModesTest} uses it to stand in for a Mac, whose system folders
     * hold no bubblewrap, setsid, prlimit or bash 4.
     */
    public static final String PATH_PROPERTY = "goguides.host.path";

    /** Where helpers are looked up; never the user's PATH, never anything a snippet can write. */
    public static final String SYSTEM_PATH = System.getProperty(PATH_PROPERTY, DEFAULT_PATH);

    /** The whole environment of every host-side helper. */
    public static final Map<String, String> ENVIRONMENT = Map.of("PATH", SYSTEM_PATH, "LANG", "C.UTF-8");

    private static final Map<String, Optional<String>> FOUND = new ConcurrentHashMap<>();

    private HostTools() {
    }

    /** The absolute path of {@code name} in {@link #SYSTEM_PATH} (a regular executable file), or empty. */
    public static Optional<String> find(String name) {
        return FOUND.computeIfAbsent(name, HostTools::lookUp);
    }

    /**
     * The absolute path of {@code name}.
     *
     * @throws IOException naming the program when it is not installed in a system folder
     */
    public static String require(String name) throws IOException {
        return find(name).orElseThrow(() -> new IOException(name + " is not installed in a system folder (" + SYSTEM_PATH + ")"));
    }

    /** Whether {@code name} is installed in a system folder. */
    public static boolean has(String name) {
        return find(name).isPresent();
    }

    private static Optional<String> lookUp(String name) {
        if (name.contains("/")) return Optional.empty();
        for (String dir : SYSTEM_PATH.split(":")) {
            Path p = Path.of(dir, name);
            try {
                if (!Files.isRegularFile(p) || !Files.isExecutable(p)) continue;
                // /bin is a link to /usr/bin on merged systems: keep the real location, resolved now, once
                return Optional.of(p.toRealPath().toString());
            } catch (IOException e) {
                // a dangling link: look further
            }
        }
        return Optional.empty();
    }

    /** A host-side command line: the helper by absolute path, then its arguments. */
    public static List<String> command(String name, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(require(name)));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
