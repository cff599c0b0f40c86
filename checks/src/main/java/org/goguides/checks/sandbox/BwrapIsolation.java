package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Snippet;
import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;

/**
 * The Linux sandbox: every command runs under bubblewrap with the whole system read-only, a private
 * /tmp, /var/tmp and /run, the users' homes replaced by empty folders, its own PID, IPC, UTS, user and
 * network namespaces (the network only for snippets marked {@code network}), no capabilities, and
 * only the session directory, the runner's saved-state folder and the Go caches writable. When the PID
 * namespace ends, everything the snippet started ends with it, double-forked daemons included.
 * {@code root} snippets get a {@link RootLayer} over the system directories.
 */
public final class BwrapIsolation implements Isolation {
    private final String version;
    private final HostView view;
    private final RootLayer layer;
    private final String noLayer;
    private final int asUser;
    /** The size of each private temporary folder (/tmp, hidden homes): what a snippet writes there is memory. */
    static final long TMPFS_BYTES = 512L << 20;
    /**
     * The size of every other hidden folder (/run, /var/tmp, the homes, the checkout, the runner's folders): room for
     * the mount points the sandbox makes there and little else, since a tmpfs is memory that a runner without
     * cgroups (prlimit's address space) does not count; nine of them at 512 MiB each let one step hold 4.5 GiB.
     */
    static final long MASK_BYTES = 1L << 20;
    /** What an id-mapped layer masks, walked once per run, when the first layered step starts (see {@link LayerMasks}). */
    private LayerMasks masks;

    /**
     * @param version what {@code bwrap --version} said, for the start of a run
     * @param layer the root layer, or null where overlays cannot be mounted
     * @param noLayer why there is no root layer (when {@code layer} is null)
     */
    BwrapIsolation(String version, HostView view, RootLayer layer, String noLayer) {
        this(version, view, layer, noLayer, -1);
    }

    /** @param asUser the host uid sandboxes run as when the runner is root (nobody), or -1 for the runner's own */
    BwrapIsolation(String version, HostView view, RootLayer layer, String noLayer, int asUser) {
        this.version = version;
        this.view = view;
        this.layer = layer;
        this.noLayer = noLayer;
        this.asUser = asUser;
    }

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public String describe() {
        return "sandbox: " + version + " (system read-only, private /tmp, home hidden, own PID namespace, no network unless"
                + " `network`, no capabilities" + (asUser >= 0 ? ", as uid " + asUser + " on the host" : "") + "); root layer: " + (layer != null ? layer.describe() : noLayer);
    }

    @Override
    public boolean rootLayer() {
        return layer != null;
    }

    @Override
    public String noRootLayerReason() {
        return "needs a throwaway root layer (it writes outside the session); " + noLayer;
    }

    @Override
    public int sandboxUid() {
        return asUser >= 0 ? asUser : -1;
    }

    /** Sessions with a {@code root} step run as the sandbox user too: their root layer is never the host's root. */
    @Override
    public int sessionUid(boolean withRoot) {
        return sandboxUid();
    }

    /**
     * The command line: [the root layer's mount steps, ending as the sandbox user | setpriv to the sandbox user]
     * bwrap … -- command. Every helper is an absolute path found in the system folders, the snippet's environment
     * is handed to bwrap as {@code --clearenv --setenv …}, so only the sandboxed process has it. Under a root
     * runner every command, {@code root} steps included, runs as {@link #asUser} on the host: a snippet is never
     * the host's uid 0, not even mapped (a root layer is laid over id-mapped views, see {@link RootLayer}).
     */
    @Override
    public Wrapped wrap(List<String> command, Snippet snippet, Binds binds) throws IOException {
        return wrap(command, snippet, binds, null);
    }

