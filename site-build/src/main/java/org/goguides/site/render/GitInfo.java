package org.goguides.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What git knows about the guide files: when each was last changed (for "last updated") and its
 * path in the repository (for "edit this page"). One {@code git log} for the whole content folder.
 *
 * <p>Shallow clones (CI checkouts with {@code fetch-depth: 1}) are handled honestly: a file whose
 * newest commit is the clone's boundary commit may be much older than that commit, so its date is
 * unknown and is omitted with a reason rather than shown wrong. A file with uncommitted changes, or
 * outside any git repository, uses the file's modification time.
 */
public final class GitInfo {
    /** When a file was last changed; {@code date} null when unknown, then {@code reason} says why. */
    public record LastUpdated(Instant date, String source, String reason) {
    }

    private final Path top;
    private final boolean shallow;
    private final Map<Path, LastUpdated> dates = new HashMap<>();

    private GitInfo(Path top, boolean shallow) {
        this.top = top;
        this.shallow = shallow;
    }

    /** Reads the history of {@code content}; never fails (without git every date is the file time). */
    public static GitInfo read(Path content) {
        Path dir = content.toAbsolutePath().normalize();
        List<String> topOut = git(dir, "rev-parse", "--show-toplevel");
        if (topOut == null || topOut.isEmpty()) return new GitInfo(null, false);
        Path top = Path.of(topOut.get(0)).toAbsolutePath().normalize();
        List<String> sh = git(dir, "rev-parse", "--is-shallow-repository");
        boolean shallow = sh != null && !sh.isEmpty() && sh.get(0).equals("true");
        GitInfo g = new GitInfo(top, shallow);
        Set<String> boundary = new HashSet<>();
        if (shallow) {
            List<String> path = git(dir, "rev-parse", "--git-path", "shallow");
            if (path != null && !path.isEmpty()) {
                Path f = dir.resolve(path.get(0));
                try {
                    if (Files.isRegularFile(f)) boundary.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // treat every commit as possibly truncated below
                }
            }
        }
        Set<String> dirty = new HashSet<>();
        List<String> status = git(top, "status", "--porcelain", "--untracked-files=all", "--", top.relativize(dir).toString().isEmpty() ? "." : top.relativize(dir).toString());
        if (status != null) for (String l : status) if (l.length() > 3) dirty.add(l.substring(3).replace("\"", ""));
        List<String> log = git(top, "log", "--format=%x1e%H %cI", "--name-only", "--no-renames", "--",
                top.relativize(dir).toString().isEmpty() ? "." : top.relativize(dir).toString());
        if (log == null) return g;
        String commit = null;
        Instant when = null;
        for (String line : log) {
            if (line.startsWith("\u001e")) {
                String[] p = line.substring(1).split(" ", 2);
                commit = p[0];
                when = OffsetDateTime.parse(p[1]).toInstant();
            } else if (!line.isBlank() && commit != null) {
                Path file = top.resolve(line.strip()).normalize();
                if (g.dates.containsKey(file)) continue;
                if (dirty.contains(line.strip())) continue;
                if (shallow && (boundary.isEmpty() || boundary.contains(commit))) {
                    g.dates.put(file, new LastUpdated(null, "git", "shallow clone: the history of this file is cut off (fetch with fetch-depth: 0)"));
                } else {
                    g.dates.put(file, new LastUpdated(when, "git", ""));
                }
            }
        }
        return g;
    }

    /** The last change of {@code file}: from git, else the file's modification time. */
    public LastUpdated lastUpdated(Path file) {
        LastUpdated d = dates.get(file.toAbsolutePath().normalize());
        if (d != null) return d;
        try {
            return new LastUpdated(Files.getLastModifiedTime(file).toInstant(), top == null ? "file time (not in git)" : "file time (uncommitted)", "");
        } catch (IOException e) {
            return new LastUpdated(null, "none", "cannot read the file's time: " + e.getMessage());
        }
    }

    /** The file's path inside the repository (forward slashes), or null outside git. */
    public String repoPath(Path file) {
        if (top == null) return null;
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(top) ? top.relativize(abs).toString().replace('\\', '/') : null;
    }

    public boolean shallow() {
        return shallow;
    }

    private static List<String> git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(dir.toString());
        // paths outside ASCII (a Chinese file name) as they are, not as quoted octal escapes
        cmd.add("-c");
        cmd.add("core.quotepath=off");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out.lines().toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
