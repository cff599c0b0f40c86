package org.goguides.checks.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Host detection on recorded facts of each kind of host the guides target. */
class HostProbeTest {
    /** Answers recorded from a real host: files, environment, JVM properties and command outputs. */
    static final class Recorded implements HostSource {
        final Map<String, String> files = new HashMap<>();
        final Map<String, String> env = new HashMap<>();
        final Map<String, String> props = new HashMap<>();
        final Map<String, String> commands = new HashMap<>();

        @Override
        public Optional<String> file(String path) {
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public Optional<String> env(String name) {
            return Optional.ofNullable(env.get(name));
        }

        @Override
        public String property(String name) {
            return props.getOrDefault(name, "");
        }

        @Override
        public Optional<String> command(String... cmd) {
            return Optional.ofNullable(commands.get(String.join(" ", Arrays.asList(cmd))));
        }
    }

    static HostFacts probe(Recorded r) {
        return HostProbe.probe(r, Map.of("online", "false"), false);
    }

    /** A Debian 12 machine on amd64 with Go 1.26.8. */
    static Recorded debian12() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Linux");
        r.commands.put("uname -r", "6.1.0-26-amd64");
        r.commands.put("uname -m", "x86_64");
        r.commands.put("go version", "go version go1.26.8 linux/amd64");
        r.files.put("/proc/version", "Linux version 6.1.0-26-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14)");
        r.files.put("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n");
        return r;
    }

    @Test
    void debian() {
        HostFacts h = probe(debian12());
        assertEquals("linux-amd64-debian-12-go1.26.8", h.key());
        assertFalse(h.wsl());
        assertEquals("linux/amd64 (debian 12)", h.describe());
        assertTrue(PlatformCatalog.builtIn().get("linux").orElseThrow().matches(h));
        assertFalse(PlatformCatalog.builtIn().get("wsl").orElseThrow().matches(h));
    }

