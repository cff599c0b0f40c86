package org.goguides.checks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.goguides.checks.model.Requirements;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.host.GoVersion;
import org.goguides.checks.host.HostFacts;
import org.goguides.checks.host.PlatformCatalog;

/**
 * Decides whether a snippet runs on a host, and if not, says why in words an author can act on:
 * "needs os=darwin; this host is linux/amd64 (debian 12)".
 */
public final class Applicability {
    private final HostFacts host;
    private final PlatformCatalog catalog;
    private final Predicate<String> onPath;
    private final boolean offline;
    private final boolean rootLayer;
    private final String noRootLayer;
    private String noInterop = "needs WSL interop (it starts Windows programs); this host is not WSL";

    /**
     * @param onPath tells whether a command is on PATH
     * @param offline {@code --offline}: skip snippets that need the network even when it is there
     * @param rootLayer whether a throwaway root layer (the sandbox) exists for {@code root} snippets
     */
    public Applicability(HostFacts host, PlatformCatalog catalog, Predicate<String> onPath, boolean offline, boolean rootLayer) {
        this(host, catalog, onPath, offline, rootLayer,
                "needs a throwaway root layer (it writes outside the session); no sandbox on this host");
    }

    /**
     * @param noRootLayer the skip reason for {@code root} snippets when there is no root layer: what they need
     *     and why this host lacks it (the isolation says)
     */
    public Applicability(HostFacts host, PlatformCatalog catalog, Predicate<String> onPath, boolean offline, boolean rootLayer,
                         String noRootLayer) {
        this.noRootLayer = noRootLayer;
        this.host = host;
        this.catalog = catalog;
        this.onPath = onPath;
        this.offline = offline;
        this.rootLayer = rootLayer;
    }

    /**
     * Says whether {@code interop} steps can start Windows programs here: {@code why} is null when they can, else
     * the reason they are skipped (not WSL, or WSL without an interop socket). Returns this.
     */
    public Applicability interop(String why) {
        this.noInterop = why;
        return this;
    }

    /** Why WSL interop is missing on {@code host} given the runner's environment, or null when it is there. */
    public static String interopProblem(HostFacts host, String wslInterop, boolean runDirExists) {
        if (!host.wsl()) return "needs WSL interop (it starts Windows programs); this host is not WSL";
        if (wslInterop == null || wslInterop.isBlank()) {
            return "needs WSL interop (it starts Windows programs); WSL_INTEROP is not set here (interop is off in /etc/wsl.conf, or WSL 1)";
        }
        if (!runDirExists) return "needs WSL interop (it starts Windows programs); its socket folder /run/WSL does not exist here";
        return null;
    }

    /** Empty when the snippet runs here, else the reason it is skipped. */
    public Optional<String> skipReason(Snippet s) {
        if (s.skipReason() != null) return Optional.of("skip=\"" + s.skipReason() + "\"");
        Requirements r = s.requires();
        List<String> needs = new ArrayList<>();
        if (!r.os().isEmpty() && !r.os().contains(host.os())) needs.add("os=" + String.join(",", r.os()));
        if (!r.arch().isEmpty() && !r.arch().contains(host.arch())) needs.add("arch=" + String.join(",", r.arch()));
        if (!r.platforms().isEmpty() && r.platforms().stream().noneMatch(p -> catalog.get(p).map(x -> x.matches(host)).orElse(false))) {
            needs.add("platform=" + String.join(",", r.platforms()));
        }
        if (!needs.isEmpty()) return Optional.of("needs " + String.join(" and ", needs) + "; this host is " + host.describe());
        List<String> missing = r.commands().stream().filter(c -> !onPath.test(c)).toList();
        if (!missing.isEmpty()) return Optional.of("needs " + String.join(", ", missing) + " on PATH; not found on this host");
        if (r.minGo() != null) {
            if (host.go().isEmpty()) return Optional.of("needs go>=" + r.minGo() + "; no Go on this host");
            if (GoVersion.compare(host.go(), r.minGo()) < 0) {
                return Optional.of("needs go>=" + r.minGo() + "; this host has " + host.go());
            }
        }
        if (r.network() && offline) return Optional.of("needs the network; --offline was given");
        if (r.network() && !host.online()) return Optional.of("needs the network; this host is offline (the Go module proxy did not answer)");
        if (r.root() && !rootLayer) {
            return Optional.of(noRootLayer);
        }
        if (r.interop() && noInterop != null) return Optional.of(noInterop);
        return Optional.empty();
    }
}
