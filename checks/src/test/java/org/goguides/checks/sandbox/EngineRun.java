package org.goguides.checks.sandbox;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.engine.RunReport;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;

/**
 * Runs a test corpus through the engine with the JUnit Platform's {@link EngineTestKit}, after filling in
 * its {@code @TOKEN@}s, and reads back the results file the engine reports: the sandbox tests judge
 * snippets by what a maintainer would see.
 */
final class EngineRun {
    final HostRun results;
    final long wallMs;
    private final EngineExecutionResults events;

    private EngineRun(HostRun results, long wallMs, EngineExecutionResults events) {
        this.results = results;
        this.wallMs = wallMs;
        this.events = events;
    }

    /** Copies {@code corpus} to {@code work/corpus} with every token replaced, and runs it with {@code config}. */
    static EngineRun run(Path corpus, Path work, Map<String, String> tokens, Map<String, String> config) throws IOException {
        Path copy = work.resolve("corpus");
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> t : tokens.entrySet()) text = text.replace("@" + t.getKey() + "@", t.getValue());
                Path to = copy.resolve(corpus.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.writeString(to, text, StandardCharsets.UTF_8);
            }
        }
        Path resultsDir = work.resolve("results");
        // a root runner's sandboxes run as nobody, who must be able to reach the session folders below work
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        long start = System.nanoTime();
        EngineExecutionResults events = EngineTestKit.engine(Constants.ENGINE_ID)
                .selectors(selectDirectory(copy.toFile()))
                .configurationParameter(Constants.RESULTS_DIR, resultsDir.toString())
                .configurationParameter(Constants.DISPLAY_BASE, copy.toString())
                .configurationParameter(Constants.CACHE_DIR, work.resolve("cache").toString())
                .configurationParameter(Constants.WORK_DIR, work.resolve("sessions").toString())
                .configurationParameters(config)
                .execute();
        long wall = (System.nanoTime() - start) / 1_000_000;
        // the engine itself fails (a bad configuration) as a failed container, with the reason as its throwable
        events.containerEvents().failed().stream().filter(e -> e.getTestDescriptor().getParent().isEmpty()).findFirst().ifPresent(e -> {
            throw new IllegalStateException("the engine failed: " + e.getRequiredPayload(TestExecutionResult.class),
                    e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElse(null));
        });
        List<Path> files = events.allEvents().reportingEntryPublished().stream().map(e -> e.getRequiredPayload(ReportEntry.class))
                .map(RunReport::resultsFile).flatMap(java.util.Optional::stream).toList();
        if (files.size() != 1) throw new IllegalStateException("expected one results file, the engine reported " + files);
        return new EngineRun(ResultStore.read(files.get(0)), wall, events);
    }

    /** The Platform's events of the run, for tests that judge them (how many tests passed, failed, were skipped). */
    EngineExecutionResults events() {
        return events;
    }

    SnippetResult result(String id) {
        return results.snippets().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + "; have " + statuses().keySet()));
    }

    /** Snippet id → status, for messages. */
    Map<String, String> statuses() {
        Map<String, String> m = new TreeMap<>();
        results.snippets().forEach(s -> m.put(s.id(), s.status().id() + (s.reason().isEmpty() ? "" : ": " + s.reason())));
        return m;
    }

    /** Ids whose status is not the one their prefix names (pass-, fail-, error-, skip-). */
    Map<String, String> wrongStatuses() {
        Map<String, String> wrong = new TreeMap<>();
        for (SnippetResult s : results.snippets()) {
            String prefix = s.id().substring(0, s.id().indexOf('-'));
            String want = switch (prefix) {
                case "pass" -> "passed";
                case "fail" -> "failed";
                case "error" -> "error";
                default -> "skipped";
            };
            if (!want.equals(s.status().id())) wrong.put(s.id(), s.status() + ": " + s.reason() + "\n" + s.output());
        }
        return wrong;
    }

    /** Command lines of live processes that contain {@code marker} (pgrep -f), empty when none. */
    static String processesWith(String marker) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pgrep", "-af", marker).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}
