package org.goguides.checks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * Runs the hand-written corpus in {@code src/test/resources/corpus} through the engine with the JUnit
 * Platform's {@link EngineTestKit}, as the {@code check} command runs it. Each snippet's id starts with the
 * status it must end with ({@code pass-}, {@code fail-}, {@code error-}, {@code skip-}, {@code display-}), so
 * the corpus documents itself, and the corpus has a case of every {@link Status}. The test judges the
 * Platform's events and the results file the engine reports, and checks that the two agree.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    @TempDir
    static Path tmp;
    /** The engine's events per snippet id: its finished or skipped event. */
    static final Map<String, Event> EVENTS = new TreeMap<>();
    /** The failure message or skip reason per snippet id. */
    static final Map<String, String> MESSAGE = new TreeMap<>();
    static EngineExecutionResults run;
    static HostRun results;

    @BeforeAll
    static void runCorpus() throws Exception {
        run = EngineTestKit.engine(Constants.ENGINE_ID)
                .selectors(selectDirectory(CORPUS.toFile()))
                .configurationParameter(Constants.RESULTS_DIR, tmp.resolve("results").toString())
                .configurationParameter(Constants.DISPLAY_BASE, CORPUS.toAbsolutePath().toString())
                .configurationParameter(Constants.CACHE_DIR, tmp.resolve("cache").toString())
                .configurationParameter(Constants.OUTPUT_CAP, "65536")
                // the corpus documents the runner without a sandbox (skip-root); the sandbox has its own suites
                .configurationParameter(Constants.SANDBOX, "none")
                .configurationParameter(Constants.HOST_PREFIX + "os", "linux")
                .configurationParameter(Constants.HOST_PREFIX + "arch", "amd64")
                .configurationParameter(Constants.HOST_PREFIX + "wsl", "false")
                .execute();
        for (Event e : run.testEvents().skipped().list()) {
            EVENTS.put(id(e), e);
            MESSAGE.put(id(e), e.getRequiredPayload(String.class));
        }
        for (Event e : run.testEvents().finished().list()) {
            EVENTS.put(id(e), e);
            e.getRequiredPayload(TestExecutionResult.class).getThrowable().ifPresent(t -> MESSAGE.put(id(e), t.getMessage()));
        }
        List<Path> files = run.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class)).map(RunReport::resultsFile).flatMap(java.util.Optional::stream).toList();
        assertEquals(1, files.size(), "the engine reports one results file: " + files);
        results = ResultStore.read(files.get(0));
    }

    private static String id(Event e) {
        return e.getTestDescriptor().getUniqueId().getLastSegment().getValue();
    }

    @Test
    void everySnippetEndsWithTheStatusItsIdNames() {
        Map<String, String> wrong = new TreeMap<>();
        for (SnippetResult r : results.snippets()) {
            String prefix = r.id().substring(0, r.id().indexOf('-'));
            Status want = switch (prefix) {
                case "pass" -> Status.PASSED;
                case "fail" -> Status.FAILED;
                case "error" -> Status.ERROR;
                case "skip", "display" -> Status.SKIPPED;
                default -> throw new AssertionError(r.id() + ": an id starts with the status it must end with");
            };
            if (r.status() != want) wrong.put(r.id(), r.status().id() + ": " + r.reason() + "\n" + r.output() + r.diff());
        }
        assertTrue(wrong.isEmpty(), "snippets with the wrong status: " + wrong);
        assertTrue(results.snippets().size() >= 30, "the whole corpus ran: " + EVENTS.keySet());
    }

    @Test
    void theCorpusHasACaseOfEveryStatus() {
        Set<Status> seen = results.snippets().stream().map(SnippetResult::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));
        assertEquals(EnumSet.allOf(Status.class), seen);
    }

    @Test
    void thePlatformsEventsAgreeWithTheResultsFile() {
        Map<Status, Long> n = results.snippets().stream().collect(Collectors.groupingBy(SnippetResult::status, Collectors.counting()));
        run.testEvents().assertStatistics(s -> s
                .skipped(n.getOrDefault(Status.SKIPPED, 0L))
                .succeeded(n.getOrDefault(Status.PASSED, 0L))
                .failed(n.getOrDefault(Status.FAILED, 0L) + n.getOrDefault(Status.ERROR, 0L))
                .aborted(0));
        assertEquals(results.snippets().stream().map(SnippetResult::id).collect(Collectors.toCollection(java.util.TreeSet::new)), EVENTS.keySet(),
                "one result per snippet test");
        for (SnippetResult r : results.snippets()) {
            if (r.status() == Status.ERROR) assertInstanceOf(SnippetError.class, throwable(r.id()), r.id() + " is an error, not a failure");
            if (r.status() == Status.FAILED) assertInstanceOf(SnippetFailure.class, throwable(r.id()), r.id());
        }
        run.containerEvents().assertStatistics(s -> s.failed(0));
    }

    private static Throwable throwable(String id) {
        return EVENTS.get(id).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Test
    void anErrorSaysWhyTheStepCouldNotBeTried() {
        assertTrue(MESSAGE.get("error-file-under-a-file").endsWith("file=notes/main.go: notes is not a folder"),
                MESSAGE.get("error-file-under-a-file"));
    }

    @Test
    void shownOnlyBlocksAreNotTests() {
        assertFalse(EVENTS.keySet().stream().anyMatch(id -> id.startsWith("display-") && !id.equals("display-skip")),
                "a json block is shown, not run: " + EVENTS.keySet());
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
        assertEquals(EVENTS.size(), ids.size(), "one entry per snippet test");
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