    @Test
    void wsl2Ubuntu() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Linux");
        r.commands.put("uname -r", "5.15.153.1-microsoft-standard-WSL2");
        r.commands.put("uname -m", "x86_64");
        r.commands.put("go version", "go version go1.25.3 linux/amd64");
        r.env.put("WSL_DISTRO_NAME", "Ubuntu-24.04");
        r.files.put("/proc/version", "Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc (GCC) 11.2.0)");
        r.files.put("/etc/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\nID_LIKE=debian\n");
        HostFacts h = probe(r);
        assertTrue(h.wsl());
        assertEquals(2, h.wslVersion());
        assertEquals("linux-amd64-wsl2-ubuntu-24.04-go1.25.3", h.key());
        assertTrue(PlatformCatalog.builtIn().get("wsl").orElseThrow().matches(h));
        assertFalse(PlatformCatalog.builtIn().get("linux").orElseThrow().matches(h));
    }

    @Test
    void wsl1() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Linux");
        r.commands.put("uname -r", "4.4.0-22621-Microsoft");
        r.commands.put("uname -m", "x86_64");
        r.files.put("/proc/version", "Linux version 4.4.0-22621-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) )");
        r.files.put("/etc/os-release", "ID=ubuntu\nVERSION_ID=\"20.04\"\n");
        HostFacts h = probe(r);
        assertTrue(h.wsl());
        assertEquals(1, h.wslVersion());
        assertEquals("", h.go(), "no Go on this host");
        assertEquals("linux-amd64-wsl1-ubuntu-20.04", h.key());
    }

    @Test
    void appleSilicon() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Mac OS X");
        r.props.put("os.arch", "aarch64");
        r.commands.put("uname -r", "24.1.0");
        r.commands.put("sysctl -n hw.optional.arm64", "1");
        r.commands.put("sysctl -n sysctl.proc_translated", "0");
        r.commands.put("sw_vers -productVersion", "15.1");
        r.commands.put("go version", "go version go1.26.8 darwin/arm64");
        HostFacts h = probe(r);
        assertEquals("darwin-arm64-macos-15.1-go1.26.8", h.key());
        assertFalse(h.rosetta());
        assertTrue(PlatformCatalog.builtIn().get("macos-arm64").orElseThrow().matches(h));
    }

    @Test
    void intelJvmUnderRosettaOnAppleSilicon() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Mac OS X");
        r.props.put("os.arch", "x86_64");
        r.commands.put("sysctl -n hw.optional.arm64", "1");
        r.commands.put("sysctl -n sysctl.proc_translated", "1");
        r.commands.put("sw_vers -productVersion", "14.6.1");
        HostFacts h = probe(r);
        assertEquals("arm64", h.arch(), "the machine is Apple Silicon even though this JVM is x86_64");
        assertTrue(h.rosetta());
        assertEquals("darwin-arm64-rosetta-macos-14.6.1", h.key());
        assertTrue(h.describe().contains("Rosetta"));
    }

    @Test
    void intelMac() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Mac OS X");
        r.props.put("os.arch", "x86_64");
        r.commands.put("sw_vers -productVersion", "13.7.1");
        // sysctl hw.optional.arm64 does not exist on Intel Macs: the command fails
        HostFacts h = probe(r);
        assertEquals("darwin-amd64-macos-13.7.1", h.key());
        assertTrue(PlatformCatalog.builtIn().get("macos-amd64").orElseThrow().matches(h));
    }

    @Test
    void windowsOnArm() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Windows 11");
        r.props.put("os.arch", "amd64");
        r.props.put("os.version", "10.0");
        r.env.put("PROCESSOR_ARCHITECTURE", "ARM64");
        r.commands.put("go version", "go version go1.26.8 windows/arm64");
        HostFacts h = probe(r);
        assertEquals("windows-arm64-windows-10.0-go1.26.8", h.key());
        assertTrue(PlatformCatalog.builtIn().get("windows").orElseThrow().matches(h));
    }

    @Test
    void overridesWin() {
        Recorded r = new Recorded();
        r.props.put("os.name", "Linux");
        HostFacts h = HostProbe.probe(r, Map.of("os", "darwin", "arch", "arm64", "online", "true", "go", "go1.22.12"), false);
        assertEquals("darwin", h.os());
        assertEquals("arm64", h.arch());
        assertTrue(h.online());
        assertEquals("go1.22.12", h.go());
    }

    @Test
    void factsHandedOnAreTakenWithoutRunningAnything() {
        Recorded r = debian12();
        HostFacts first = HostProbe.probe(r, Map.of("online", "true", "rosetta", "false"), false);
        java.util.List<String> asked = new java.util.ArrayList<>();
        HostSource counting = new HostSource() {
            @Override
            public Optional<String> file(String path) {
                asked.add(path);
                return r.file(path);
            }

            @Override
            public Optional<String> env(String name) {
                asked.add(name);
                return r.env(name);
            }

            @Override
            public String property(String name) {
                asked.add(name);
                return r.property(name);
            }

            @Override
            public Optional<String> command(String... cmd) {
                asked.add(String.join(" ", cmd));
                return r.command(cmd);
            }
        };
        HostFacts again = HostProbe.probe(counting, first.asOverrides(), true);
        assertEquals(first, again);
        assertEquals(java.util.List.of(), asked);
        // one fact missing: the machine is probed again
        Map<String, String> partial = new HashMap<>(first.asOverrides());
        partial.remove("kernel");
        assertEquals(first, HostProbe.probe(counting, partial, false));
        assertTrue(asked.contains("uname -r"));
        assertFalse(asked.contains("go version"), "the go fact was given: " + asked);
    }

    @Test
    void goVersionsCompare() {
        assertTrue(GoVersion.compare("go1.26.8", "1.22") > 0);
        assertTrue(GoVersion.compare("go1.22.0", "1.22") == 0);
        assertTrue(GoVersion.compare("go1.21.13", "1.22") < 0);
        assertTrue(GoVersion.compare("go1.23rc1", "1.23") == 0);
    }

    @Test
    void goVersionIsFoundAfterColdStartNoticesAndAFailedGoLeavesItEmpty() {
        Recorded r = debian12();
        // GOTOOLCHAIN=auto with a go.mod that needs a newer Go: the notice comes first when streams are merged
        r.commands.put("go version", "go: downloading go1.26.9 (linux/amd64)\ngo version go1.26.9 linux/amd64");
        assertEquals("go1.26.9", HostProbe.probe(r, Map.of("online", "false"), false).go());
        r.commands.remove("go version"); // exited non-zero or is missing: HostSource answers empty
        assertEquals("", HostProbe.probe(r, Map.of("online", "false"), false).go());
        assertEquals("", HostProbe.parseGoVersion("go: download go1.99.0 for linux/amd64: toolchain not available"));
    }
}
