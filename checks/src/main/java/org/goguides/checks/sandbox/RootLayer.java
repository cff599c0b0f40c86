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
 * /etc, /opt, /var, /srv where they exist), mounted just before the sandbox starts, with the upper
 * directories in the session's layer folder. The snippet is never the host's root, not even mapped: the
 * runner (the host's root) only makes a private mount namespace in which {@code goguides-idmap}
 * ({@link IdmapHelper}) shows each system folder id-mapped (the host root's files owned by the sandbox
 * user), then drops to the sandbox user, which mounts the overlays in its own user namespace, where it is
 * root, over those id-mapped views. So a {@code root} step writes /usr/local as a reader's root does, while on
 * the host every process and every file of its layer belongs to the sandbox user (nobody). A runner that is not
 * root cannot make id-mapped views of the host's file systems; there the layer is {@code fuse-overlayfs} with
 * {@code squash_to_root}, started in the runner user's own user namespace: it reads the system as that user
 * (the host root's secrets stay unreadable) and writes its upper folders as that user, while the sandbox
 * sees every file as root's. Its processes live in a PID namespace that ends with the sandbox.
 * The overlays are mounted beside the system ({@code layer/merged/usr}), never over it, so the host-side
 * steps (the mount helper, bwrap) keep running the host's own binaries: nothing a snippet put into its
 * layer ever runs outside the sandbox, and the runner never writes into the layer itself. Every command of
 * the session mounts the same upper directories again, so a later step sees what an earlier {@code root}
 * step installed; the host never sees any of it, and the layer goes when the session is deleted. The
 * sandbox binds a {@code sudo} that just runs its command (the snippet is already root in its own
 * namespaces) from the runner's own file.
 */
final class RootLayer {
    static final List<Path> CANDIDATES = List.of(Path.of("/usr"), Path.of("/etc"), Path.of("/opt"), Path.of("/var"), Path.of("/srv"));

    /**
     * {@code MOUNT OPTIONS LOWER UPPER WORK TARGET …} up to {@code --}, then becomes the rest; run by the sandbox
     * user as root of its own user namespace. The options are {@code userxattr} (an overlay in a user
     * namespace keeps its marks in user.* attributes, without which removing a system folder fails) and
     * {@code volatile} where the kernel has it (5.10+): no syncs, so deleting a whole /usr/local/go takes
     * 1.7 s instead of 6.4 s. Overlay refuses to mount a volatile upper again until its marker is
     * removed, which is safe here: the upper is never used after a crash, it belongs to one session.
     */
    private static final String MOUNT = "set -e\n"
            + "m=$1; o=$2; shift 2\n"
            + "while [ \"$1\" != -- ]; do\n"
            + "  rm -rf \"$3/work/incompat\"\n"
            + "  \"$m\" -t overlay overlay -o \"$o,lowerdir=$1,upperdir=$2,workdir=$3\" \"$4\"\n"
            + "  shift 4\n"
            + "done\n"
            + "shift\n"
            + "exec \"$@\"\n";

    /**
     * {@code FUSE FUSE-OVERLAYFS LOWER UPPER WORK TARGET …} up to {@code --}, then becomes the rest; run as root of the
     * runner user's own user namespace. What fuse-overlayfs says goes to the step's output only when it fails.
     */
    private static final String FUSE = "set -e\n"
            + "f=$1; shift\n"
            + "while [ \"$1\" != -- ]; do\n"
            + "  said=$(\"$f\" -o \"squash_to_root,lowerdir=$1,upperdir=$2,workdir=$3\" \"$4\" 2>&1)"
            + " || { printf 'fuse-overlayfs: %s\\n' \"$said\" >&2; exit 125; }\n"
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
    private final Path idmap;
    private final String options;
    private final Path fuse;
    private final Path sudo;

    /** What {@link #enter} set up: the command prefix (it ends as the sandbox user), each system folder's overlay, and the sudo to bind. */
    record Mounted(List<String> prefix, Map<Path, Path> merged, Path sudo) {
    }

    /**
     * @param dirs the system directories to cover
     * @param idmap the runner's {@code goguides-idmap} ({@link IdmapHelper})
     * @param options the overlay's mount options that work on this kernel ({@link #OPTIONS})
     * @param sudo the runner's own sandbox {@code sudo} script (see {@link #writeSudo})
     */
    RootLayer(List<Path> dirs, Path idmap, String options, Path sudo) {
        this(dirs, idmap, options, null, sudo);
    }

    private RootLayer(List<Path> dirs, Path idmap, String options, Path fuse, Path sudo) {
        this.dirs = List.copyOf(dirs);
        this.idmap = idmap;
        this.options = options;
        this.fuse = fuse;
        this.sudo = sudo;
    }

    /** The layer of a runner that is not root: {@code fuse-overlayfs} (absolute path) in the runner user's own namespace. */
    static RootLayer fuse(List<Path> dirs, Path fuseOverlayfs, Path sudo) {
        return new RootLayer(dirs, null, null, fuseOverlayfs, sudo);
    }

    /** A few words for the start of a run. */
    String describe() {
        return (fuse != null ? "fuse-overlayfs over " : "overlay over id-mapped ") + dirs;
    }

    /** The overlay options to try, best first: see {@link #MOUNT}. */
    static final List<String> OPTIONS = List.of("userxattr,volatile", "userxattr");

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
     * writes through the overlay, as {@code uid}) and returns the prefix that mounts it and becomes {@code uid}:
     * {@code unshare --mount} (the runner) → {@code goguides-idmap} (the runner, in that private namespace) →
     * {@code setpriv} to {@code uid} → {@code unshare --user --map-root-user --mount} → the overlay mounts.
     * Only paths made of safe characters are accepted, because overlay options are comma separated.
     */
    Mounted enter(Path layer, int uid) throws IOException {
        if (fuse != null) return enterFuse(layer);
        if (uid <= 0) throw new IOException("a root layer runs only as the sandbox user, never as the host's root");
        String text = layer.toString();
        if (!text.matches("[A-Za-z0-9._/+-]+")) {
            throw new IOException("the session folder " + text + " has characters an overlay mount cannot take (letters, digits, . _ / + - are allowed)");
        }
        List<String> cmd = new ArrayList<>(HostTools.command("unshare", "--mount", "--propagation", "private", "--"));
        cmd.addAll(List.of(idmap.toString(), Integer.toString(uid)));
        List<String> mounts = new ArrayList<>();
        Map<Path, Path> merged = new LinkedHashMap<>();
        for (Path d : dirs) {
            String n = d.toString().substring(1).replace('/', '_');
            Path lower = dir(layer, "lower", n, -1);
            Path upper = dir(layer, "upper", n, uid);
            Path work = dir(layer, "work", n, uid);
            Path target = dir(layer, "merged", n, -1);
            cmd.addAll(List.of(d.toString(), lower.toString()));
            mounts.addAll(List.of(lower.toString(), upper.toString(), work.toString(), target.toString()));
            merged.put(d, target);
        }
        cmd.add("--");
        cmd.addAll(HostTools.command("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
        cmd.addAll(HostTools.command("unshare", "--user", "--map-root-user", "--mount", "--"));
        cmd.addAll(List.of(HostTools.require("sh"), "-c", MOUNT, "sh", HostTools.require("mount"), options));
        cmd.addAll(mounts);
        cmd.add("--");
        return new Mounted(cmd, merged, sudo);
    }

    /**
     * The prefix of a runner that is not root: {@code unshare --user --map-root-user --mount --pid --fork} (the runner
     * user becomes root of its own namespace; the PID namespace ends the fuse-overlayfs processes with the sandbox,
     * which becomes its first process, and has its own /proc, where bubblewrap looks up its child) → fuse-overlayfs of
     * each system folder.
     */
    private Mounted enterFuse(Path layer) throws IOException {
        String text = layer.toString();
        if (!text.matches("[A-Za-z0-9._/+-]+")) {
            throw new IOException("the session folder " + text + " has characters an overlay mount cannot take (letters, digits, . _ / + - are allowed)");
        }
        List<String> cmd = new ArrayList<>(HostTools.command("unshare", "--user", "--map-root-user", "--mount", "--pid", "--fork",
                "--kill-child", "--mount-proc", "--"));
        cmd.addAll(List.of(HostTools.require("sh"), "-c", FUSE, "sh", fuse.toString()));
        Map<Path, Path> merged = new LinkedHashMap<>();
        for (Path d : dirs) {
            String n = d.toString().substring(1).replace('/', '_');
            Path upper = dir(layer, "upper", n, -1);
            Path work = dir(layer, "work", n, -1);
            Path target = dir(layer, "merged", n, -1);
            cmd.addAll(List.of(d.toString(), upper.toString(), work.toString(), target.toString()));
            merged.put(d, target);
        }
        cmd.add("--");
        return new Mounted(cmd, merged, sudo);
    }

    /**
     * Creates {@code layer/kind/name} (and {@code layer} itself), refusing any link on the way; the last folder is
     * handed to {@code owner} (user and group; unless -1) when it is made.
     */
    private static Path dir(Path layer, String kind, String name, int owner) throws IOException {
        Path p = layer.getParent();
        List<Path> parts = List.of(layer.getFileName(), Path.of(kind), Path.of(name));
        for (int i = 0; i < parts.size(); i++) {
            p = p.resolve(parts.get(i));
            if (Files.isSymbolicLink(p)) throw new IOException(p + " is a link; the root layer's folders are the runner's own");
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(p);
                if (i == parts.size() - 1 && owner >= 0) {
                    Files.setAttribute(p, "unix:uid", owner, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", owner, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        return p;
    }
}
