package org.goguides.checks.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.Requirements;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.SnippetKind;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;

/** The sandbox's choices that need no bubblewrap to check: modes, sizes, the command line, the host view, {@code --no-sandbox}. */
class SandboxesTest {
    @TempDir
    Path tmp;

    @Test
    void anUnknownModeNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sandboxes.choose("bwrapp", Limits.DEFAULT));
        assertEquals("goguides.sandbox=bwrapp: unknown mode (allowed: auto, none)", e.getMessage());
    }

    @Test
    void noneIsRecordedAsNoneAndSaysItWasAChoice() {
        Isolation none = Sandboxes.choose("none", new Limits(0, 0));
        assertEquals("none", none.name());
        assertFalse(none.rootLayer());
        assertTrue(none.noRootLayerReason().contains("turned off by choice (--no-sandbox"), none.noRootLayerReason());
    }

    @Test
    void sizesReadLikeUlimitAndDocker() {
        assertEquals(Optional.of(512L << 20), Limits.parseSize("512m"));
        assertEquals(Optional.of(2L << 30), Limits.parseSize("2GiB"));
        assertEquals(Optional.of(1000L), Limits.parseSize("1000"));
        assertEquals(Optional.empty(), Limits.parseSize("lots"));
        assertEquals("memory limit (128 MiB)", new Limits(128L << 20, 64).memoryName());
    }

    @Test
    void theCommandLineHidesHomesAndSharesTheNetworkOnlyWhenAsked() throws Exception {
        HostView view = new HostView(List.of(Path.of("/tmp"), Path.of("/home/dev")), List.of(Path.of("/home/dev/sdk/go")));
        BwrapIsolation bwrap = new BwrapIsolation("bubblewrap 0.8.0", view, null, "no root layer: test");
        Path home = tmp.resolve("s/home");
        Isolation.Binds binds = new Isolation.Binds(home, home, List.of(tmp.resolve("s/control")), List.of(tmp.resolve("cache")),
                tmp.resolve("s/control/layer"));
        List<String> off = bwrap.wrap(List.of("bash", "x.sh"), snippet(false, false), binds).command();
        String line = String.join(" ", off);
        assertTrue(line.startsWith("/usr/bin/bwrap --ro-bind / / --dev /dev --proc /proc --ro-bind /proc/sys /proc/sys --size 536870912 --tmpfs /tmp"
                + " --size 1048576 --tmpfs /home/dev --ro-bind /home/dev/sdk/go"), line);
        assertTrue(line.contains("--ro-bind " + tmp.resolve("s/control") + " ") && line.contains("--bind " + home + " " + home), line);
        assertTrue(line.contains("--unshare-all --die-with-parent --new-session --cap-drop ALL --clearenv --chdir " + home + " -- bash x.sh"), line);
        assertFalse(line.contains("--share-net"));
        String on = String.join(" ", bwrap.wrap(List.of("true"), snippet(true, false), binds).command());
        assertTrue(on.contains("--unshare-all --share-net"), on);
        Exception e = assertThrows(java.io.IOException.class, () -> bwrap.wrap(List.of("true"), snippet(false, true), binds));
        assertTrue(e.getMessage().contains("no root layer: test"));
    }

    @Test
    void theViewHidesEveryHomeButKeepsToolsInstalledThere() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/dev"));
        Path bin = Files.createDirectories(home.resolve(".local/bin"));
        HostView v = HostView.of(Map.of("HOME", home.toString(), "PATH", bin + ":/usr/bin"), home.toString());
        assertTrue(v.hidden().contains(Path.of("/tmp")), v.hidden().toString());
        assertTrue(v.hidden().contains(home), "inside /tmp, yet shown as an empty folder, as it is the user's home: " + v.hidden());
        assertTrue(v.kept().contains(bin), v.kept().toString());
        Isolation.Binds b = new Isolation.Binds(tmp.resolve("s/home"), Path.of("/tmp/elsewhere/x"), List.of(), List.of(), tmp);
        assertEquals(tmp.resolve("s/home"), v.startIn(b), "a working directory the sandbox hides falls back to HOME");
    }

    @Test
    @Tag("snippets")
    void withoutASandboxRootSnippetsAreSkippedAndTheResultsSayNone() throws Exception {
        EngineRun run = EngineRun.run(Path.of("src/test/resources/nosandbox"), tmp, Map.of(), Map.of(Constants.SANDBOX, "none"));
        assertEquals("none", run.results.isolation());
        assertEquals(Map.of(), run.wrongStatuses());
        assertTrue(run.result("skip-root").reason().startsWith("needs a throwaway root layer (it writes outside the session); no sandbox: "
                + "turned off by choice (--no-sandbox or goguides.sandbox=none)"), run.result("skip-root").reason());
        assertFalse(Files.exists(Path.of("/usr/local/goguides-should-never-exist")));
    }

    @Test
    void theRootLayersFoldersAreNeverMadeThroughALink() throws Exception {
        Path host = Files.createDirectories(tmp.resolve("host-etc"));
        Path layer = Files.createDirectories(tmp.resolve("session/control/layer"));
        Files.createSymbolicLink(layer.resolve("upper"), host); // what a snippet would plant, could it write there
        RootLayer l = new RootLayer(List.of(Path.of("/usr")), tmp.resolve("goguides-idmap"), "userxattr", tmp.resolve("sudo"));
        Exception e = assertThrows(java.io.IOException.class, () -> l.enter(layer, 65534));
        assertTrue(e.getMessage().contains("is a link"), e.getMessage());
        try (var s = Files.list(host)) {
            assertEquals(List.of(), s.toList(), "nothing was created through the link");
        }
    }

    @Test
    void theProcessCapIsSetInsideTheSandboxWithoutTheSnippetsEnvironment() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(HostTools.has("bwrap") && HostTools.has("prlimit"), "needs bwrap and prlimit");
        BwrapIsolation b = new BwrapIsolation("bubblewrap test", HostView.of(Map.of("PATH", "/usr/bin"), null), null, "no layer");
        Path home = Files.createDirectories(tmp.resolve("cap/home"));
        List<String> launcher = List.of(HostTools.require("prlimit"), "--nproc=64", "--");
        List<String> cmd = b.wrap(List.of("/bin/bash", "w.sh"), snippet(false, false), new Isolation.Binds(home, home, List.of(), List.of(),
                tmp.resolve("cap/layer"), List.of(), Map.of("LD_PRELOAD", home + "/evil.so"), -1), launcher).command();
        assertFalse(cmd.contains("--setenv"), "the snippet's environment is not bwrap's to hand to prlimit: " + cmd);
        int start = cmd.indexOf(HostTools.require("prlimit"));
        assertTrue(start > cmd.indexOf("--clearenv"), "prlimit runs inside the sandbox, in its own user namespace: " + cmd);
        assertEquals(List.of(HostTools.require("prlimit"), "--nproc=64", "--", HostTools.require("env"), "-i", "--",
                "LD_PRELOAD=" + home + "/evil.so", "/bin/bash", "w.sh"), cmd.subList(start, cmd.size()),
                "prlimit starts with an empty environment; env -i hands the snippet's to the command alone");
    }

    @Test
    void aRootLayerNeverRunsAsTheHostsRoot() throws Exception {
        RootLayer l = new RootLayer(List.of(Path.of("/usr")), tmp.resolve("goguides-idmap"), "userxattr", tmp.resolve("sudo"));
        Path layer = tmp.resolve("uid/control/layer");
        Files.createDirectories(layer.getParent());
        for (int uid : new int[] {-1, 0}) {
            Exception e = assertThrows(java.io.IOException.class, () -> l.enter(layer, uid));
            assertTrue(e.getMessage().contains("never as the host's root"), e.getMessage());
        }
        // nobody under a root runner; an unprivileged runner may only hand folders to itself
        int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int uid = me == 0 ? 65534 : me;
        List<String> prefix = l.enter(layer, uid).prefix();
        int setpriv = prefix.indexOf(HostTools.require("setpriv"));
        int userns = prefix.indexOf("--map-root-user");
        assertTrue(setpriv > prefix.indexOf(tmp.resolve("goguides-idmap").toString()) && userns > setpriv,
                "the runner only makes the id-mapped views; the overlays are mounted as the sandbox user: " + prefix);
        assertEquals("--reuid=" + uid, prefix.get(setpriv + 1));
        assertEquals(uid, Files.getAttribute(layer.resolve("upper/usr"), "unix:uid"), "the upper folder is the sandbox user's");
    }

    @Test
    void hostHelpersComeFromSystemFoldersByAbsolutePath() throws Exception {
        assertEquals("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HostTools.ENVIRONMENT.get("PATH"));
        assertEquals(java.util.Set.of("PATH", "LANG"), HostTools.ENVIRONMENT.keySet(), "nothing else reaches a host-side helper");
        assertTrue(HostTools.require("sh").startsWith("/"), HostTools.require("sh"));
        assertTrue(HostTools.find("../bin/sh").isEmpty(), "only plain names are looked up");
        Isolation none = Isolation.none("test");
        Path home = Files.createDirectories(tmp.resolve("n/home"));
        List<String> cmd = none.wrap(List.of("bash", "x.sh"), snippet(false, false),
                new Isolation.Binds(home, home, List.of(), List.of(), tmp.resolve("n/layer"), List.of(), Map.of("PATH", "/evil"), -1)).command();
        assertEquals(List.of(HostTools.require("sh"), "-c", "cd -- \"$1\" || exit 126; shift; exec " + HostTools.require("env")
                        + " -i -- \"$@\"", "sh", home.toString(), "PATH=/evil", "bash", "x.sh"), cmd,
                "without a sandbox the environment still goes only to the command, through env -i (no env -C: macOS has none)");
    }

    private static Snippet snippet(boolean network, boolean root) {
        Requirements r = new Requirements(List.of(), List.of(), List.of(), List.of(), null, network, root);
        return new Snippet("g", "en", "s", true, "sh", SnippetKind.SHELL, "true", new SourcePos("g/index.en.md", 1), r,
                ExitExpectation.SUCCESS, null, List.of(), Duration.ofSeconds(5), null, "default", null, "sha256:0");
    }

    @Test
    void bwrapsVersionIsReadPastNoticesAndAFailureIsNotMistakenForAnAnswer() {
        assertEquals("bubblewrap 0.8.0", Sandboxes.bwrapVersion("bubblewrap 0.8.0\n"));
        assertEquals("bubblewrap 0.8.0", Sandboxes.bwrapVersion("bwrap: warning: setuid is deprecated\nbubblewrap 0.8.0\n"));
        assertEquals("bwrap", Sandboxes.bwrapVersion("bwrap: No permissions to create new namespace\n"));
    }
}
