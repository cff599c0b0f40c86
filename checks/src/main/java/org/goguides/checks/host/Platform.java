package org.goguides.checks.host;

import java.util.Map;

/**
 * A named platform: a predicate over host facts, with a display name per language.
 * The predicate's keys are {@code os}, {@code arch}, {@code wsl} (true/false) and {@code distro} (an os-release ID).
 *
 * @param name the name snippets use in {@code platform=}
 * @param when fact name to required value; empty means every host
 * @param names display name per language code
 */
public record Platform(String name, Map<String, String> when, Map<String, String> names) {
    public static final java.util.Set<String> FACT_KEYS = java.util.Set.of("os", "arch", "wsl", "distro");

    public Platform {
        when = Map.copyOf(when);
        names = Map.copyOf(names);
    }

    public boolean matches(HostFacts h) {
        for (Map.Entry<String, String> e : when.entrySet()) {
            String actual = switch (e.getKey()) {
                case "os" -> h.os();
                case "arch" -> h.arch();
                case "wsl" -> Boolean.toString(h.wsl());
                case "distro" -> h.distroId();
                default -> null;
            };
            if (!e.getValue().equalsIgnoreCase(String.valueOf(actual))) return false;
        }
        return true;
    }

    /** The display name in {@code lang}, else English, else the name itself. */
    public String displayName(String lang) {
        return names.getOrDefault(lang, names.getOrDefault("en", name));
    }
}
