package org.goguides.site.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.goguides.checks.host.HostFacts;
import org.goguides.checks.host.HostProbe;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.RepeatComparison;
import org.goguides.checks.results.TimeoutMargin;
import org.goguides.checks.results.ResultCache;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.sandbox.Sandboxes;
import org.goguides.checks.run.GoToolchains;
import org.goguides.checks.run.RunnerSettings;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.TranslationDrift;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.update.ExpectationUpdater;
import org.goguides.site.SiteBuilder;
import org.goguides.site.render.BuildException;
import org.goguides.site.report.CheckEvents;
import org.goguides.site.report.OutputFormat;
import org.goguides.site.report.SharedSteps;
import org.goguides.site.serve.DevServer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * The command line: {@code check}, {@code build}, {@code serve}, {@code lint} and {@code compare} (contract §7).
 * Output is UTF-8 whatever the platform's default; errors are one line each, never a stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    /** Where machine-readable events go ({@code --format}); the plain lines go to {@code out}. */
    private final PrintStream events;

    Main(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, out);
    }

    private Main(PrintStream out, PrintStream err, Map<String, String> env, PrintStream events) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.events = events;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Main(out, err).run(args);
        if (code != Integer.MIN_VALUE) System.exit(code);
    }

    /** Runs one command and returns its exit code ({@code MIN_VALUE}: keep running, as serve does). */
    int run(String[] args) {
        Options o = Options.parse(args);
        if (!o.errors.isEmpty()) {
            o.errors.forEach(e -> err.println("error: " + e));
            err.println("run with --help for usage");
            return USAGE;
        }
        OutputFormat format = OutputFormat.resolve(o.format, env).orElseThrow();
        // JSON lines own stdout: the plain lines move to stderr
        if (format == OutputFormat.JSONL && events == out) return new Main(err, err, env, out).run(args);
        try {
            return switch (o.verb) {
                case "lint" -> lint(o);
                case "check" -> check(o);
                case "build" -> build(o);
                case "serve" -> serve(o);
                case "compare" -> new CompareCommand(out, err, env).run(o);
                default -> {
                    out.print(Options.USAGE);
                    yield OK;
                }
            };
        } catch (BuildException e) {
            err.println(TerminalText.visible(e.getMessage()));
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private Content load(Options o) {
        // with inlines, as the site build parses: lint then reports what build would (unsafe links too)
        return new ContentLoader(o.content, Path.of("")).withDependencies()
                .withSink(org.goguides.site.render.MarkdownRenderer::parse, (g, tree, clean) -> {
                }).load(o.guides);
    }

    /** The machine-readable reporter {@code --format} asks for. */
    private CheckEvents events(Options o) {
        return CheckEvents.of(OutputFormat.resolve(o.format, env).orElseThrow(), events, env);
    }

    /** Prints the problems and returns true if there were any. */
    private boolean report(List<Problem> problems) {
        problems.forEach(p -> err.println(TerminalText.visible(p.toString())));
        if (!problems.isEmpty()) err.println(problems.size() + (problems.size() == 1 ? " authoring error" : " authoring errors"));
        return !problems.isEmpty();
    }

    int lint(Options o) throws IOException {
        Content c = load(o);
        List<Problem> all = new java.util.ArrayList<>(c.problems());
        List<Problem> drift = TranslationDrift.find(c);
        all.addAll(drift);
        java.util.Collections.sort(all);
        CheckEvents ev = events(o);
        ev.authoringErrors(c.problems().stream().sorted().toList());
        ev.drift(drift.stream().sorted().toList());
        List<Problem> warnings = all.isEmpty() ? org.goguides.checks.parse.LintWarnings.find(c) : List.of();
        warnings.forEach(w -> ev.warning(w.pos(), "lint warning", w.message()));
        List<TimeoutMargin.SlowStep> slow = all.isEmpty() ? slowStepsOfLastResults(c, o) : List.of();
        slow.forEach(s -> slowStepEvent(ev, s));
        ev.finish();
        if (report(all)) return USAGE;
        warnings.forEach(w -> err.println(TerminalText.visible("warning: " + w)));
        long snippets = c.guides().stream().mapToLong(g -> g.executable().size()).sum();
        out.println("ok: " + c.guides().size() + " guide files, " + snippets + " executable snippets");
        slow.forEach(s -> err.println(TerminalText.visible("warning: " + s.message())));
        return OK;
    }

    /**
     * The steps of the last results (each host's file in the {@code --results} folders, default
     * {@code target/results} when it exists) that used more than half of their timeout.
     */
    private List<TimeoutMargin.SlowStep> slowStepsOfLastResults(Content c, Options o) {
        List<TimeoutMargin.SlowStep> slow = new ArrayList<>();
        for (Path dir : o.resultsIn()) {
            if (!Files.isDirectory(dir)) continue;
            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                err.println("warning: " + dir + ": cannot list the results (" + e.getMessage() + ")");
                continue;
            }
            for (Path f : files) {
                try {
                    HostRun run = ResultStore.read(f);
                    if (run.host() != null && run.snippets() != null) slow.addAll(TimeoutMargin.find(c, run.snippets(), run.host().key()));
                } catch (IOException | RuntimeException e) {
                    // not a host's results file (a merged all.json, say): nothing to report from it
                }
            }
        }
        return slow;
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

    private static void slowStepEvent(CheckEvents ev, TimeoutMargin.SlowStep s) {
        ev.warning(new SourcePos(s.source(), s.line()), "step near its timeout", s.text());
    }

    int check(Options o) throws IOException {
        Content c = load(o);
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
        Map<String, List<SnippetResult>> cached = Map.of();
        HostRun previous = null;
        HostFacts probed = null; // handed to the engine, which then does not probe again
        if (!o.noCache && o.guides.isEmpty() && o.goVersions.isEmpty()) {
            HostFacts host = probed = HostProbe.probe(Map.of(), !o.offline);
            Path prev = o.resultsOut().resolve(host.key() + ".json");
            if (Files.isRegularFile(prev)) {
                previous = ResultStore.read(prev);
                String isolation = o.disposableHost || org.goguides.checks.sandbox.DisposableHost.requested(
                        System.getenv(org.goguides.checks.sandbox.DisposableHost.ENV)) ? "disposable" : o.noSandbox ? "none" : Sandboxes.detect().name();
                cached = ResultCache.reusable(c, previous, isolation, host.online() && !o.offline, Duration.ofDays(7), Instant.now());
                cached.keySet().retainAll(slugs.isEmpty() ? c.bySlug().keySet() : slugs);
                SeriesSelection.notReusable(c, cached, slugs);
            }
        }
        Set<String> toRun = new LinkedHashSet<>(slugs.isEmpty() ? c.bySlug().keySet() : slugs);
        toRun.removeAll(cached.keySet());
        if (!cached.isEmpty()) {
            out.println(TerminalText.visible("cached: " + String.join(", ", cached.keySet()) + " (unchanged since the run of "
                    + previous.finished() + " on this host; --no-cache runs them again)"));
        }
        ConsoleReporter reporter = new ConsoleReporter(out);
        KeptResults kept = KeptResults.before(o.resultsOut());
        String hostKey = previous == null ? null : previous.host().key();
        Set<String> toRunAll = new LinkedHashSet<>(toRun);
        toRunAll.addAll(cached.keySet());
        ev.drift(TranslationDrift.find(c).stream().filter(p -> c.guides().stream()
                .anyMatch(g -> toRunAll.contains(g.slug()) && g.displayPath().equals(p.pos().path()))).sorted().toList());
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
            String key = launch(o, toRun, go, go.equals("local") ? probed : null, reporter);
            if (key != null) keys.add(key);
            if (key != null) warnSlowSteps(c, o.resultsOut().resolve(key + ".json"), reporter, ev);
            if (hostKey == null || go.equals("local")) hostKey = key;
            if (versions.size() > 1) out.println("results: " + o.resultsOut().resolve(key + ".json"));
            if (key != null) keepFor.add(key);
        }
        if (hostKey == null) {
            out.println(reporter.summary());
            ev.finish();
            return FAILED;
        }
        keys.add(hostKey);
        Path resultsFile = o.resultsOut().resolve(hostKey + ".json");
        if (!cached.isEmpty()) {
            List<SnippetResult> all = new ArrayList<>();
            cached.values().forEach(all::addAll);
            HostRun fresh = toRun.isEmpty() ? null : ResultStore.read(resultsFile);
            if (fresh != null) all.addAll(fresh.snippets());
            HostRun base = fresh != null ? fresh : previous;
            String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            ResultStore.write(o.resultsOut(), new HostRun(HostRun.SCHEMA, base.host(), base.isolation(),
                    fresh != null ? fresh.started() : now, fresh != null ? fresh.finished() : now, all));
            int reused = all.size() - (fresh == null ? 0 : fresh.snippets().size());
            reporter.passed.addAndGet((int) cached.values().stream().flatMap(List::stream).filter(r -> r.status().equals("passed")).count());
            reporter.skipped.addAndGet((int) cached.values().stream().flatMap(List::stream).filter(r -> r.status().equals("skipped")).count());
            out.println("reused " + reused + " results of unchanged guides");
        }
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
     * {@code check --repeat N}: runs the guides N times, each time in fresh sessions and without the
     * result cache, then reports every step that did not give the same answer every time (see
     * {@link RepeatComparison}) and the steps that came close to their timeout in any run.
     * Exit 1 when a step differed or failed.
     */
    private int repeat(Options o, Content c, Set<String> slugs) throws IOException {
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
    private String launch(Options o, Set<String> toRun, String go, HostFacts host, ConsoleReporter reporter) {
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

    int build(Options o) throws IOException {
        return build(o, new SiteBuilder());
    }

    private int build(Options o, SiteBuilder builder) throws IOException {
        long start = System.nanoTime();
        SiteBuilder.Report r = builder.build(new SiteBuilder.Options(o.content, o.templates, o.resultsIn(), o.out,
                o.guides, Path.of(""), o.maxAge, org.goguides.site.render.SiteUrl.resolve(o.baseUrl, System.getenv())));
        if (report(r.problems())) return USAGE;
        r.warnings().forEach(w -> err.println(TerminalText.visible("warning: " + w)));
        out.printf("built %d pages into %s in %d ms%n", r.pages(), o.out, (System.nanoTime() - start) / 1_000_000);
        return OK;
    }

    /** What serve watches: content, templates and the results (a check in another terminal updates the badges). */
    static List<Path> watched(Options o) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(o.content, o.templates));
        for (Path r : o.resultsIn()) {
            if (Files.isRegularFile(r)) dirs.add(r.toAbsolutePath().getParent());
            else dirs.add(Files.createDirectories(r)); // watched before the first check writes into it
        }
        return dirs;
    }

    int serve(Options o) throws IOException {
        SiteBuilder builder = SiteBuilder.forRebuilds();
        int first = build(o, builder);
        if (first == USAGE) err.println("fix the errors above; the server rebuilds when a file changes");
        DevServer server = new DevServer(o.out, o.host, o.port, () -> {
            try {
                build(o, builder);
            } catch (IOException | BuildException e) {
                err.println(TerminalText.visible(e.getMessage()));
            }
        }, watched(o), out);
        server.start();
        return Integer.MIN_VALUE;
    }
}
