package org.goguides.checks.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

import org.goguides.checks.host.HostFacts;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.results.HostInfo;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.run.RunOutcome;

/**
 * Records what each snippet of one run came to and, when the configuration names a results folder
 * ({@value Constants#RESULTS_DIR}), writes the run's results file at its end. One per execution, carried by
 * its {@link GuidesExecutionContext}: nothing is kept between runs. It tells the launcher's listeners the
 * host at the start and the file at the end ({@link RunReport}).
 */
final class ResultRecorder {
    private final Path dir;
    private final HostFacts host;
    private final String isolation;
    private final String isolationDescription;
    private final EngineExecutionListener listener;
    private final TestDescriptor root;
    private final Instant started = Instant.now();
    private final List<SnippetResult> results = new ArrayList<>();

    /**
     * @param dir the results folder, null to write no file
     * @param listener the launcher's listener, told the host and the results file on {@code root}
     */
    ResultRecorder(Path dir, HostFacts host, String isolation, String isolationDescription, EngineExecutionListener listener, TestDescriptor root) {
        this.dir = dir;
        this.host = host;
        this.isolation = isolation;
        this.isolationDescription = isolationDescription;
        this.listener = listener;
        this.root = root;
    }

    /** The run starts: its host and isolation, for the listeners (a banner, say). */
    void started() {
        listener.reportingEntryPublished(root, new RunReport.Host(host.key(), host.describe(), host.online(), isolation,
                isolationDescription).entry());
    }

    /** What a snippet came to. */
    void record(Snippet s, RunOutcome o) {
        SnippetResult r = new SnippetResult(s.guide(), s.locale(), s.id(), s.lang(), s.pos().path(), s.pos().line(), s.hash(),
                o.status(), o.reason(), o.exit(), o.durationMs(), o.output(), o.diff());
        synchronized (results) {
            results.add(r);
        }
    }

    /** The run is over: writes its results file (when a folder is named and a snippet ran) and says where. */
    void finished() {
        if (dir == null) return;
        List<SnippetResult> copy;
        synchronized (results) {
            if (results.isEmpty()) return;
            copy = new ArrayList<>(results);
        }
        copy.sort(Comparator.comparing(SnippetResult::source).thenComparingInt(SnippetResult::line));
        HostRun run = new HostRun(HostRun.SCHEMA, HostInfo.of(host), isolation,
                started.truncatedTo(ChronoUnit.SECONDS).toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), copy);
        Path file;
        try {
            file = ResultStore.write(dir, run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
        listener.reportingEntryPublished(root, ReportEntry.from(RunReport.RESULTS_FILE, file.toAbsolutePath().toString()));
    }
}
