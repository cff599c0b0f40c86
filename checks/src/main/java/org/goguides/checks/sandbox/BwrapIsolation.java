package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.goguides.checks.model.Snippet;
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

    /**
     * @param version what {@code bwrap --version} said, for the start of a run
     * @param layer the root layer, or null where overlays cannot be mounted
     * @param noLayer why there is no root layer (when {@code layer} is null)
     */
    BwrapIsolation(String version, HostView view, RootLayer layer, String noLayer) {
        this.version = version;
        this.view = view;
        this.layer = layer;
        this.noLayer = noLayer;
    }

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public String describe() {
        return "sandbox: " + version + " (system read-only, private /tmp, home hidden, own PID namespace, no network unless"
                + " `network`, no capabilities); root layer: " + (layer != null ? "overlay over " + layer.dirs() : noLayer);
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
    public Wrapped wrap(List<String> command, Snippet snippet, Binds binds) throws IOException {
        boolean root = snippet.requires().root();
        if (root && layer == null) throw new IOException(noRootLayerReason());
        boolean layered = layer != null && (root || RootLayer.exists(binds.layer()));
        List<String> a = new ArrayList<>();
        if (layered) a.addAll(layer.enter(binds.layer()));
        add(a, "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc");
        if (root) {
            for (Path d : layer.dirs()) add(a, "--bind", d.toString(), d.toString());
        }
        for (Path h : view.hidden()) add(a, "--tmpfs", h.toString());
        for (Path k : view.kept()) add(a, "--ro-bind", k.toString(), k.toString());
        for (Path r : binds.readOnly()) add(a, "--ro-bind", r.toString(), r.toString());
        for (Path w : binds.writable()) add(a, "--bind", w.toString(), w.toString());
        add(a, "--bind", binds.home().toString(), binds.home().toString());
        add(a, "--unshare-all");
        if (snippet.requires().network()) add(a, "--share-net");
        add(a, "--die-with-parent", "--new-session", "--cap-drop", "ALL");
        add(a, "--chdir", view.startIn(binds).toString(), "--");
        a.addAll(command);
        return Wrapped.contained(a); // --unshare-all: its own PID namespace
    }

    private static void add(List<String> to, String... args) {
        to.addAll(List.of(args));
    }
}
