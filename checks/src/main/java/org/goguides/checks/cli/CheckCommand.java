package org.goguides.checks.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.host.HostFacts;
import org.goguides.checks.host.HostProbe;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.TranslationDrift;
import org.goguides.checks.report.CheckEvents;
import org.goguides.checks.report.OutputFormat;
import org.goguides.checks.report.SharedSteps;
import org.goguides.checks.report.TerminalText;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.RepeatComparison;
import org.goguides.checks.results.ResultCache;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;
import org.goguides.checks.results.TimeoutMargin;
import org.goguides.checks.run.GoToolchains;
import org.goguides.checks.run.RunnerSettings;
import org.goguides.checks.sandbox.DisposableHost;
import org.goguides.checks.sandbox.Sandboxes;
import org.goguides.checks.update.ExpectationUpdater;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * The {@code check} command: runs the guides' snippets through the JUnit Platform launcher, reuses the
 * results of guides unchanged since the last run on this host, runs again under other Go toolchains
 * ({@code --go}), compares repeated runs ({@code --repeat}) and rewrites expected output ({@code --update}).
 * Shared by the command line of {@code checks} ({@link Main}) and the site's ({@code site-build.jar check}).
 * Output is what the caller's streams carry; errors are one line each, never a stack trace.
 */
public final class CheckCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    /** Where machine-readable events go ({@code --format}); the plain lines go to {@code out}. */
    private final PrintStream events;

    /**
     * @param out the plain lines (a snippet each, the summary)
     * @param err errors and warnings
     * @param env the environment (GitHub Actions' variables for {@code --format github})
     * @param events where the events of {@code --format} go (stdout for {@code jsonl}, with {@code out} then stderr)
     */
    public CheckCommand(PrintStream out, PrintStream err, Map<String, String> env, PrintStream events) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.events = events;
    }

    /** The machine-readable reporter {@code --format} asks for. */
    private CheckEvents events(CheckOptions o) {
        return CheckEvents.of(OutputFormat.resolve(o.format, env).orElseThrow(), events, env);
    }

    /** Prints the problems and returns true if there were any. */
    private boolean report(List<Problem> problems) {
        problems.forEach(p -> err.println(TerminalText.visible(p.toString())));
        if (!problems.isEmpty()) err.println(problems.size() + (problems.size() == 1 ? " authoring error" : " authoring errors"));
        return !problems.isEmpty();
    }

    /**
     * Warns about the steps of a results file that this run ran and that used more than half of their
     * timeout: a WARN line on the console and a warning event (a GitHub {@code ::warning} annotation, a
     * JSON line) on the step's line.
     */
    private void warnSlowSteps(Content c, Path resultsFile, ConsoleReporter reporter, CheckEvents ev) throws IOException {
        if (!Files.isRegularFile(resultsFile)) return;
        HostRun run = ResultStore.read(resultsFile);
        for (TimeoutMargin.SlowStep s : TimeoutMargin.find(c, run.snippets(), run.host().key())) {
            reporter.slowStep(s);
            slowStepEvent(ev, s);
        }
    }

    /** The warning event of a step that used more than half of its timeout ({@code lint} reports the same). */
    public static void slowStepEvent(CheckEvents ev, TimeoutMargin.SlowStep s) {
        ev.warning(new SourcePos(s.source(), s.line()), "step near its timeout", s.text());
    }

    /** Runs the check and returns its exit code: {@link #OK}, {@link #FAILED} (a step failed) or {@link #USAGE}. */
    public int run(CheckOptions o) throws IOException {
        // the guides asked for and those they build on, with every authoring error; paths shown from the working directory
        Content c = new ContentLoader(o.content, Path.of("")).withDependencies().load(o.guides);
        CheckEvents ev = events(o);
        if (!c.problems().isEmpty()) {
            ev.authoringErrors(c.problems().stream().sorted().toList());
            ev.finish();
        }
        if (report(c.problems())) return USAGE;
        if (o.requireSandbox && Sandboxes.detect().name().equals("none")) {
            err.println("error: --require-sandbox: " + Sandboxes.detect().describe());
            return USAGE;
        }
        Set<String> slugs = new LinkedHashSet<>(o.guides);
        if (o.changedSince != null) {
            Optional<Set<String>> changed = ChangedGuides.since(o.changedSince, o.content, c, err);
            if (changed.isEmpty()) return USAGE;
            if (changed.get().isEmpty()) {
                out.println("no guide changed since " + o.changedSince);
                return OK;
            }
            Set<String> affected = SeriesSelection.withDependents(c, changed.get());
            if (slugs.isEmpty()) slugs.addAll(affected);
            else slugs.retainAll(affected);
            out.println(TerminalText.visible("changed since " + o.changedSince + ": " + String.join(", ", slugs)));
        }
        if (o.repeat > 1) return repeat(o, c, slugs.isEmpty() ? c.bySlug().keySet() : slugs);
        Reuse reuse = reuse(o, c, slugs);
        Map<String, List<SnippetResult>> cached = reuse.cached();
        HostRun previous = reuse.previous();
        Set<String> toRun = new LinkedHashSet<>(slugs.isEmpty() ? c.bySlug().keySet() : slugs);
        toRun.removeAll(cached.keySet());
        if (!cached.isEmpty()) {
            out.println(TerminalText.visible("cached: " + String.join(", ", cached.keySet()) + " (unchanged since the run of "
                    + previous.finished() + " on this host; --no-cache runs them again)"));
        }
        ConsoleReporter reporter = new ConsoleReporter(out);
        KeptResults kept = KeptResults.before(o.resultsOut());
        Set<String> toRunAll = new LinkedHashSet<>(toRun);
        toRunAll.addAll(cached.keySet());
        ev.drift(TranslationDrift.find(c).stream().filter(p -> c.guides().stream()
                .anyMatch(g -> toRunAll.contains(g.slug()) && g.displayPath().equals(p.pos().path()))).sorted().toList());
        Launches launches = launchAll(o, c, toRun, reuse, reporter, ev);
        Set<String> keys = launches.keys();
        List<String> keepFor = launches.keepFor();
        String hostKey = launches.hostKey();
        if (hostKey == null) {
            out.println(reporter.summary());
            ev.finish();
            return FAILED;
        }
        keys.add(hostKey);
        Path resultsFile = o.resultsOut().resolve(hostKey + ".json");
        if (!cached.isEmpty()) mergeReused(o, reuse, !toRun.isEmpty(), resultsFile, reporter);
        if (!keepFor.contains(hostKey)) keepFor.add(hostKey);
        int others = 0;
        for (String key : keepFor) others += kept.keep(o.resultsOut(), key, KeptResults.guideSlugs(o.content));
        if (others > 0) out.println("kept " + others + " earlier results of guides this run did not check");
        out.println(reporter.summary());
        out.println("results: " + resultsFile);
        ev.twins(SharedSteps.of(c));
        for (String key : keys) {
            Path f = o.resultsOut().resolve(key + ".json");
            if (!Files.isRegularFile(f)) continue;
            // what this run reports: what ran now and what the cache reused, not the kept results of other guides
            HostRun run = ResultStore.read(f);
            Set<String> reused = cached.keySet();
            ev.hostRun(new HostRun(run.schema(), run.host(), run.isolation(), run.started(), run.finished(),
                    run.snippets().stream().filter(r -> r.ranAt().isEmpty() || reused.contains(r.guide())).toList()));
        }
        ev.finish();
        if (o.update && Files.isRegularFile(resultsFile)) update(c, resultsFile);
        return reporter.failed.get() + reporter.errors.get() > 0 ? FAILED : OK;
    }

    /**
     * What the result cache lets a run reuse: the results of guides unchanged since the last run on this host
     * ({@link ResultCache}), that run, and this host's facts if they were probed for it (null otherwise).
     */
    private record Reuse(Map<String, List<SnippetResult>> cached, HostRun previous, HostFacts probed) {
    }

    /** The guides whose results can be reused; none with {@code --no-cache}, {@code --guide} or {@code --go}. */
    private Reuse reuse(CheckOptions o, Content c, Set<String> slugs) throws IOException {
        if (o.noCache || !o.guides.isEmpty() || !o.goVersions.isEmpty()) return new Reuse(Map.of(), null, null);
        HostFacts host = HostProbe.probe(Map.of(), !o.offline); // handed to the engine, which then does not probe again
        Path prev = o.resultsOut().resolve(host.key() + ".json");
        if (!Files.isRegularFile(prev)) return new Reuse(Map.of(), null, host);
        HostRun previous = ResultStore.read(prev);
        String isolation = o.disposableHost || DisposableHost.requested(
                System.getenv(DisposableHost.ENV)) ? "disposable" : o.noSandbox ? "none" : Sandboxes.detect().name();
        Map<String, List<SnippetResult>> cached = ResultCache.reusable(c, previous, isolation, host.online() && !o.offline, Duration.ofDays(7), Instant.now());
        cached.keySet().retainAll(slugs.isEmpty() ? c.bySlug().keySet() : slugs);
        SeriesSelection.notReusable(c, cached, slugs);
        return new Reuse(cached, previous, host);
    }

    /** The host files a run wrote ({@code keys}, {@code keepFor}) and the one of the Go on PATH ({@code hostKey}; null if none ran). */
    private record Launches(Set<String> keys, List<String> keepFor, String hostKey) {
    }

    /** Runs {@code toRun} under each toolchain of {@code --go} (the Go on PATH without it), warning about slow steps after each. */
    private Launches launchAll(CheckOptions o, Content c, Set<String> toRun, Reuse reuse, ConsoleReporter reporter, CheckEvents ev)
            throws IOException {
        String hostKey = reuse.previous() == null ? null : reuse.previous().host().key();
        Set<String> keys = new LinkedHashSet<>();
        List<String> versions = o.goVersions.isEmpty() ? List.of("local") : o.goVersions;
        List<String> keepFor = new ArrayList<>(); // host files this run wrote
        for (String go : versions) {
            if (toRun.isEmpty()) break;
            if (versions.size() > 1 || !go.equals("local")) out.println("== Go " + (go.equals("local") ? "on PATH" : go) + " ==");
            if (!go.equals("local")) {
                try {
                    out.println("toolchain: " + GoToolchains.fetch(go, RunnerSettings.defaultCacheDir()));
                } catch (IOException e) {
                    err.println("error: --go " + go + ": " + e.getMessage());
                    reporter.errors.incrementAndGet();
                    continue;
                }
            }
            String key = launch(o, toRun, go, go.equals("local") ? reuse.probed() : null, reporter);
            if (key != null) keys.add(key);
            if (key != null) warnSlowSteps(c, o.resultsOut().resolve(key + ".json"), reporter, ev);
            if (hostKey == null || go.equals("local")) hostKey = key;
            if (versions.size() > 1) out.println("results: " + o.resultsOut().resolve(key + ".json"));
            if (key != null) keepFor.add(key);
        }
        return new Launches(keys, keepFor, hostKey);
    }

    /** Writes the reused results into this host's results file, beside what ran now ({@code ranNow}), and counts them. */
    private void mergeReused(CheckOptions o, Reuse reuse, boolean ranNow, Path resultsFile, ConsoleReporter reporter) throws IOException {
        Map<String, List<SnippetResult>> cached = reuse.cached();
        List<SnippetResult> all = new ArrayList<>();
        cached.values().forEach(all::addAll);
        HostRun fresh = ranNow ? ResultStore.read(resultsFile) : null;
        if (fresh != null) all.addAll(fresh.snippets());
        HostRun base = fresh != null ? fresh : reuse.previous();
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        ResultStore.write(o.resultsOut(), new HostRun(HostRun.SCHEMA, base.host(), base.isolation(),
                fresh != null ? fresh.started() : now, fresh != null ? fresh.finished() : now, all));
        int reused = all.size() - (fresh == null ? 0 : fresh.snippets().size());
        reporter.passed.addAndGet((int) cached.values().stream().flatMap(List::stream).filter(r -> r.status() == Status.PASSED).count());
        reporter.skipped.addAndGet((int) cached.values().stream().flatMap(List::stream).filter(r -> r.status() == Status.SKIPPED).count());
        out.println("reused " + reused + " results of unchanged guides");
    }

    /**
     * {@code check --repeat N}: runs the guides N times, each time in fresh sessions and without the
     * result cache, then reports every step that did not give the same answer every time (see
     * {@link RepeatComparison}) and the steps that came close to their timeout in any run.
     * Exit 1 when a step differed or failed.
     */
    private int repeat(CheckOptions o, Content c, Set<String> slugs) throws IOException {
        HostFacts host = HostProbe.probe(Map.of(), !o.offline);
        List<List<SnippetResult>> runs = new ArrayList<>();
        Map<String, TimeoutMargin.SlowStep> slowest = new java.util.LinkedHashMap<>();
        ConsoleReporter reporter = null;
        int failures = 0;
        for (int i = 1; i <= o.repeat; i++) {
            out.println("== run " + i + " of " + o.repeat + " ==");
            reporter = new ConsoleReporter(out);
            String key = launch(o, new LinkedHashSet<>(slugs), "local", host, reporter);
            out.println(reporter.summary());
            if (key == null) return FAILED;
            failures += reporter.failed.get() + reporter.errors.get();
            HostRun run = ResultStore.read(o.resultsOut().resolve(key + ".json"));
            runs.add(run.snippets());
            for (TimeoutMargin.SlowStep s : TimeoutMargin.find(c, run.snippets(), key)) {
                slowest.merge(s.guide() + "/" + s.id(), s, (a, b) -> a.durationMs() >= b.durationMs() ? a : b);
            }
        }
        List<RepeatComparison.Unstable> unstable = RepeatComparison.compare(runs);
        out.println("== " + o.repeat + " runs compared ==");
        unstable.forEach(reporter::unstable);
        slowest.values().forEach(reporter::slowStep);
        out.println("repeat: " + o.repeat + " runs of " + slugs.size() + (slugs.size() == 1 ? " guide" : " guides") + ": "
                + (unstable.isEmpty() ? "no step differed between runs" : unstable.size() + (unstable.size() == 1 ? " step" : " steps")
                + " differed between runs") + "; " + failures + (failures == 1 ? " failure" : " failures") + " in all runs; "
                + slowest.size() + (slowest.size() == 1 ? " step used more than half of its timeout" : " steps used more than half of their timeout"));
        return unstable.isEmpty() && failures == 0 ? OK : FAILED;
    }

    /**
     * Runs the guides' snippets through the JUnit Platform launcher under one Go toolchain; returns the host key.
     * {@code host}: this machine's facts if the caller probed them already, else null (the engine probes).
     */
    private String launch(CheckOptions o, Set<String> toRun, String go, HostFacts host, ConsoleReporter reporter) {
        LauncherDiscoveryRequestBuilder req = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(o.content.toFile()))
                .filters(includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.RESULTS_DIR, o.resultsOut().toAbsolutePath().toString())
                .configurationParameter(Constants.DISPLAY_BASE, Path.of("").toAbsolutePath().toString())
                .configurationParameter(Constants.OFFLINE, Boolean.toString(o.offline))
                .configurationParameter(Constants.GUIDES, String.join(",", toRun))
                .configurationParameter(Constants.GO_VERSION, go);
        if (o.noSandbox) req.configurationParameter(Constants.SANDBOX, "none");
        if (o.disposableHost) req.configurationParameter(Constants.DISPOSABLE_HOST, "true");
        if (host != null) host.asOverrides().forEach((k, v) -> req.configurationParameter(Constants.HOST_PREFIX + k, v));
        HostBanner banner = new HostBanner(out);
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(req.build(), banner, reporter);
        }
        return banner.hostKey();
    }

    /** {@code check --update}: rewrites the expected output of steps that failed only on output. */
    private void update(Content c, Path resultsFile) throws IOException {
        ExpectationUpdater.Report r = ExpectationUpdater.update(c, ResultStore.read(resultsFile).snippets());
        r.notes().forEach(n -> err.println(TerminalText.visible("not updated: " + n)));
        if (r.edits().isEmpty()) {
            out.println("update: no expected output to rewrite");
            return;
        }
        out.print(TerminalText.visible(r.diff()));
        out.println("update: rewrote " + r.edits().size() + " expected outputs; run check again to verify them");
    }
}
