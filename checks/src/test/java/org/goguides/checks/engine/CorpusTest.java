package org.goguides.checks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.EngineFilter;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * Runs the hand-written corpus in {@code src/test/resources/corpus} through the launcher, as the
 * {@code check} command does. Each snippet's id starts with the status it must end with
 * ({@code pass-}, {@code fail-}, {@code skip-}, {@code display-}), so the corpus documents itself.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    @TempDir
    static Path tmp;
    static final Map<String, String> STATUS = new ConcurrentHashMap<>();
    static final Map<String, String> MESSAGE = new ConcurrentHashMap<>();
    static HostRun results;
    static long wallMs;

    @BeforeAll
    static void runCorpus() throws Exception {
        Path resultsDir = tmp.resolve("results");
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(CORPUS.toFile()))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.RESULTS_DIR, resultsDir.toString())
                .configurationParameter(Constants.DISPLAY_BASE, CORPUS.toAbsolutePath().toString())
                .configurationParameter(Constants.CACHE_DIR, tmp.resolve("cache").toString())
                .configurationParameter(Constants.OUTPUT_CAP, "65536")
                // the corpus documents the runner without a sandbox (skip-root); the sandbox has its own suites
                .configurationParameter(Constants.SANDBOX, "none")
                .configurationParameter(Constants.HOST_PREFIX + "os", "linux")
                .configurationParameter(Constants.HOST_PREFIX + "arch", "amd64")
                .configurationParameter(Constants.HOST_PREFIX + "wsl", "false")
                .build();
        TestExecutionListener capture = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    STATUS.put(id(id), "skip");
                    MESSAGE.put(id(id), reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                if (!id.isTest()) return;
                STATUS.put(id(id), r.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "pass" : "fail");
                r.getThrowable().ifPresent(t -> MESSAGE.put(id(id), t.getMessage()));
            }
        };
        long start = System.nanoTime();
        try (LauncherSession s = LauncherFactory.openSession()) {
            s.getLauncher().execute(request, capture);
        }
        wallMs = (System.nanoTime() - start) / 1_000_000;
        try (var files = Files.list(resultsDir)) {
            List<Path> all = files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).toList();
            assertEquals(1, all.size(), "one results file per host");
            results = ResultStore.read(all.get(0));
        }
    }

    private static String id(TestIdentifier t) {
        String u = t.getUniqueId();
        return u.substring(u.lastIndexOf("[snippet:") + 9, u.length() - 1);
    }

    @Test
    void everySnippetEndsWithTheStatusItsIdNames() {
        Map<String, String> wrong = new TreeMap<>();
        STATUS.forEach((id, status) -> {
            String expected = id.substring(0, id.indexOf('-'));
            if (expected.equals("display")) expected = "skip";
            if (!expected.equals(status)) wrong.put(id, status + ": " + MESSAGE.getOrDefault(id, ""));
        });
        assertTrue(wrong.isEmpty(), "snippets with the wrong status: " + wrong);
        assertTrue(STATUS.size() >= 30, "the whole corpus ran: " + STATUS.keySet());
    }

    @Test
    void shownOnlyBlocksAreNotTests() {
        assertFalse(STATUS.keySet().stream().anyMatch(id -> id.startsWith("display-") && !id.equals("display-skip")),
                "a json block is shown, not run: " + STATUS.keySet());
    }

    @Test
    void skipsSayWhatTheSnippetNeedsAndWhatTheHostIs() {
        assertEquals("needs os=darwin; this host is linux/amd64 (" + distro() + ")", MESSAGE.get("skip-darwin"));
        assertTrue(MESSAGE.get("skip-missing-command").startsWith("needs no-such-command-xyz on PATH"), MESSAGE.get("skip-missing-command"));
        assertTrue(MESSAGE.get("skip-new-go").startsWith("needs go>=1.99; this host has go1."), MESSAGE.get("skip-new-go"));
        assertTrue(MESSAGE.get("skip-root").contains("throwaway root layer"), MESSAGE.get("skip-root"));
        assertEquals("skip=\"needs a person at the keyboard\"", MESSAGE.get("display-skip"));
    }

    private static String distro() {
        return results.host().distro();
    }

    @Test
    void failuresSayWhyWithFileAndLine() {
        assertTrue(MESSAGE.get("fail-transcript-output").startsWith("guides/statuses/index.en.md:"), MESSAGE.get("fail-transcript-output"));
        assertTrue(MESSAGE.get("fail-transcript-output").contains("output differs"));
        assertTrue(MESSAGE.get("fail-transcript-output").contains("- goodbye") && MESSAGE.get("fail-transcript-output").contains("+ hello"));
        assertTrue(MESSAGE.get("fail-exit-code").contains("exit code 1, expected 0"), MESSAGE.get("fail-exit-code"));
        assertTrue(MESSAGE.get("fail-errexit").contains("exit code 1, expected 0"), MESSAGE.get("fail-errexit"));
        assertFalse(MESSAGE.get("fail-errexit").contains("not reached"), "bash -e stops at the first failing command");
        assertTrue(MESSAGE.get("fail-go-run").contains("panic: boom"), MESSAGE.get("fail-go-run"));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        assertTrue(MESSAGE.get("fail-timeout").contains("timed out after 1s"), MESSAGE.get("fail-timeout"));
        SnippetResult r = result("fail-timeout");
        // well under the 30 s the snippet asks for, with room for a loaded machine to kill and reap it
        assertTrue(r.durationMs() < 15_000, "stopped near the limit, took " + r.durationMs() + " ms");
        // the snippet's processes carry a marker: another "sleep 30" on the machine is none of this test's business
        Process ps = new ProcessBuilder("pgrep", "-f", "goguides-corpus-timeout").start();
        String left = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ps.waitFor();
        assertEquals("", left, "no snippet process outlives its timeout");
    }

    @Test
    void anOutputFloodIsCappedAndStopped() {
        assertTrue(MESSAGE.get("fail-flood").contains("printed more than 65536 bytes (output cap)"), MESSAGE.get("fail-flood"));
        SnippetResult r = result("fail-flood");
        assertTrue(r.output().length() < 20_000, "the results file keeps a capped output");
        assertTrue(r.durationMs() < 10_000, "stopped when the cap was hit, not at the timeout: " + r.durationMs());
    }

    @Test
    void theResultsFileFollowsTheContract() {
        assertEquals(1, results.schema());
        assertEquals("linux", results.host().os());
        assertEquals("none", results.isolation());
        assertTrue(results.host().key().startsWith("linux-amd64-"), results.host().key());
        assertTrue(results.started().compareTo(results.finished()) <= 0);
        List<String> ids = new ArrayList<>();
        for (SnippetResult s : results.snippets()) {
            ids.add(s.id());
            assertTrue(s.hash().matches("sha256:[0-9a-f]{64}"), s.hash());
            assertTrue(s.source().startsWith("guides/"), s.source());
            assertTrue(s.line() > 0);
        }
        assertEquals(STATUS.size(), ids.size(), "one entry per snippet test");
        SnippetResult r = result("pass-shell-output");
        assertEquals(Status.PASSED, r.status());
        assertEquals("中文输出\nsecond line\n", r.output(), "Chinese survives the process pipe and the JSON file");
        assertEquals(Status.SKIPPED, result("skip-darwin").status());
        assertEquals(Status.FAILED, result("fail-shell-output").status());
        assertTrue(result("fail-shell-output").diff().contains("- expected"));
    }

    private static SnippetResult result(String id) {
        return results.snippets().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no result for " + id));
    }
}
