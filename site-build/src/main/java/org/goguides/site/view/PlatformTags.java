package org.goguides.site.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.goguides.checks.host.Platform;
import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Requirements;
import org.goguides.checks.results.HostInfo;

/**
 * The platforms a reader can pick (the most specific named platforms: macOS Apple Silicon, macOS
 * Intel, WSL, Linux, Windows with the built-in catalog) and which of them a snippet or a host
 * belongs to. A snippet without selectors belongs to all; {@code os=darwin} to both Macs;
 * {@code platform=macos} likewise; {@code platform=wsl} to WSL only.
 */
public final class PlatformTags {
    private final PlatformCatalog catalog;
    private final List<Platform> choices;

    public PlatformTags(PlatformCatalog catalog) {
        this.catalog = catalog;
        List<Platform> c = new ArrayList<>();
        for (Platform p : catalog.all()) {
            if (p.when().isEmpty()) continue;
            boolean general = catalog.all().stream().anyMatch(o -> o != p && o.when().size() > p.when().size()
                    && o.when().entrySet().containsAll(p.when().entrySet()));
            if (!general) c.add(p);
        }
        this.choices = List.copyOf(c);
    }

    /** The platforms of the picker, in catalog order. */
    public List<Platform> choices() {
        return choices;
    }

    /** The picker platforms a snippet with these requirements applies to. */
    public List<String> of(Requirements r) {
        List<String> out = new ArrayList<>();
        for (Platform p : choices) if (applies(r, p)) out.add(p.name());
        return out;
    }

    private boolean applies(Requirements r, Platform p) {
        String os = p.when().get("os");
        String arch = p.when().get("arch");
        if (!r.os().isEmpty() && os != null && r.os().stream().noneMatch(os::equalsIgnoreCase)) return false;
        if (!r.arch().isEmpty() && arch != null && r.arch().stream().noneMatch(arch::equalsIgnoreCase)) return false;
        if (r.platforms().isEmpty()) return true;
        for (String name : r.platforms()) {
            Platform named = catalog.get(name).orElse(null);
            if (named == null || compatible(named.when(), p.when())) return true;
        }
        return false;
    }

    private static boolean compatible(Map<String, String> a, Map<String, String> b) {
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other != null && !other.equalsIgnoreCase(e.getValue())) return false;
        }
        return true;
    }

    /** The picker platform a results host belongs to, or null. */
    public String ofHost(HostInfo h) {
        for (Platform p : choices) {
            boolean all = true;
            for (Map.Entry<String, String> e : p.when().entrySet()) {
                String actual = switch (e.getKey()) {
                    case "os" -> h.os();
                    case "arch" -> h.arch();
                    case "wsl" -> Boolean.toString(h.wsl());
                    case "distro" -> h.distro() == null ? "" : h.distro().split(" ")[0];
                    default -> null;
                };
                if (actual == null || !e.getValue().equalsIgnoreCase(actual.toLowerCase(Locale.ROOT))) all = false;
            }
            if (all) return p.name();
        }
        return null;
    }

    /**
     * The CSS that shows a page as its reader's platform needs it, from {@code <html data-platform>} (set
     * before the first paint): that platform's status, summary and output shown, its hosts' badges first,
     * and the steps of other platforms folded (until opened). Made from the catalog, so platforms added in
     * platforms.yml work like the built-in ones.
     */
    public String css() {
        StringBuilder b = new StringBuilder("\n/* per platform, generated from the platform catalog (PlatformTags.css) */\n");
        for (Platform p : choices) {
            String r = ":root[data-platform=\"" + p.name() + "\"] ";
            String n = "\"" + p.name() + "\"";
            b.append(r).append(".pp[data-for=").append(n).append("] { display: revert; }\n")
                    .append(r).append(".snippet[data-platforms~=").append(n).append("] .status-all { display: none; }\n")
                    .append(r).append(".snippet:not([data-platforms~=").append(n).append("]) > .snippet-fold { display: flex; }\n")
                    .append(r).append(".snippet:not([data-platforms~=").append(n).append("]) { border-style: dashed; border-left-style: solid; }\n")
                    .append(r).append(".snippet:not([data-platforms~=").append(n).append("]):not(.is-open) > .snippet-body { display: none; }\n")
                    .append(r).append(".outputs[data-platforms~=").append(n).append("] > .output { display: none; }\n")
                    .append(r).append(".outputs[data-platforms~=").append(n).append("] > .output[data-for=").append(n).append("] { display: block; }\n")
                    .append(r).append(".badge[data-platform=").append(n).append("] { order: -1; box-shadow: inset 3px 0 0 currentColor; }\n");
        }
        return b.toString();
    }
}
