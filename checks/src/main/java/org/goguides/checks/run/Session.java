package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a reader has who types a guide's steps into one terminal: a working directory, exported
 * variables, and a fresh directory that is both HOME and the first working directory. The runner
 * reads the state back after each snippet, so {@code cd} and {@code export} hold for the next one.
 */
public final class Session {
    private static final Set<String> NOT_CARRIED = Set.of("_", "SHLVL", "PWD");

    private final Path root;
    private final Path home;
    private final Path control;
    private Path cwd;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String failedStep;
    private String stray;

    private Session(Path root, Map<String, String> baseEnv) {
        this.root = root;
        this.home = root.resolve("home");
        this.control = root.resolve("control");
        this.cwd = home;
        env.putAll(baseEnv);
        env.put("HOME", home.toString());
    }

    /** Creates a session directory under {@code workRoot} with the given base environment (HOME is set to it). */
    public static Session create(Path workRoot, String name, Map<String, String> baseEnv) throws IOException {
        Files.createDirectories(workRoot);
        Path root = Files.createTempDirectory(workRoot, name.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        Session s = new Session(root, baseEnv);
        Files.createDirectories(s.home);
        Files.createDirectories(s.control);
        return s;
    }

    /**
     * A new session that starts where {@code prior} ended (a guide with {@code after:}): a copy of its HOME,
     * its working directory and its exported variables, with paths into the old HOME moved to the new one.
     * {@code prior} is left as it is, so several guides can build on the same one.
     */
    public static Session continuing(Path workRoot, String name, Session prior) throws IOException {
        Session s = create(workRoot, name, Map.of());
        HomeCopy.copy(prior.home, s.home);
        String oldHome = prior.home.toString();
        String newHome = s.home.toString();
        prior.env.forEach((k, v) -> s.env.put(k, v.replace(oldHome, newHome)));
        s.env.put("HOME", newHome);
        Path cwd = prior.cwd();
        s.cwd = cwd.startsWith(prior.home) ? s.home.resolve(prior.home.relativize(cwd).toString()) : s.home;
        return s;
    }

    public Path home() {
        return home;
    }

    public Path control() {
        return control;
    }

    /** The working directory, or HOME if a snippet removed it. */
    public Path cwd() {
        return Files.isDirectory(cwd) ? cwd : home;
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** Why the last step's final directory was not kept (it left $HOME for the runner's own folder), once; else null. */
    String takeStrayDirectory() {
        String s = stray;
        stray = null;
        return s;
    }

    /** The id of the first snippet that failed in this session, or null. */
    public String failedStep() {
        return failedStep;
    }

    public void markFailed(String id) {
        if (failedStep == null) failedStep = id;
    }

    /** Reads back the directory and exported variables a wrapper script saved. */
    void readState(Path cwdFile, Path envFile) {
        try {
            if (Files.isRegularFile(cwdFile)) {
                String d = Files.readString(cwdFile, StandardCharsets.UTF_8).strip();
                if (!d.isEmpty()) cwd = Path.of(d);
                if (cwd.startsWith(root) && !cwd.startsWith(home)) {
                    // `cd ..` from $HOME: on a reader's machine that is /home or /Users, here the runner's own folder
                    stray = "the step left $HOME for " + cwd + ", the runner's folder that holds this session "
                            + "(a reader's `cd ..` from $HOME reaches /home or /Users instead); the next step would start in $HOME. "
                            + "Stay inside $HOME, or cd to a system directory by its absolute path";
                    cwd = home;
                }
            }
            if (Files.isRegularFile(envFile)) {
                String all = Files.readString(envFile, StandardCharsets.UTF_8);
                Map<String, String> next = new LinkedHashMap<>();
                for (String entry : all.split("\0")) {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) continue;
                    String k = entry.substring(0, eq);
                    if (!NOT_CARRIED.contains(k) && !k.startsWith("BASH_FUNC_")) next.put(k, entry.substring(eq + 1));
                }
                if (!next.isEmpty()) {
                    env.clear();
                    env.putAll(next);
                }
            }
        } catch (IOException e) {
            // the snippet was killed before it could save; keep the previous state
        }
    }

    /** Removes the session directory. Files made read-only (Go's module cache does that) are made writable first. */
    public void delete() {
        Trees.deleteQuietly(root);
    }
}
