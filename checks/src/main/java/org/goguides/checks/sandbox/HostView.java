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

    /** The view for this host and the user running the checks. */
    static HostView of(Map<String, String> env, String userHome) {
        Set<Path> hide = new LinkedHashSet<>();
        for (String p : List.of("/tmp", "/var/tmp", "/run", "/root", "/home")) addIfDir(hide, Path.of(p));
        addIfDir(hide, userHome == null ? null : Path.of(userHome));
        String home = env.get("HOME");
        addIfDir(hide, home == null || home.isBlank() ? null : Path.of(home));
        hide.removeIf(h -> hide.stream().anyMatch(o -> !o.equals(h) && h.startsWith(o)));
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