    /**
     * As {@link #wrap(List, Snippet, Binds)}, with a limiter's {@code launcher} ({@code prlimit … --}) started in the
     * sandbox's own user namespace, where the kernel counts the sandbox's processes alone, and always the host's own
     * binary: in front of bwrap when a root layer's start-up already made that namespace (the host's file system, which
     * no layer changes), else as the sandboxed command's first step (the read-only system), started with an empty
     * environment and handing the snippet's on through {@code env -i}, so that nothing the snippet exports
     * (LD_PRELOAD) loads into it.
     */
    Wrapped wrap(List<String> command, Snippet snippet, Binds binds, List<String> launcher) throws IOException {
        boolean root = snippet.requires().root();
        if (root && layer == null) throw new IOException(noRootLayerReason());
        boolean layered = layer != null && (root || RootLayer.exists(binds.layer()));
        List<String> a = new ArrayList<>();
        boolean asNobody = binds.uid() >= 0;
        RootLayer.Mounted mounted = layered ? layer.enter(binds.layer(), binds.uid()) : null;
        if (mounted != null) a.addAll(mounted.prefix()); // ends as the sandbox user, root of its own user namespace
        else if (asNobody) add(a, HostTools.require("setpriv"), "--reuid=" + binds.uid(), "--regid=" + binds.uid(), "--clear-groups", "--");
        boolean launchInside = launcher != null && mounted == null;
        if (launcher != null && mounted != null) a.addAll(launcher);
        add(a, HostTools.require("bwrap"), "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--ro-bind", "/proc/sys", "/proc/sys");
        if (mounted != null) {
            for (Map.Entry<Path, Path> m : mounted.merged().entrySet()) {
                add(a, root ? "--bind" : "--ro-bind", m.getValue().toString(), m.getKey().toString());
            }
            add(a, "--ro-bind", mounted.sudo().toString(), "/usr/bin/sudo");
        }
        for (Path h : view.hidden()) add(a, "--size", Long.toString(tmpfsBytes(h)), "--tmpfs", h.toString());
        for (Path h : binds.hidden()) {
            boolean shown = view.hidden().stream().noneMatch(h::startsWith) && Files.isDirectory(h, LinkOption.NOFOLLOW_LINKS);
            if (shown) add(a, "--size", Long.toString(tmpfsBytes(h)), "--tmpfs", h.toString());
        }
        for (Path k : asNobody ? view.keptForOthers() : view.kept()) add(a, "--ro-bind", k.toString(), k.toString());
        // the sandbox user (nobody, home /nonexistent) gets the session's HOME as its account's home, as a reader's
        // account has: tools that ask the password database and not $HOME (Delve, ssh) then find their files there
        if (asNobody && mounted == null && binds.passwd() != null) add(a, "--ro-bind", binds.passwd().toString(), "/etc/passwd");
        if (mounted != null) {
            // an id-mapped layer shows the host root's files as its root's: what no other user may read is masked (under
            // fuse-overlayfs the runner user reads, which keeps them closed; masked all the same, sizes included)
            LayerMasks m = masks();
            for (Path f : m.files()) if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) add(a, "--ro-bind", "/dev/null", f.toString());
            for (Path d : m.folders()) {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) add(a, "--perms", "0755", "--size", Long.toString(MASK_BYTES), "--tmpfs", d.toString());
            }
        }
        // an `interop` step starts Windows programs: WSL's binfmt handler (/init, in the read-only system) talks
        // to the interop server through a socket under /run/WSL, shown read-only; nothing else of /run comes back
        Path wslRun = wslRunDir();
        if (snippet.requires().interop() && Files.isDirectory(wslRun, LinkOption.NOFOLLOW_LINKS)) add(a, "--ro-bind", wslRun.toString(), wslRun.toString());
        for (Path r : binds.readOnly()) add(a, "--ro-bind", r.toString(), r.toString());
        for (Path w : binds.writable()) add(a, "--bind", w.toString(), w.toString());
        add(a, "--bind", binds.home().toString(), binds.home().toString());
        add(a, "--unshare-all");
        if (snippet.requires().network()) add(a, "--share-net");
        add(a, "--die-with-parent", "--new-session", "--cap-drop", "ALL");
        add(a, "--clearenv");
        if (!launchInside) binds.env().forEach((k, v) -> add(a, "--setenv", k, v));
        add(a, "--chdir", view.startIn(binds).toString(), "--");
        if (launchInside) {
            a.addAll(launcher);
            a.addAll(HostTools.command("env", "-i", "--"));
            binds.env().forEach((k, v) -> a.add(k + "=" + v));
        }
        a.addAll(command);
        return Wrapped.contained(a); // --unshare-all: its own PID namespace
    }

    /** The masks of this run's id-mapped layer, walked on first use and kept for the run. */
    synchronized LayerMasks masks() throws IOException {
        if (masks == null) {
            List<Path> hidden = new ArrayList<>(view.hidden());
            masks = LayerMasks.scan(layer.dirs(), hidden);
        }
        return masks;
    }

    /** /tmp is the snippet's scratch space ({@link #TMPFS_BYTES}); every other hidden folder is a mask ({@link #MASK_BYTES}). */
    static long tmpfsBytes(Path hidden) {
        return hidden.equals(Path.of("/tmp")) ? TMPFS_BYTES : MASK_BYTES;
    }

    /** Where WSL keeps its interop sockets: {@code /run/WSL} (the property {@value #WSL_RUN_PROPERTY} moves it, for tests). */
    public static Path wslRunDir() {
        return Path.of(System.getProperty(WSL_RUN_PROPERTY, "/run/WSL"));
    }

    public static final String WSL_RUN_PROPERTY = "goguides.wsl.run.dir";

    private static void add(List<String> to, String... args) {
        to.addAll(List.of(args));
    }
}
