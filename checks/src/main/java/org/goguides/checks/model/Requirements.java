package org.goguides.checks.model;

import java.util.List;

/**
 * Where a snippet may run: selectors over host facts. Empty lists mean "any".
 *
 * @param os Go's names: linux, darwin, windows
 * @param arch Go's names: amd64, arm64
 * @param platforms named platforms from {@code platforms.yml} or the built-in ones
 * @param commands commands that must be on PATH
 * @param minGo lowest Go version, e.g. {@code 1.22}, or null
 * @param network needs the internet
 * @param root writes outside the session; needs a throwaway root layer (or a disposable host)
 * @param interop runs Windows programs from WSL: needs WSL's interop socket ({@code /run/WSL}, {@code WSL_INTEROP})
 */
public record Requirements(List<String> os, List<String> arch, List<String> platforms,
                           List<String> commands, String minGo, boolean network, boolean root, boolean interop) {
    public static final Requirements NONE = new Requirements(List.of(), List.of(), List.of(), List.of(), null, false, false, false);

    /** Requirements without WSL interop. */
    public Requirements(List<String> os, List<String> arch, List<String> platforms, List<String> commands, String minGo,
                        boolean network, boolean root) {
        this(os, arch, platforms, commands, minGo, network, root, false);
    }

    public Requirements {
        os = List.copyOf(os);
        arch = List.copyOf(arch);
        platforms = List.copyOf(platforms);
        commands = List.copyOf(commands);
    }

    /** True when the snippet names where it runs itself (then a guide's default platforms do not apply). */
    public boolean selectsPlatform() {
        return !os.isEmpty() || !arch.isEmpty() || !platforms.isEmpty();
    }
}
