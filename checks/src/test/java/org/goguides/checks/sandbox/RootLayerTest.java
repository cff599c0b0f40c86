package org.goguides.checks.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.run.Isolation;
import org.goguides.checks.results.Status;

/**
 * A guide's install step run for real: {@code sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf go.tgz},
 * with a Go toolchain packed from the host's own GOROOT (no download). It must pass inside the
 * sandbox's root layer, later steps of the session must see the layer, other sessions must not, and
 * /usr/local, /etc, /usr/bin and /opt on the host must be exactly as before. The root step is never the host's
 * root: the host sees its processes as nobody (a root runner) or as the runner's user (fuse-overlayfs), and a
 * file only the host's root may read stays closed to it. The same test runs as root and as an unprivileged user.
 */
class RootLayerTest {
    static final Path CORPUS = Path.of("src/test/resources/rootlayer");
    static final String MARKER = "gg" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    static Path tmp;
    static EngineRun run;
    static Map<String, String> before;
    static String CORE_PATTERN;
    static Path SECRET;
    /** A root-only file and a root-only folder inside the layered folders (/etc, /var/cache), where the layer's root owns them. */
    static Path[] LAYER_SECRETS;
    /** Host uids (real, effective, saved, fs) of the root steps' probe processes, seen from the host's /proc while they run. */
    static java.util.Set<String> PROBED_UIDS = java.util.Set.of();

