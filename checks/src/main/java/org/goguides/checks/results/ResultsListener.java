package org.goguides.checks.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.host.HostFacts;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.run.RunOutcome;

/**
 * Writes the results file of a run (contract §6). Registered through {@code META-INF/services}, so
 * the same listener serves Surefire, IDEs and the {@code check} command; it writes only when the
 * configuration parameter {@value Constants#RESULTS_DIR} names a folder.
 */
public final class ResultsListener implements TestExecutionListener {
    private Path dir;
    private Instant started;
    private final List<SnippetResult> results = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        dir = plan.getConfigurationParameters().get(Constants.RESULTS_DIR).map(Path::of).orElse(null);
        started = Instant.now();
        synchronized (results) {
            results.clear();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        RunRegistry.snippet(id.getUniqueId()).ifPresent(s -> add(s, RunOutcome.skipped(reason)));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<Snippet> s = RunRegistry.snippet(id.getUniqueId());
        if (s.isEmpty()) return;
        RunOutcome o = RunRegistry.outcome(id.getUniqueId()).orElseGet(() -> RunOutcome.error(
                result.getThrowable().map(Throwable::toString).orElse("the engine gave no outcome"), 0));
        add(s.get(), o);
    }

    private void add(Snippet s, RunOutcome o) {
        SnippetResult r = new SnippetResult(s.guide(), s.locale(), s.id(), s.lang(), s.pos().path(), s.pos().line(), s.hash(),
                o.status(), o.reason(), o.exit(), o.durationMs(), o.output(), o.diff());
        synchronized (results) {
            results.add(r);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Optional<HostFacts> host = RunRegistry.host();
        if (dir == null || host.isEmpty()) return;
        List<SnippetResult> copy;
        synchronized (results) {
            if (results.isEmpty()) return;
            copy = new ArrayList<>(results);
        }
        copy.sort(java.util.Comparator.comparing(SnippetResult::source).thenComparingInt(SnippetResult::line));
        HostRun run = new HostRun(HostRun.SCHEMA, HostInfo.of(host.get()), RunRegistry.isolation(),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), copy);
        try {
            ResultStore.write(dir, run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir, e);
        }
    }
}
