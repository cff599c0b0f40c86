package org.goguides.checks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.Status;

/**
 * The engine keeps no state between runs: each launch's listener hears the host and results file of that
 * launch only, as the {@code check} command's banner does, and a launch whose engine never started reports
 * no host rather than the previous one.
 */
class RunReportTest {
    static final Path CONTENT = Path.of("src/test/resources/tworuns");
    @TempDir
    Path tmp;

    /** What one launch's listener heard. */
    static final class Heard implements TestExecutionListener {
        final List<RunReport.Host> hosts = new ArrayList<>();
        final List<Path> files = new ArrayList<>();

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            RunReport.host(entry).ifPresent(hosts::add);
            RunReport.resultsFile(entry).ifPresent(files::add);
        }
    }

    Heard launch(Map<String, String> config) {
        var req = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(CONTENT.toFile()))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.RESULTS_DIR, tmp.resolve("results").toString())
                .configurationParameter(Constants.DISPLAY_BASE, CONTENT.toAbsolutePath().toString())
                .configurationParameter(Constants.CACHE_DIR, tmp.resolve("cache").toString())
                .configurationParameter(Constants.SANDBOX, "none")
                .configurationParameter(Constants.OFFLINE, "true")
                .configurationParameters(config);
        Heard heard = new Heard();
        try (LauncherSession s = LauncherFactory.openSession()) {
            s.getLauncher().execute(req.build(), heard);
        }
        return heard;
    }

    @Test
    void twoLaunchesInOneJvmEachReportTheirOwnHostAndResults() throws Exception {
        Heard first = launch(Map.of(Constants.HOST_PREFIX + "distroId", "alpha", Constants.HOST_PREFIX + "distroVersion", "1"));
        Heard second = launch(Map.of(Constants.HOST_PREFIX + "distroId", "beta", Constants.HOST_PREFIX + "distroVersion", "2"));
        assertEquals(1, first.hosts.size(), first.hosts.toString());
        assertEquals(1, second.hosts.size(), second.hosts.toString());
        String a = first.hosts.get(0).key();
        String b = second.hosts.get(0).key();
        assertTrue(a.contains("-alpha-1"), a);
        assertTrue(b.contains("-beta-2"), b);
        assertEquals("none", first.hosts.get(0).isolation());
        assertEquals(List.of(tmp.resolve("results").resolve(a + ".json").toAbsolutePath()), first.files);
        assertEquals(List.of(tmp.resolve("results").resolve(b + ".json").toAbsolutePath()), second.files);
        for (Heard h : List.of(first, second)) {
            HostRun run = ResultStore.read(h.files.get(0));
            assertEquals(h.hosts.get(0).key(), run.host().key(), "the file is the launch's own run");
            assertEquals(1, run.snippets().size(), "no result of the other launch: " + run.snippets());
            assertEquals(Status.PASSED, run.snippets().get(0).status(), run.snippets().get(0).reason());
        }
    }

    @Test
    void aLaunchWhoseEngineNeverStartedReportsNoHostNotThePreviousOne() {
        Heard ok = launch(Map.of(Constants.HOST_PREFIX + "distroId", "alpha"));
        assertEquals(1, ok.hosts.size());
        Heard broken = launch(Map.of(Constants.CONSOLE_SHELL, "fish"));
        assertEquals(List.of(), broken.hosts, "a bad configuration stops the engine before it has a host");
        assertEquals(List.of(), broken.files);
        assertTrue(Files.isDirectory(tmp.resolve("results")));
    }

    @Test
    void noResultsFolderNoFile() {
        var req = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(CONTENT.toFile()))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.CACHE_DIR, tmp.resolve("cache").toString())
                .configurationParameter(Constants.SANDBOX, "none");
        Heard heard = new Heard();
        try (LauncherSession s = LauncherFactory.openSession()) {
            s.getLauncher().execute(req.build(), heard);
        }
        assertEquals(1, heard.hosts.size());
        assertEquals(List.of(), heard.files);
        assertNull(System.getProperty(Constants.RESULTS_DIR));
    }
}
