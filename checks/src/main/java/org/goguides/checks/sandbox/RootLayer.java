package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The throwaway writable layer for {@code root} snippets: an overlay over each system directory
 * (/usr, /etc, /opt, /var, /srv where they exist), mounted in a private mount namespace just before
 * the sandbox starts, with the upper directories in the session's layer folder. Every command of the
 * session mounts the same upper directories again, so a later step sees what an earlier {@code root}
 * step installed; the host never sees any of it, and the layer goes when the session is deleted.
 * The layer also holds a {@code sudo} at /usr/bin/sudo that just runs its command: the snippet is
 * already root in its own namespaces.
 */
final class RootLayer {
    static final List<Path> CANDIDATES = List.of(Path.of("/usr"), Path.of("/etc"), Path.of("/opt"), Path.of("/var"), Path.of("/srv"));

    /**
     * Mounts each {@code LOWER UPPER WORK} triple up to {@code --}, then becomes the rest. The layer is
     * {@code volatile} where the kernel has it (5.10+): no syncs, so deleting a whole /usr/local/go takes
     * 1.7 s instead of 6.4 s. Overlay refuses to mount a volatile upper again until its marker is
     * removed, which is safe here: the upper is never used after a crash, it belongs to one session.
     */
    private static final String MOUNT = "set -e\n"
            + "while [ \"$1\" != -- ]; do\n"
            + "  rm -rf \"$3/work/incompat\"\n"
            + "  mount -t overlay overlay -o \"volatile,lowerdir=$1,upperdir=$2,workdir=$3\" \"$1\" 2>/dev/null"
            + " || mount -t overlay overlay -o \"lowerdir=$1,upperdir=$2,workdir=$3\" \"$1\"\n"
            + "  shift 3\n"
            + "done\n"
            + "shift\n"
            + "exec \"$@\"\n";

    static final String SUDO = "#!/bin/sh\n"
            + "# goguides sandbox: the snippet already runs as root over a throwaway layer; sudo just runs its command.\n"
            + "while [ $# -gt 0 ]; do\n"
            + "  case \"$1\" in\n"
            + "    --) shift; break ;;\n"
            + "    -u|-g|-C|-D|-h|-p|-r|-t|-U|-T) shift 2 ;;\n"
            + "    -*) shift ;;\n"
            + "    *) break ;;\n"
            + "  esac\n"
            + "done\n"
            + "[ $# -gt 0 ] || { echo 'sudo: the sandbox sudo needs a command' >&2; exit 1; }\n"
            + "exec env -- \"$@\"\n";

    private final List<Path> dirs;
    private final boolean userNamespace;

    /**
     * @param dirs the system directories to cover
     * @param userNamespace mount from a new user namespace ({@code unshare -r}) because the runner is not root
     */
    RootLayer(List<Path> dirs, boolean userNamespace) {
        this.dirs = List.copyOf(dirs);
        this.userNamespace = userNamespace;
    }

    /** The candidates that exist as real directories on this host. */
    static List<Path> systemDirs() {
        List<Path> out = new ArrayList<>();
        for (Path d : CANDIDATES) if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) out.add(d);
        return out;
    }

    List<Path> dirs() {
        return dirs;
    }

    /** Whether the session already has a layer (an earlier {@code root} step made one). */
    static boolean exists(Path layer) {
        return Files.isDirectory(layer.resolve("upper"), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The command prefix that mounts the layer (creating it on first use) and then runs what follows.
     * Only paths made of safe characters are accepted, because overlay options are comma separated.
     */
    List<String> enter(Path layer) throws IOException {
        String text = layer.toString();
        if (!text.matches("[A-Za-z0-9._/+-]+")) {
            throw new IOException("the session folder " + text + " has characters an overlay mount cannot take (letters, digits, . _ / + - are allowed)");
        }
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
        if (userNamespace) cmd.add("--map-root-user");
        cmd.addAll(List.of("--", "/bin/sh", "-c", MOUNT, "sh"));
        for (Path d : dirs) {
            String n = d.toString().substring(1).replace('/', '_');
            Path upper = Files.createDirectories(layer.resolve("upper").resolve(n));
            Path work = Files.createDirectories(layer.resolve("work").resolve(n));
            cmd.addAll(List.of(d.toString(), upper.toString(), work.toString()));
            if (d.equals(Path.of("/usr"))) installSudo(upper);
        }
        cmd.add("--");
        return cmd;
    }

    private static void installSudo(Path usrUpper) throws IOException {
        Path sudo = usrUpper.resolve("bin").resolve("sudo");
        if (Files.exists(sudo, LinkOption.NOFOLLOW_LINKS)) return;
        Files.createDirectories(sudo.getParent());
        Files.writeString(sudo, SUDO, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
