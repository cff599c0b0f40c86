package org.goguides.checks.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms snippets may name: the built-in ones, replaced or extended by {@code content/platforms.yml}.
 */
public final class PlatformCatalog {
    private final Map<String, Platform> platforms;

    public PlatformCatalog(Collection<Platform> platforms) {
        Map<String, Platform> m = new LinkedHashMap<>();
        for (Platform p : platforms) m.put(p.name(), p);
        this.platforms = Map.copyOf(m);
        this.order = List.copyOf(m.keySet());
    }

    private final List<String> order;

    /** The built-in platforms; one catalog, since it cannot change (every guide header read alone asks for it). */
    public static PlatformCatalog builtIn() {
        return Holder.BUILT_IN_CATALOG;
    }

    /** Made on first use, after {@link #BUILT_IN}. */
    private static final class Holder {
        static final PlatformCatalog BUILT_IN_CATALOG = new PlatformCatalog(BUILT_IN);
    }

    /** The built-in platforms with {@code extra} added; an entry in {@code extra} replaces a built-in one of the same name. */
    public static PlatformCatalog withOverrides(List<Platform> extra) {
        List<Platform> all = new ArrayList<>(BUILT_IN);
        for (Platform p : extra) {
            all.removeIf(b -> b.name().equals(p.name()));
            all.add(p);
        }
        return new PlatformCatalog(all);
    }

    public Optional<Platform> get(String name) {
        return Optional.ofNullable(platforms.get(name));
    }

    public boolean contains(String name) {
        return platforms.containsKey(name);
    }

    /** All names in declaration order. */
    public List<String> names() {
        return order;
    }

    public List<Platform> all() {
        return order.stream().map(platforms::get).toList();
    }

    private static Platform p(String name, Map<String, String> when, String en, String zh) {
        return new Platform(name, when, Map.of("en", en, "zh", zh));
    }

    static final List<Platform> BUILT_IN = List.of(
            p("macos-arm64", Map.of("os", "darwin", "arch", "arm64"), "macOS (Apple Silicon)", "macOS（Apple 芯片）"),
            p("macos-amd64", Map.of("os", "darwin", "arch", "amd64"), "macOS (Intel)", "macOS（Intel）"),
            p("macos", Map.of("os", "darwin"), "macOS", "macOS"),
            p("wsl", Map.of("os", "linux", "wsl", "true"), "WSL", "WSL"),
            p("linux", Map.of("os", "linux", "wsl", "false"), "Linux", "Linux"),
            p("windows", Map.of("os", "windows"), "Windows", "Windows"),
            p("any", Map.of(), "any platform", "任意平台"));
}
