package org.goguides.checks.results;

import org.goguides.checks.host.HostFacts;

/** The host block of a results file: the facts a run was made under. */
public record HostInfo(String key, String os, String arch, boolean wsl, int wslVersion, String distro, String kernel,
                       String go, boolean online, boolean rosetta) {

    /** A host that does not run under Rosetta (every host but an Intel JVM on Apple Silicon). */
    public HostInfo(String key, String os, String arch, boolean wsl, int wslVersion, String distro, String kernel, String go, boolean online) {
        this(key, os, arch, wsl, wslVersion, distro, kernel, go, online, false);
    }

    public static HostInfo of(HostFacts f) {
        return new HostInfo(f.key(), f.os(), f.arch(), f.wsl(), f.wslVersion(), f.distro(), f.kernel(), f.go(), f.online(), f.rosetta());
    }
}
