package org.goguides.checks.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader has who types a guide's steps into one terminal: a working directory, exported
 * variables, and a fresh directory that is both HOME and the first working directory. The runner
 * reads the state back after each snippet, so {@code cd} and {@code export} hold for the next one.
 * Everything under the session directory but {@code control} (the runner's scripts) is written by
 * snippets and treated as hostile: read back only as plain files of bounded size, never through a link.
 * Its Go caches belong to this version of this guide alone (see {@link GuideCaches}), so what a snippet
 * puts there is seen by no other guide, nor by a changed version of its own.
 */
public final class Session {
    private static final Set<String> NOT_CARRIED = Set.of("_", "SHLVL", "PWD");
    /** Exported variables larger than this in total are not carried (they travel as sandbox arguments). */
    public static final int MAX_ENV_BYTES = 256 * 1024;
    private static final int MAX_CWD_BYTES = 8192;

    private final Path root;
    private final Path home;
    private final Path control;
    private final Path state;
    private final Path cache;
    private Path cwd;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String failedStep;
    private String stray;
    private int uid = -1;
    private DiskBound disk;

    private Session(Path root, Map<String, String> baseEnv, Path cache) {
        this.root = root;
        this.home = root.resolve("home");
        this.control = root.resolve("control");
        this.state = root.resolve("state");
        this.cache = cache == null ? root.resolve("cache") : cache;
        this.cwd = home;
        env.putAll(baseEnv);
        env.put("HOME", home.toString());
        env.put("GOCACHE", this.cache.resolve("go-build").toString());
        env.put("GOMODCACHE", this.cache.resolve("gomod").toString());
    }

    /** As {@link #create(Path, String, Map, int, Path)} for sandboxes that run as the runner's own user, with fresh caches. */
    public static Session create(Path workRoot, String name, Map<String, String> baseEnv) throws IOException {
        return create(workRoot, name, baseEnv, -1, null);
    }

    /**
     * Creates a session directory under {@code workRoot} with the given base environment (HOME and the Go
     * caches are set to it). {@code ownerUid} (not -1) is the host user the sandbox runs as: the folders
     * a snippet writes (home, saved state, caches) are handed to it; the runner's scripts stay the runner's.
     * {@code cache} is the folder for the Go caches (see {@link GuideCaches}); null for a fresh one in the session.
     */
    public static Session create(Path workRoot, String name, Map<String, String> baseEnv, int ownerUid, Path cache) throws IOException {
        Files.createDirectories(workRoot);
        Path root = Files.createTempDirectory(workRoot, name.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        Session s = new Session(root, baseEnv, cache);
        s.uid = ownerUid;
        Files.createDirectory(s.control);
        for (Path d : List.of(s.home, s.state, s.cache, s.cache.resolve("go-build"), s.cache.resolve("gomod"))) {
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) continue; // a guide's kept cache
            Files.createDirectory(d);
            if (ownerUid >= 0) Files.setAttribute(d, "unix:uid", ownerUid, LinkOption.NOFOLLOW_LINKS);
        }
        if (ownerUid >= 0) {
            // the sandbox user must reach its folders through the runner's (otherwise private) ones, and no one else may:
            // a snippet can make its own files setuid (chmod 4755 in its home or root layer) and the session's path is in
            // every host process's command line, so a session any user could pass would hand out the sandbox user's id.
            // The sandbox user passes by its group (the sandbox runs with gid = its uid, see setpriv --regid).
            Files.setAttribute(root, "unix:gid", ownerUid, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x---"));
            Path w = workRoot.toRealPath();
            if (!Files.getPosixFilePermissions(w).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(w, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
            for (Path up = w.getParent(); up != null; up = up.getParent()) {
                if (!Files.getPosixFilePermissions(up).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    Trees.deleteQuietly(root);
                    throw new IOException("the work folder " + workRoot + " is not reachable for the sandbox user (uid " + ownerUid
                            + "): " + up + " is not searchable by others (chmod o+x, or choose another work folder)");
                }
            }
        }
        return s;
    }

    /**
     * A new session that starts where {@code prior} ended (a guide with {@code after:}): a copy of its HOME,
     * its working directory and its exported variables, with paths into the old HOME moved to the new one.
     * {@code prior} is left as it is, so several guides can build on the same one. The Go caches are the
     * new session's own ({@code ownerUid} and {@code cache} as for {@link #create(Path, String, Map, int, Path)}).
     */
    public static Session continuing(Path workRoot, String name, Session prior, int ownerUid, Path cache) throws IOException {
        Session s = create(workRoot, name, Map.of(), ownerUid, cache);
        HomeCopy.copy(prior.home, s.home);
        if (ownerUid >= 0) HomeCopy.handOver(s.home, ownerUid);
        String oldHome = prior.home.toString();
        String newHome = s.home.toString();
        prior.env.forEach((k, v) -> s.env.put(k, v.replace(oldHome, newHome)));
        s.env.put("HOME", newHome);
        s.env.put("GOCACHE", s.cache.resolve("go-build").toString());
        s.env.put("GOMODCACHE", s.cache.resolve("gomod").toString());
        Path cwd = prior.cwd();
        s.cwd = cwd.startsWith(prior.home) ? s.home.resolve(prior.home.relativize(cwd).toString()) : s.home;
        return s;
    }

    /** Why the last step's final directory was not kept (it left $HOME for the runner's own folder), once; else null. */
    String takeStrayDirectory() {
        String s = stray;
        stray = null;
        return s;
    }

    /** The session's disk bound of {@code bytes} over its home, saved state, Go caches and root layer, made on first use. */
    DiskBound disk(long bytes) {
        if (disk == null) disk = new DiskBound(bytes, List.of(home, state, cache, control.resolve("layer")));
        return disk;
    }

    /** The host user the session's commands run as, or -1 for the runner's own. */
    public int uid() {
        return uid;
    }

    public Path root() {
        return root;
    }

    public Path home() {
        return home;
    }

    public Path control() {
        return control;
    }

    /** Where the command saves its directory and exported variables; writable to it. */
    public Path state() {
        return state;
    }

    /** The Go build and module caches of this version of the guide; writable to it. */
    public Path cache() {
        return cache;
    }

    /** The working directory, or HOME if a snippet removed it. */
    public Path cwd() {
        return Files.isDirectory(cwd, LinkOption.NOFOLLOW_LINKS) ? cwd : home;
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** Stops carrying a variable that one step was given for itself (WSL_INTEROP for an {@code interop} step). */
    void forget(String name) {
        env.remove(name);
    }

    /** The id of the first snippet that failed in this session, or null. */
    public String failedStep() {
        return failedStep;
    }

    public void markFailed(String id) {
        if (failedStep == null) failedStep = id;
    }

    /**
     * Reads back the directory and exported variables a wrapper script saved: only regular files (never
     * through a link, never a FIFO that would block), at most a bounded size.
     *
     * @return the bound the saved variables broke, named for a reason; empty when all is well
     */
    Optional<String> readState(Path cwdFile, Path envFile) {
        Optional<byte[]> d = readPlain(cwdFile, MAX_CWD_BYTES);
        if (d.isPresent()) {
            String dir = new String(d.get(), StandardCharsets.UTF_8).strip();
            if (!dir.isEmpty() && dir.startsWith("/")) cwd = Path.of(dir);
            if (cwd.startsWith(root) && !cwd.startsWith(home)) {
                // `cd ..` from $HOME: on a reader's machine that is /home or /Users, here the runner's own folder
                stray = "the step left $HOME for " + cwd + ", the runner's folder that holds this session "
                        + "(a reader's `cd ..` from $HOME reaches /home or /Users instead); the next step would start in $HOME. "
                        + "Stay inside $HOME, or cd to a system directory by its absolute path";
                cwd = home;
            }
        }
        if (size(envFile) > MAX_ENV_BYTES) {
            return Optional.of("exported more than " + (MAX_ENV_BYTES >> 10) + " KiB of variables (environment bound)");
        }
        Optional<byte[]> all = readPlain(envFile, MAX_ENV_BYTES);
        if (all.isEmpty()) return Optional.empty(); // killed before it could save: keep the previous state
        Map<String, String> next = new LinkedHashMap<>();
        for (String entry : new String(all.get(), StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) continue;
            String k = entry.substring(0, eq);
            if (!NOT_CARRIED.contains(k) && !k.startsWith("BASH_FUNC_")) next.put(k, entry.substring(eq + 1));
        }
        if (!next.isEmpty()) {
            env.clear();
            env.putAll(next);
        }
        return Optional.empty();
    }

    private static long size(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The bytes of {@code f} when it is a regular file (not a link) of at most {@code max} bytes. */
    static Optional<byte[]> readPlain(Path f, int max) {
        long size = size(f);
        if (size < 0 || size > max) return Optional.empty();
        try (SeekableByteChannel ch = Files.newByteChannel(f, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buf = ByteBuffer.allocate(max + 1);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read up to the bound
            }
            if (buf.position() > max) return Optional.empty();
            byte[] out = new byte[buf.position()];
            buf.flip().get(out);
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the session directory, following no link a snippet left in it. */
    public void delete() {
        Trees.deleteQuietly(root);
    }
}
