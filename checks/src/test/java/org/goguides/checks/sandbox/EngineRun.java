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

import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;

/**
 * Runs a test corpus through the launcher as the {@code check} command does, after filling in its
 * {@code @TOKEN@}s, and reads back the results file: the sandbox tests judge snippets by what a
 * maintainer would see.
 */
final class EngineRun {
    final HostRun results;
    final long wallMs;

    private EngineRun(HostRun results, long wallMs) {
        this.results = results;
        this.wallMs = wallMs;
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
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(copy.toFile()))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.RESULTS_DIR, resultsDir.toString())
                .configurationParameter(Constants.DISPLAY_BASE, copy.toString())
                .configurationParameter(Constants.CACHE_DIR, work.resolve("cache").toString())
                .configurationParameter(Constants.WORK_DIR, work.resolve("sessions").toString())
                .configurationParameters(config)
                .build();
        long start = System.nanoTime();
        try (LauncherSession s = LauncherFactory.openSession()) {
            s.getLauncher().execute(request);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        try (Stream<Path> files = Files.list(resultsDir)) {
            List<Path> all = files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).toList();
            if (all.size() != 1) throw new IllegalStateException("expected one results file, found " + all);
            return new EngineRun(ResultStore.read(all.get(0)), wall);
        }
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
