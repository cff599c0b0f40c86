package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.run.HostTools;

/**
 * The throwaway writable layer for {@code root} snippets: an overlay of each system directory (/usr,
 * /etc, /opt, /var, /srv where they exist), mounted in a private mount namespace just before the sandbox
 * starts, with the upper directories in the session's layer folder. The overlays are mounted beside the
 * system ({@code layer/merged/usr}), never over it, so the host-side steps (the mount helper, bwrap) keep
 * running the host's own binaries: nothing a snippet put into its layer ever runs outside the sandbox,
 * and the runner never writes into the layer itself. Every command of the session mounts the same upper
 * directories again, so a later step sees what an earlier {@code root} step installed; the host never
 * sees any of it, and the layer goes when the session is deleted. The sandbox binds a {@code sudo} that
 * just runs its command (the snippet is already root in its own namespaces) from the runner's own file.
 */
final class RootLayer {
    static final List<Path> CANDIDATES = List.of(Path.of("/usr"), Path.of("/etc"), Path.of("/opt"), Path.of("/var"), Path.of("/srv"));

    /**
     * {@code MOUNT LOWER UPPER WORK TARGET …} up to {@code --}, then becomes the rest. The layer is
     * {@code volatile} where the kernel has it (5.10+): no syncs, so deleting a whole /usr/local/go takes
     * 1.7 s instead of 6.4 s. Overlay refuses to mount a volatile upper again until its marker is
     * removed, which is safe here: the upper is never used after a crash, it belongs to one session.
     */
    private static final String MOUNT = "set -e\n"
            + "m=$1; shift\n"
            + "while [ \"$1\" != -- ]; do\n"
            + "  rm -rf \"$3/work/incompat\"\n"
            + "  \"$m\" -t overlay overlay -o \"volatile,lowerdir=$1,upperdir=$2,workdir=$3\" \"$4\" 2>/dev/null"
            + " || \"$m\" -t overlay overlay -o \"lowerdir=$1,upperdir=$2,workdir=$3\" \"$4\"\n"
            + "  shift 4\n"
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
    private final Path sudo;

    /** What {@link #enter} set up: the command prefix, each system folder's overlay, and the sudo to bind. */
    record Mounted(List<String> prefix, Map<Path, Path> merged, Path sudo) {
    }

    /**
     * @param dirs the system directories to cover
     * @param userNamespace mount from a new user namespace ({@code unshare -r}) because the runner is not root
     * @param sudo the runner's own sandbox {@code sudo} script (see {@link #writeSudo})
     */
    RootLayer(List<Path> dirs, boolean userNamespace, Path sudo) {
        this.dirs = List.copyOf(dirs);
        this.userNamespace = userNamespace;
        this.sudo = sudo;
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

    /** Writes the sandbox {@code sudo} into a new private folder of the runner; it is bound read-only into root layers. */
    static Path writeSudo() throws IOException {
        Path dir = Files.createTempDirectory("goguides-sudo-");
        // deleted at exit in the reverse order of registration: the file first, then its (then empty) folder
        dir.toFile().deleteOnExit();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path f = dir.resolve("sudo");
        f.toFile().deleteOnExit();
        Files.writeString(f, SUDO, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r-xr-xr-x"));
        return f;
    }

    /**
     * Prepares the layer's folders (creating them on first use; only the runner writes there, the snippet
     * writes through the overlay) and returns the prefix that mounts it. Only paths made of safe
     * characters are accepted, because overlay options are comma separated.
     */
    Mounted enter(Path layer) throws IOException {
        String text = layer.toString();
        if (!text.matches("[A-Za-z0-9._/+-]+")) {
            throw new IOException("the session folder " + text + " has characters an overlay mount cannot take (letters, digits, . _ / + - are allowed)");
        }
        List<String> cmd = new ArrayList<>(HostTools.command("unshare", "--mount", "--propagation", "private"));
        if (userNamespace) cmd.add("--map-root-user");
        cmd.addAll(List.of("--", HostTools.require("sh"), "-c", MOUNT, "sh", HostTools.require("mount")));
        Map<Path, Path> merged = new LinkedHashMap<>();
        for (Path d : dirs) {
            String n = d.toString().substring(1).replace('/', '_');
            Path upper = dir(layer, "upper", n);
            Path work = dir(layer, "work", n);
            Path target = dir(layer, "merged", n);
            cmd.addAll(List.of(d.toString(), upper.toString(), work.toString(), target.toString()));
            merged.put(d, target);
        }
        cmd.add("--");
        return new Mounted(cmd, merged, sudo);
    }

    /** Creates {@code layer/kind/name} (and {@code layer} itself), refusing any link on the way. */
    private static Path dir(Path layer, String kind, String name) throws IOException {
        Path p = layer.getParent();
        for (Path part : List.of(layer.getFileName(), Path.of(kind), Path.of(name))) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) throw new IOException(p + " is a link; the root layer's folders are the runner's own");
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(p);
        }
        return p;
    }
}
