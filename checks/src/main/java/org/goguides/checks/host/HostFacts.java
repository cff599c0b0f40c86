package org.goguides.checks.host;

import java.util.Locale;

/**
 * What the runner knows about the machine it runs on; snippets are selected against these facts
 * and the results file records them.
 *
 * @param os Go's name: linux, darwin, windows
 * @param arch Go's name: amd64, arm64
 * @param kernel kernel release ({@code uname -r}) or OS version
 * @param wsl whether this Linux runs under the Windows Subsystem for Linux
 * @param wslVersion 1 or 2 under WSL, 0 otherwise
 * @param distroId {@code ID} from /etc/os-release (e.g. debian), or "macos", or ""
 * @param distroVersion {@code VERSION_ID} from /etc/os-release, or the macOS version from sw_vers
 * @param go {@code go1.26.8}, or "" when no Go is on PATH
 * @param online whether the Go module proxy answers
 * @param rosetta on a Mac: the checks run translated by Rosetta 2 (an Intel JVM on Apple Silicon)
 */
public record HostFacts(String os, String arch, String kernel, boolean wsl, int wslVersion, String distroId,
                        String distroVersion, String go, boolean online, boolean rosetta) {

    /** The names of the facts, as {@link HostProbe#probe} takes them as overrides. */
    public static final java.util.List<String> NAMES = java.util.List.of("os", "arch", "kernel", "wsl", "wslVersion", "distroId",
            "distroVersion", "go", "online", "rosetta");

    /**
     * These facts as overrides for {@link HostProbe#probe}: a probe given all of them runs no command,
     * so a caller that has probed already can hand its facts on.
     */
    public java.util.Map<String, String> asOverrides() {
        return java.util.Map.of("os", os, "arch", arch, "kernel", kernel, "wsl", Boolean.toString(wsl), "wslVersion",
                Integer.toString(wslVersion), "distroId", distroId, "distroVersion", distroVersion, "go", go,
                "online", Boolean.toString(online), "rosetta", Boolean.toString(rosetta));
    }

    /** A stable name for this kind of host, e.g. {@code linux-amd64-debian-12-go1.26.8}. */
    public String key() {
        StringBuilder b = new StringBuilder(os).append('-').append(arch);
        if (wsl) b.append("-wsl").append(wslVersion > 0 ? wslVersion : "");
        if (rosetta) b.append("-rosetta");
        if (!distroId.isEmpty()) b.append('-').append(distroId);
        if (!distroVersion.isEmpty()) b.append('-').append(distroVersion);
        if (!go.isEmpty()) b.append('-').append(go);
        return b.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }

    /** Human description used in skip reasons: {@code linux/amd64 (debian 12)}. */
    public String describe() {
        String d = os + "/" + arch;
        if (wsl) d += " under WSL" + (wslVersion > 0 ? wslVersion : "");
        if (rosetta) d += " under Rosetta";
        if (!distroId.isEmpty()) d += " (" + distro() + ")";
        return d;
    }

    /** {@code debian 12}, {@code macos 15.1}, or "". */
    public String distro() {
        return (distroId + " " + distroVersion).strip();
    }

    public HostFacts withOnline(boolean value) {
        return new HostFacts(os, arch, kernel, wsl, wslVersion, distroId, distroVersion, go, value, rosetta);
    }

    /** The same host with another Go toolchain (a run of the Go version matrix). */
    public HostFacts withGo(String version) {
        return new HostFacts(os, arch, kernel, wsl, wslVersion, distroId, distroVersion, version, online, rosetta);
    }
}
