package org.goguides.checks.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.run.Isolation;
import org.goguides.checks.results.Status;

/**
 * The hostile corpus in {@code src/test/resources/hostile}: snippets that try to harm or spy on the
 * machine that checks them, run through the engine in the sandbox. Each must end with the status its
 * id names and the reason a maintainer needs; afterwards the host must be as before (canary files
 * intact, nothing written, listings unchanged) and no process the snippets started may be alive.
 */
class HostileSnippetsTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final String MARKER = "gg" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final Path REAL_HOME = Path.of(System.getProperty("user.home"));
    static final List<Path> PLACES = List.of(REAL_HOME, Path.of("/tmp"), Path.of("/usr/local"), Path.of("/etc"));
    /** Where this user can plant a canary (all of them as root; the home and /tmp otherwise). */
    static final List<Path> CANARIES = PLACES.stream().filter(Files::isWritable).toList();

    @TempDir
    static Path tmp;
    static EngineRun run;
    static Isolation isolation;
    static ServerSocket server;
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    static ServerSocketChannel unixServer;
    static Path unixSocket;
    static Map<Path, String> before;

    @BeforeAll
    static void runHostileCorpus() throws Exception {
        isolation = Sandboxes.detect();
        assumeTrue(isolation.name().equals("bwrap"), "bwrap (bubblewrap) is not available, hostile snippets never run outside it: "
                + isolation.describe());
        for (Path place : CANARIES) {
            Path canary = place.resolve("goguides-canary-" + MARKER);
            Files.writeString(canary, "canary-secret-" + MARKER + "\n", StandardCharsets.UTF_8);
            // read-only: a cleanup that made a link's target writable would show in the snapshot
            Files.setPosixFilePermissions(canary, java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
        }
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(HostileSnippetsTest::serve, "hostile-test-server");
        accept.setDaemon(true);
        accept.start();
        unixSocket = Path.of(Files.isDirectory(Path.of("/run")) && Files.isWritable(Path.of("/run")) ? "/run" : "/tmp",
                "goguides-hostile-" + MARKER + ".sock");
        unixServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        unixServer.bind(UnixDomainSocketAddress.of(unixSocket));
        before = HostSnapshot.of(PLACES, MARKER);

        Map<String, String> config = new HashMap<>();
        config.put(Constants.SANDBOX, "auto");
        config.put(Constants.OUTPUT_CAP, "65536");
        config.put(Constants.MEMORY_LIMIT, "128m");
        config.put(Constants.DISK_LIMIT, "192m");
        // the process cap counts one sandbox's processes (a cgroup, or RLIMIT_NPROC inside its user namespace), never the
        // runner user's: the user gets more processes than the cap beforehand, and every sandbox must still start
        config.put(Constants.PROCESS_LIMIT, "64");
        for (int i = 0; i < 80; i++) USERS_OTHER_PROCESSES.add(new ProcessBuilder("sleep", "600").start());
        config.put(Constants.HOST_PREFIX + "online", "true");
        Map<String, String> tokens = Map.of("MARKER", MARKER, "REALHOME", REAL_HOME.toString(),
                "PORT", Integer.toString(server.getLocalPort()), "SOCKET", unixSocket.toString(),
                "CACHE", tmp.resolve("cache").toString(), "CHECKOUT", HostView.checkout(Path.of("").toAbsolutePath()).toString());
        try (HostUids uids = HostUids.watch(MARKER, "hostile-uid-watcher")) {
            run = EngineRun.run(CORPUS, tmp, tokens, config);
            PROBED_UIDS = uids.seen();
        }
        run.statuses().forEach((id, status) -> System.out.println("hostile " + id + " → " + status.lines().findFirst().orElse("")));
    }

    /** Host uids (real, effective, saved, fs) of the probe process, seen from the host's /proc while it runs. */
    static java.util.Set<String> PROBED_UIDS = java.util.Set.of();

    private static void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                CONNECTIONS.incrementAndGet();
                out.write(("hello from the host " + MARKER + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    /** Processes of the runner's user outside any sandbox, more than the process cap: they must not count against it. */
    static final List<Process> USERS_OTHER_PROCESSES = new java.util.ArrayList<>();

    @AfterAll
    static void cleanUp() throws IOException {
        USERS_OTHER_PROCESSES.forEach(Process::destroyForcibly);
        if (server != null) server.close();
        if (unixServer != null) unixServer.close();
        if (unixSocket != null) Files.deleteIfExists(unixSocket);
        for (Path place : CANARIES) Files.deleteIfExists(place.resolve("goguides-canary-" + MARKER));
    }

    @Test
    void everySnippetEndsWithTheStatusItsIdNames() {
        assertEquals("bwrap", run.results.isolation(), "the results file records the sandbox");
        assertEquals(Map.of(), run.wrongStatuses());
        assertTrue(run.results.snippets().size() >= 42, "the whole corpus ran: " + run.statuses().size() + " " + run.statuses().keySet());
    }

    @Test
    void writesAndDeletesOutsideTheSessionFailOnTheReadOnlySystem() {
        for (String id : List.of("fail-write-usr-local", "fail-delete-usr-local", "fail-write-etc", "fail-delete-etc")) {
            SnippetResult r = run.result(id);
            assertEquals("exit code 1, expected 0", r.reason(), id);
            // read-only to a root-mapped sandbox, not even writable by permission to the sandbox user of a root runner
            boolean planted = !id.startsWith("fail-delete") || CANARIES.size() == PLACES.size(); // else nothing to delete
            assertTrue(r.output().contains("Read-only file system") || r.output().contains("Permission denied")
                    || !planted && r.output().contains("No such file or directory"), id + ": " + r.output());
        }
    }

    @Test
    void privateTmpAndHiddenHomeSwallowWritesAndShowNothing() {
        assertEquals(Status.PASSED, run.result("pass-tmp-is-private").status());
        assertEquals(Status.PASSED, run.result("pass-real-home-writes-vanish").status(), "the real home is an empty folder inside");
        SnippetResult read = run.result("fail-read-real-home");
        assertTrue(read.output().contains("No such file or directory"), read.output());
        assertFalse(read.output().contains("canary-secret"), "the canary's content never reaches the results");
        SnippetResult search = run.result("fail-find-canary-anywhere");
        assertEquals("exit code 1, expected 0", search.reason(), "grep found nothing: " + search.output());
        assertEquals(Status.PASSED, run.result("pass-run-sockets-hidden").status(), "/run and its sockets are hidden");
    }

    @Test
    void linksLeftInTheSessionAreNeverWrittenThrough() {
        assertEquals(Status.PASSED, run.result("pass-next-step-runs").status(), "a link as saved state is dropped, the session goes on");
        assertEquals("file=planted.txt resolves outside the session directory", run.result("error-file-through-link").reason());
        assertFalse(Files.exists(Path.of("/etc/goguides-hostile-" + MARKER)));
    }

    @Test
    void hangsFloodsAndDaemonsAreStopped() throws Exception {
        SnippetResult hang = run.result("fail-hang");
        assertEquals("timed out after 2s (timeout=)", hang.reason());
        // far below the 600 s it asks for, with room for a loaded machine to kill and reap it
        assertTrue(hang.durationMs() < 20_000, "stopped near the limit: " + hang.durationMs() + " ms");
        assertEquals("timed out after 1s (timeout=)", run.result("fail-hang-with-daemon").reason());
        SnippetResult flood = run.result("fail-output-flood");
        assertEquals("printed more than 65536 bytes (output cap); stopped", flood.reason());
        assertTrue(flood.output().length() < 20_000, "the results keep a capped output");
        assertEquals(Status.PASSED, run.result("pass-double-fork-daemon").status());
        assertEquals("", waitForNoProcesses(), "no process a snippet started is alive (pgrep -f " + MARKER + ")");
    }

    @Test
    void theHostsLoopbackIsReachableOnlyWithNetwork() {
        SnippetResult without = run.result("fail-loopback-without-network");
        assertTrue(without.output().contains("Connection refused"), without.output());
        assertEquals(Status.PASSED, run.result("pass-loopback-with-network").status(), run.result("pass-loopback-with-network").reason());
        assertEquals(1, CONNECTIONS.get(), "only the snippet marked network reached the host's server");
    }

    @Test
    void outputIsKeptAsTextWhateverItIs() {
        assertEquals("<script>alert(\"" + MARKER + "\")</script><img src=x onerror=alert(1)>\n",
                run.result("pass-markup-in-output").output().lines().skip(1).findFirst().orElse("") + "\n",
                "markup is stored as the text it is; the site escapes it");
        String binary = run.result("pass-binary-output").output();
        assertTrue(binary.contains("\uFFFD invalid utf-8 \uFFFD"), "invalid UTF-8 becomes U+FFFD");
        assertTrue(binary.contains("red\n") && !binary.contains("\u001B"), "terminal escapes and CR are removed");
        SnippetResult longLine = run.result("fail-very-long-line");
        assertEquals("output differs (match=exact)", longLine.reason());
        assertTrue(longLine.output().length() < 20_000 && longLine.diff().length() < 20_000,
                "a 60 kB line is capped in output and diff: " + longLine.output().length() + ", " + longLine.diff().length());
    }

    @Test
    void memoryAndProcessCapsAreNamed() {
        assumeTrue(Sandboxes.limiter(Limits.DEFAULT) instanceof CgroupV1Limiter, "named limits need writable cgroup v1 hierarchies (root)");
        SnippetResult mem = run.result("fail-memory-hog");
        assertEquals("hit the memory limit (128 MiB); stopped", mem.reason());
        SnippetResult fork = run.result("fail-fork-flood");
        assertEquals("hit the process limit (64 processes); stopped", fork.reason());
        assertTrue(fork.durationMs() < 10_000, "stopped when the cap was hit, not at the timeout: " + fork.durationMs());
    }

    @Test
    void memoryOverSeveralProcessesIsOneStepsMemory() {
        SnippetResult mem = run.result("fail-memory-over-processes");
        String expected = Sandboxes.limiter(Limits.DEFAULT) instanceof CgroupV1Limiter ? "hit the memory limit (128 MiB); stopped"
                : "hit the memory limit (128 MiB, counted by the runner every " + MemoryWatch.EVERY_MS + " ms); stopped";
        assertEquals(expected, mem.reason(), mem.output());
        assertFalse(mem.output().contains("not stopped"), mem.output());
    }

    @Test
    void theProcessCapCountsOneSandboxNotTheRunnersUser() {
        assertTrue(USERS_OTHER_PROCESSES.stream().allMatch(Process::isAlive), "the user's 80 other processes ran all along");
        assertEquals(Map.of(), run.wrongStatuses(), "with 80 processes of the runner's user beside them, sandboxes capped at 64 still start");
        SnippetResult fork = run.result("fail-fork-flood");
        assertTrue(fork.reason().equals("hit the process limit (64 processes); stopped")
                || fork.output().contains("Resource temporarily unavailable"), fork.reason() + "\n" + fork.output());
    }

    @Test
    void hostHelpersNeverSeeTheSnippetsEnvironment() {
        assertEquals(Status.PASSED, run.result("pass-next-step-after-hostile-env").status(),
                "a hostile PATH, LD_DEBUG and LD_DEBUG_OUTPUT reach the next snippet, inside the sandbox");
        // the canary: no fake helper ran and no loader trace was written on the host (theHostIsUnchanged, /tmp)
        assertEquals(List.of(), markedIn(Path.of("/tmp")), "no host-side helper ran from the snippet's PATH or with its LD_*");
        assertEquals("exported more than 256 KiB of variables (environment bound)", run.result("fail-environment-too-large").reason());
    }

    @Test
    void aSnippetIsNeverTheHostsRoot() {
        assertEquals(Status.PASSED, run.result("pass-not-host-root").status());
        assertFalse(PROBED_UIDS.isEmpty(), "the host saw the probe process of pass-not-host-root");
        assertFalse(PROBED_UIDS.contains("0"), "a snippet's process is never the host's uid 0: " + PROBED_UIDS);
        for (String id : List.of("fail-core-pattern", "fail-sysrq-and-sys")) {
            String out = run.result(id).output();
            assertTrue(out.contains("Read-only file system") || out.contains("Permission denied"), id + ": " + out);
        }
        assertTrue(run.result("fail-read-shadow").output().contains("Permission denied"), run.result("fail-read-shadow").output());
        assertTrue(run.result("fail-read-checkout").output().contains("No such file or directory"), "the checkout is hidden");
    }

    @Test
    void theRunnersHostSideFileOperationsFollowNoLink() throws IOException {
        assertEquals(Status.PASSED, run.result("pass-step-after-fifo").status(), "a FIFO as saved state is skipped, not read");
        assertEquals("file=d/sub/x.txt resolves outside the session directory", run.result("error-file-through-folder-link").reason());
        assertEquals("file=etc/goguides-hostile-" + MARKER + " resolves outside the session directory",
                run.result("error-file-into-linked-etc").reason());
        assertFalse(Files.exists(Path.of("/tmp/goguides-hostile-" + MARKER + "-dir"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(Path.of("/etc/goguides-hostile-" + MARKER)));
        assertEquals("r--r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(REAL_HOME.resolve("goguides-canary-" + MARKER))), "cleanup did not chmod through a link");
    }

    @Test
    void oneGuidesCacheIsInvisibleToOthers() throws IOException {
        assertEquals(Status.PASSED, run.result("pass-runner-cache-hidden").status(), run.result("pass-runner-cache-hidden").output());
        assertEquals(Status.PASSED, run.result("pass-cache-starts-empty").status(), run.result("pass-cache-starts-empty").output());
        Path ownCaches = tmp.resolve("cache/guides");
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> poison = s.filter(p -> p.getFileName().toString().contains("poison-" + MARKER)).toList();
            assertEquals(List.of(), poison.stream().filter(p -> !p.startsWith(ownCaches)
                    || !ownCaches.relativize(p).getName(0).toString().startsWith("runner-en-")).toList(),
                    "what a snippet wrote to a cache stays in its own guide's cache: " + poison);
        }
    }

    @Test
    void boundsPerSnippetNotJustPerCommand() {
        assertEquals("command 5 of 6 (line " + (run.result("fail-transcript-adds-up").line() + 9) + ", $ head -c 60000 /dev/zero | tr '\\0' e): "
                + "the transcript printed more than 262144 bytes in all (output cap per snippet: 4 × 65536); stopped",
                run.result("fail-transcript-adds-up").reason());
        assertEquals("hit the disk bound (192 MiB in the session: home, Go caches, root layer); stopped",
                run.result("fail-fill-session-disk").reason());
        SnippetResult hidden = run.result("fail-hide-from-disk-bound");
        assertTrue(hidden.reason().startsWith("hit the disk bound (192 MiB in the session: home, Go caches, root layer)"), hidden.reason());
        assertFalse(hidden.output().contains("not stopped"), hidden.output());
        SnippetResult keepSize = run.result("fail-keep-size-counted");
        assertTrue(keepSize.reason().startsWith("hit the disk bound (192 MiB in the session: home, Go caches, root layer)"), keepSize.reason());
        assertFalse(keepSize.output().contains("not stopped"), keepSize.output());
        SnippetResult oneFile = run.result("fail-one-file-past-the-bound");
        // 153 = 128 + SIGXFSZ: the kernel stopped fallocate at the file size cap, before any walk of the disk bound
        assertEquals("exit code 153, expected 0", oneFile.reason(), oneFile.output());
        SnippetResult masks = run.result("pass-hidden-folders-are-small");
        assertEquals(Status.PASSED, masks.status(), "the hidden folders other than /tmp hold no memory to speak of: " + masks.output());
        SnippetResult tmpFill = run.result("fail-fill-private-tmp");
        assertTrue(tmpFill.reason().startsWith("hit the memory limit") || tmpFill.output().contains("No space left on device")
                || tmpFill.output().contains("File size limit exceeded"),
                tmpFill.reason() + "\n" + tmpFill.output());
    }

    private static List<Path> markedIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(MARKER) && !p.getFileName().toString().startsWith("goguides-canary-")
                    && !p.getFileName().toString().endsWith(".sock")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theHostIsUnchanged() throws IOException {
        assertEquals(before, HostSnapshot.of(PLACES, MARKER), "canaries, listings and system files are as before the run");
        for (Path place : CANARIES) {
            assertEquals("canary-secret-" + MARKER + "\n", Files.readString(place.resolve("goguides-canary-" + MARKER), StandardCharsets.UTF_8));
        }
        try (Stream<Path> mem = Files.list(CgroupV1Limiter.MEMORY)) {
            String prefix = "goguides-" + ProcessHandle.current().pid() + "-";
            assertEquals(List.of(), mem.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList(),
                    "every per-command cgroup was removed");
        } catch (java.nio.file.NoSuchFileException e) {
            // no cgroup v1 memory hierarchy here
        }
    }

    private static String waitForNoProcesses() throws Exception {
        String left = "";
        // waits for the event (no process left), up to 20 s on a loaded machine; it returns as soon as it happened
        for (int i = 0; i < 200; i++) {
            left = EngineRun.processesWith(MARKER);
            if (left.isEmpty()) return left;
            Thread.sleep(100);
        }
        return left;
    }
}