    @BeforeAll
    static void installGoInTheLayer() throws Exception {
        Isolation iso = Sandboxes.detect();
        assumeTrue(iso.name().equals("bwrap"), "bwrap (bubblewrap) is not available: " + iso.describe());
        goroot(); // the first step packs the host's Go
        if (isRoot()) {
            // a root runner with bwrap and Go must have its layer: a failing helper is a failure, not a skip
            assertTrue(iso.rootLayer(), "a root runner with Go has a root layer: " + iso.noRootLayerReason());
        }
        assumeTrue(iso.rootLayer(), "no root layer on this host: " + iso.noRootLayerReason());
        SECRET = secret();
        LAYER_SECRETS = layerSecrets();
        long t0 = System.nanoTime();
        CORE_PATTERN = Files.readString(Path.of("/proc/sys/kernel/core_pattern"), StandardCharsets.UTF_8);
        before = fingerprint();
        System.out.println("root layer: fingerprint " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        try (HostUids uids = HostUids.watch(MARKER, "root-layer-uid-watcher")) {
            run = EngineRun.run(CORPUS, tmp, Map.of("MARKER", MARKER, "SECRET", SECRET.toString(), "LAYERSECRET", LAYER_SECRETS[0].toString(),
                    "LAYERDIR", LAYER_SECRETS[1].toString()), Map.of(Constants.SANDBOX, "auto"));
            PROBED_UIDS = uids.seen();
        }
        run.results.snippets().forEach(r -> System.out.println("root layer " + r.id() + " → " + r.status().id() + " in " + r.durationMs() + " ms"));
    }

    @Test
    void theInstallStepPassesAndLaterStepsSeeTheLayer() {
        assertEquals("bwrap", run.results.isolation());
        assertEquals(Map.of(), run.wrongStatuses());
        assertEquals(13, run.results.snippets().size(), run.statuses().toString());
        SnippetResult install = run.result("pass-install-go");
        assertTrue(install.output().startsWith("go version go"), install.output());
    }

    @Test
    void aRootStepIsNeverTheHostsRoot() {
        assertEquals(Status.PASSED, run.result("pass-root-step-not-host-root").status(), run.result("pass-root-step-not-host-root").reason());
        assertFalse(PROBED_UIDS.isEmpty(), "the host saw the probe process of the root step");
        String expected = isRoot() ? "65534" : String.valueOf(uid());
        assertEquals(java.util.Set.of(expected), PROBED_UIDS, "a root step runs as nobody (root runner) or as the runner's user, never as uid 0");
        SnippetResult secret = run.result("fail-root-reads-root-only-file");
        assertTrue(secret.output().contains("Permission denied") && !secret.output().contains("root-only-" + MARKER), secret.output());
    }


    /**
     * A file only the host's root may read, outside the five folders of the layer, where the sandbox shows it: made in
     * /boot under a root runner; under another, a name in /lost+found (root's, closed to others) will do.
     */
    private static Path secret() throws IOException {
        if (isRoot()) {
            Path dir = Files.createDirectories(Path.of("/boot/goguides-test-" + MARKER));
            dir.toFile().deleteOnExit(); // after the file, which is registered later
            Path f = dir.resolve("secret");
            Files.writeString(f, "root-only-" + MARKER + "\n", StandardCharsets.UTF_8);
            f.toFile().deleteOnExit();
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return f;
        }
        Path lost = Path.of("/lost+found");
        assumeTrue(Files.isDirectory(lost) && !Files.isReadable(lost), "no root-only folder outside the layer's to aim at");
        return lost.resolve("goguides-test-" + MARKER);
    }

    /**
     * The host canaries of the layer's masks: as root, a file {@code /etc/goguides-test-MARKER-secret} (0600) and a folder
     * {@code /var/cache/goguides-test-MARKER} (0700) holding a world-readable file, all with the marker's text, which no
     * root step may read through its id-mapped layer; otherwise (fuse-overlayfs reads as the runner user) /etc/shadow and
     * /etc/ssl/private, closed to the runner user anyway.
     */
    private static Path[] layerSecrets() throws IOException {
        if (!isRoot()) return new Path[] {Path.of("/etc/shadow"), Path.of("/etc/ssl/private")};
        Path f = Path.of("/etc/goguides-test-" + MARKER + "-secret");
        Files.writeString(f, "layer-secret-" + MARKER + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        f.toFile().deleteOnExit();
        Path dir = Files.createDirectories(Path.of("/var/cache/goguides-test-" + MARKER));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        dir.toFile().deleteOnExit();
        Path inner = dir.resolve("layer-hidden-" + MARKER);
        Files.writeString(inner, "layer-secret-" + MARKER + "\n", StandardCharsets.UTF_8);
        inner.toFile().deleteOnExit();
        return new Path[] {f, dir};
    }

    @Test
    void whatNoOtherUserMayReadIsMaskedInTheLayer() throws IOException {
        SnippetResult r = run.result("pass-root-layer-masks-secrets");
        assertEquals(Status.PASSED, r.status(), r.reason() + "\n" + r.output());
        assertFalse(r.output().contains("layer-secret-" + MARKER) || r.output().contains("layer-hidden-" + MARKER),
                "a root step reads no file the host keeps from other users: " + r.output());
        assertFalse(r.output().contains("BEGIN PRIVATE KEY"), r.output());
        if (isRoot()) {
            LayerMasks m = LayerMasks.scan(RootLayer.systemDirs(), List.of(Path.of("/var/tmp")));
            System.out.println("root layer masks: " + m.describe());
            assertTrue(m.files().contains(LAYER_SECRETS[0]) && m.folders().contains(LAYER_SECRETS[1]), m.toString());
        }
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Test
    void theHostsSystemIsUnchanged() throws IOException {
        Map<String, String> after = fingerprint();
        Map<String, String> changed = new TreeMap<>();
        before.forEach((k, v) -> { if (!v.equals(after.get(k))) changed.put(k, v + " -> " + after.get(k)); });
        after.forEach((k, v) -> { if (!before.containsKey(k)) changed.put(k, "new " + v); });
        assertEquals(Map.of(), changed, "/usr/local, /etc, /usr/bin, /usr/sbin, /opt and /var/cache are as before");
        for (String p : List.of("/etc/goguides-layer-", "/usr/bin/goguides-layer-", "/opt/goguides-layer-", "/usr/local/go/GOGUIDES-")) {
            assertFalse(Files.exists(Path.of(p + MARKER)), p + MARKER + " must exist only in the layer");
        }
        assertFalse(Files.exists(Path.of("/usr/bin/sudo")) && Files.readString(Path.of("/usr/bin/sudo"), StandardCharsets.ISO_8859_1)
                .contains("goguides sandbox"), "the sudo shim lives in the layer only");
    }

    @Test
    void nothingTheLayerHoldsRunsOnTheHost() throws IOException {
        assertEquals(Status.PASSED, run.result("pass-next-root-step-mounts-the-layer-again").status());
        if (Sandboxes.limiter(Limits.DEFAULT, true) instanceof PrlimitLimiter) {
            assertTrue(run.result("pass-next-root-step-mounts-the-layer-again").output().contains("\n" + Limits.DEFAULT.processes() + "\n"),
                    "a prlimit planted in the layer does not lift the process cap: " + run.result("pass-next-root-step-mounts-the-layer-again").output());
        }
        try (Stream<Path> s = Files.list(Path.of("/var/cache"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("goguides-hostile-" + MARKER)).toList(),
                    "no helper planted in the layer ran on the host");
        }
        assertEquals(CORE_PATTERN, Files.readString(Path.of("/proc/sys/kernel/core_pattern"), StandardCharsets.UTF_8));
        assertTrue(run.result("fail-root-core-pattern").output().contains("Read-only file system"), run.result("fail-root-core-pattern").output());
    }

    /**
     * Every file under /usr/local (recursively) and the top of /etc, /usr/bin, /opt, /usr/sbin and /var/cache:
     * files and links of the host's system folders with size and time; folders by name only, since a folder's
     * time changes whenever anyone adds or removes a file in it. Canaries of other test runs on this machine
     * ({@link HostileSnippetsTest} in a concurrent build creates and removes them) are left out, and a file
     * removed while the walk passes is skipped, and the account files are compared without the CI user
     * ({@link AccountFiles}): this test looks for what the layer leaked, not for what other builds do meanwhile.
     */
    private static Map<String, String> fingerprint() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(Path.of("/usr/local"))) {
            for (Path p : s.toList()) put(m, p);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) throw e.getCause();
            return fingerprint(); // something was removed under the walk: walk again
        }
        for (String top : List.of("/etc", "/usr/bin", "/opt", "/usr/sbin", "/var/cache")) {
            if (!Files.isDirectory(Path.of(top))) continue;
            try (Stream<Path> s = Files.list(Path.of(top))) {
                // the test's own tarball folder (this build's or a concurrent one's) comes and goes
                for (Path p : s.toList()) if (!p.getFileName().toString().startsWith("goguides-test-")) put(m, p);
            }
        }
        return m;
    }

    private static void put(Map<String, String> m, Path p) throws IOException {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.startsWith("goguides-canary-") || AccountFiles.isBackupOrLock(p)) return;
        try {
            java.util.Optional<String> account = AccountFiles.describe(p);
            if (account.isPresent()) {
                m.put(p.toString(), account.get());
                return;
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            m.put(p.toString(), a.isDirectory() ? "folder" : a.size() + " " + a.lastModifiedTime());
        } catch (java.nio.file.NoSuchFileException e) {
            // removed since it was listed: not there before or after
        }
    }

    private static Path goroot() throws Exception {
        // stdout only: notices of a cold start (go: downloading …) go to stderr, shown in the test's log
        Process p = new ProcessBuilder("go", "env", "GOROOT").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty(), "no Go on this host to pack: " + out);
        return Path.of(out);
    }
}
