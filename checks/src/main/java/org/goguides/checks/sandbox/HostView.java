package org.goguides.checks.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.goguides.checks.run.Isolation;

/**
 * What of the host a sandboxed command sees besides the read-only system: which folders are replaced
 * by empty ones (temporary folders, /run with its sockets, every home directory) and which parts of
 * them come back read-only because commands need them (tools on PATH installed under a home, the
 * Go toolchain, the resolver configuration).
 */
final class HostView {
    /** Never hidden, whatever HOME says: hiding them would hide the system. */
    private static final Set<Path> SYSTEM = Set.of(Path.of("/"), Path.of("/usr"), Path.of("/etc"), Path.of("/bin"), Path.of("/lib"),
            Path.of("/lib64"), Path.of("/sbin"), Path.of("/opt"), Path.of("/var"), Path.of("/proc"), Path.of("/dev"), Path.of("/sys"));

    private final List<Path> hidden;
    private final List<Path> kept;

    HostView(List<Path> hidden, List<Path> kept) {
        this.hidden = List.copyOf(hidden);
        this.kept = List.copyOf(kept);
    }

    /** The view for this host and the user running the checks, started in the checkout {@code workDir}. */
    static HostView of(Map<String, String> env, String userHome, String workDir) {
        Set<Path> hide = new LinkedHashSet<>();
        for (String p : List.of("/tmp", "/var/tmp", "/run", "/root", "/home")) addIfDir(hide, Path.of(p));
        addIfDir(hide, userHome == null ? null : Path.of(userHome));
        // the checkout (its git working tree): a guide's snippets have no business reading the repository
        addIfDir(hide, workDir == null ? null : checkout(Path.of(workDir).toAbsolutePath().normalize()));
        String home = env.get("HOME");
        addIfDir(hide, home == null || home.isBlank() ? null : Path.of(home));
        // a folder inside another hidden one is left out, except the user's home: it stays, as an empty folder
        Set<Path> homes = new LinkedHashSet<>();
        addIfDir(homes, userHome == null ? null : Path.of(userHome));
        hide.removeIf(h -> !homes.contains(h) && hide.stream().anyMatch(o -> !o.equals(h) && h.startsWith(o)));
        List<Path> hidden = new ArrayList<>(hide);

        Set<Path> keep = new LinkedHashSet<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Path.of(dir).isAbsolute()) keepIfHidden(keep, hidden, Path.of(dir));
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path go = Path.of(dir, "go");
            if (Files.isExecutable(go)) {
                try {
                    Path goroot = go.toRealPath().getParent().getParent();
                    if (goroot != null) keepIfHidden(keep, hidden, goroot);
                } catch (IOException e) {
                    // a broken link: nothing to keep
                }
                break;
            }
        }
        Path resolv = Path.of("/etc/resolv.conf");
        if (Files.isSymbolicLink(resolv)) {
            try {
                keepIfHidden(keep, hidden, resolv.toRealPath().getParent());
            } catch (IOException e) {
                // dangling: name resolution fails outside the sandbox too
            }
        }
        return new HostView(hidden, new ArrayList<>(keep));
    }

    /** The working tree that holds {@code dir} (the nearest folder with a .git), or {@code dir} itself. */
    static Path checkout(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) return d;
        }
        return dir;
    }

    /** The view for this host and the user running the checks. */
    static HostView of(Map<String, String> env, String userHome) {
        return of(env, userHome, null);
    }

    private static void addIfDir(Set<Path> to, Path p) {
        if (p == null || !p.isAbsolute()) return;
        Path n = p.normalize();
        if (!SYSTEM.contains(n) && Files.isDirectory(n, LinkOption.NOFOLLOW_LINKS)) to.add(n);
    }

    private static void keepIfHidden(Set<Path> keep, List<Path> hidden, Path p) {
        Path n = p.normalize();
        if (Files.isDirectory(n) && hidden.stream().anyMatch(n::startsWith) && !hidden.contains(n)) keep.add(n);
    }

    /** Replaced by empty, private folders inside the sandbox. */
    List<Path> hidden() {
        return hidden;
    }

    /** Inside hidden folders, but shown read-only because commands need them. */
    List<Path> kept() {
        return kept;
    }

    /**
     * The kept folders another host user (the sandbox user of a root runner) can reach: every folder on the
     * way searchable by others. The rest (tools under /root) is not shown to its sandboxes.
     */
    List<Path> keptForOthers() {
        return kept.stream().filter(HostView::reachableByOthers).toList();
    }

    private static boolean reachableByOthers(Path p) {
        try {
            for (Path d = p; d != null; d = d.getParent()) {
                if (!Files.getPosixFilePermissions(d).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) return false;
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The working directory: the session's, unless it lies in a hidden folder the sandbox does not show. */
    Path startIn(Isolation.Binds b) {
        Path cwd = b.cwd().normalize();
        boolean inHidden = hidden.stream().anyMatch(h -> cwd.startsWith(h) && !cwd.equals(h));
        if (!inHidden) return cwd;
        List<Path> shown = new ArrayList<>(kept);
        shown.add(b.home());
        shown.addAll(b.readOnly());
        shown.addAll(b.writable());
        return shown.stream().anyMatch(cwd::startsWith) ? cwd : b.home();
    }
}
